import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { markdownOptions } from '@/lib/markdown/plugins';
import { liveBlogFile, liveUpdateFile, updateBodyIdPrefix } from '@/lib/content/live-files';

const processor = await createMarkdownProcessor({ ...markdownOptions, syntaxHighlight: false });
const markdown = [
  '## Background',
  '',
  'A claim.[^source] See [above](#background) and [the site](/world/).',
  '',
  '[^source]: The source.',
].join('\n');
const render = async (idPrefix?: string) =>
  (await processor.render(markdown, { frontmatter: idPrefix ? { idPrefix } : {} })).code;

describe('rehypeIdPrefix', () => {
  it("prefixes every id of an update's body and every link and reference to one", async () => {
    const html = await render('update-vote--');
    expect(html).toContain('<h2 id="update-vote--background">');
    expect(html).toContain('href="#update-vote--background"');
    expect(html).toContain('id="update-vote--user-content-fn-source"');
    expect(html).toContain('href="#update-vote--user-content-fn-source"');
    expect(html).toContain('aria-describedby="update-vote--footnote-label"');
    expect(html).toContain('id="update-vote--footnote-label"');
    // Every id of the body carries the prefix; links elsewhere are left alone.
    expect(
      [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]).filter((id) => !id!.startsWith('update-vote--')),
    ).toEqual([]);
    expect(html).toContain('href="/world/"');
  });

  it("leaves an article's body as it is", async () => {
    const html = await render();
    expect(html).toContain('<h2 id="background">');
    expect(html).toContain('href="#background"');
  });
});

describe('live blog files', () => {
  it('takes a blog folder’s index.md as the blog and its updates/ files as updates', () => {
    expect(liveBlogFile('russia-ukraine/index.md')).toEqual({
      id: 'russia-ukraine',
      urlName: 'russia-ukraine',
      urlNameOf: 'folder',
    });
    expect(liveBlogFile('russia-ukraine/updates/first.md')).toEqual({ elsewhere: true });
    expect(liveUpdateFile('russia-ukraine/updates/first.md')).toMatchObject({
      id: 'russia-ukraine/first',
      urlName: 'first',
      urlField: 'id',
    });
    expect(liveUpdateFile('russia-ukraine/index.md')).toEqual({ elsewhere: true });
  });

  it.each(['russia-ukraine.md', 'russia-ukraine/notes.md', 'russia-ukraine/updates/old/first.md', 'a/b/index.md'])(
    'refuses %s, which is neither, once',
    (entry) => {
      const choice = liveBlogFile(entry);
      expect('problem' in choice && choice.problem).toContain('content/live/<slug>/index.md');
      expect(liveUpdateFile(entry)).toEqual({ elsewhere: true });
    },
  );

  it("prefixes an update's body ids with its anchor and a double hyphen, which no update id has", () => {
    const file = { id: 'b/first', urlName: 'first', urlNameOf: 'file' as const, urlField: 'id' };
    expect(updateBodyIdPrefix(file, {})).toBe('update-first--');
    expect(updateBodyIdPrefix(file, { id: 'vote' })).toBe('update-vote--');
  });
});
