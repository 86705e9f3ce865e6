import { describe, expect, it } from 'vitest';
import { readFrontmatter } from '@/lib/content/frontmatter';

const file = (yaml: string, body = '\nBody.\n') => `---\n${yaml}\n---\n${body}`;

describe('readFrontmatter', () => {
  it('keeps dates as the editor wrote them, and says where the body starts', () => {
    const read = readFrontmatter(file('published: 2022-05-23\nupdated: 2022-05-23T15:25:00+04:00'));
    expect(read).toEqual({
      data: { published: '2022-05-23', updated: '2022-05-23T15:25:00+04:00' },
      body: '\nBody.\n',
      bodyLine: 5,
      problems: [],
    });
  });

  it('ignores a byte-order mark and reads Windows line ends', () => {
    expect(readFrontmatter(`\uFEFF---\r\ntitle: A\r\n---\r\nBody`).data).toEqual({ title: 'A' });
  });

  it('stops an alias bomb at once instead of expanding it', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const name of 'bcdefghij') {
      const previous = String.fromCharCode(name.charCodeAt(0) - 1);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    const started = performance.now();
    const { problems, data } = readFrontmatter(file(levels.join('\n')));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(data).toEqual({});
    expect(problems).toEqual([expect.stringMatching(/^line 2: the YAML repeats aliases .* write the values out/)]);
  });

  it('keeps comments an editor meant: on their own line, or after a quoted value', () => {
    const read = readFrontmatter(file('# a note\ntitle: "We are #1" # checked\ntags: [a] # two'));
    expect(read.problems).toEqual([]);
    expect(read.data).toEqual({ title: 'We are #1', tags: ['a'] });
  });

  it('does not expand a merge key: it reaches the schema as a field of its own', () => {
    expect(readFrontmatter(file('base: &b { draft: false }\n<<: *b')).data).toHaveProperty('<<');
  });

  it.each([
    [
      'a duplicated key',
      file('title: A\ntitle: B'),
      'line 3: Map keys must be unique: "title" is given twice; keep one',
    ],
    [
      'a colon in an unquoted value',
      file('title: Breaking: quake'),
      'line 2: Nested mappings are not allowed in compact mappings: a value holding ": " needs quotes, e.g. title: "Breaking: quake"',
    ],
    [
      'a tab as indentation',
      file('title: A\n\tsection: world'),
      'line 3: Tabs are not allowed as indentation: indent with spaces',
    ],
    [
      'an unclosed quote',
      file('title: "A'),
      'line 2: Missing closing "quote: a quote, bracket or brace is opened and never closed',
    ],
    ['a list instead of fields', file('- title'), 'line 2: the frontmatter must be fields'],
    ['blank lines above the fence', `\n\n${file('title: A')}`, 'line 3: the frontmatter must start on the first line'],
    [
      'a fence glued to text',
      '---title: A\n---\nBody',
      'line 1: "---title: A": the opening --- must be alone on its line',
    ],
    ['a fence never closed', '---\ntitle: A\n\nBody', 'line 1: the frontmatter is never closed'],
    ['no frontmatter', 'Body only', 'line 1: the file has no frontmatter'],
    [
      'a value cut short by " #"',
      file('standfirst: Fine\ntitle: We are #1 again'),
      'line 3: the words after " #" are read as a YAML comment, so the value would end at "We are": put the whole value in quotes',
    ],
    ['an empty file', '\n\n', 'line 1: the file is empty'],
  ])('names the line and the fix for %s', (_, source, expected) => {
    const { problems } = readFrontmatter(source);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(expected);
  });
});
