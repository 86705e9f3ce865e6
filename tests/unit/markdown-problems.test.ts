import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { MarkdownProblems, reportProblem } from '@/lib/markdown/problems';
import { rehypeReportProblems } from '@/lib/markdown/rehype-report-problems';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';

/**
 * A remark plugin that reports every paragraph whose text is in `problems`
 * (the last first, so the report has to sort them), twice, and leaves one
 * warning of another source.
 */
const remarkReportParagraphs = (problems: string[]) => () => (tree: Root, file: VFile) => {
  file.message('a warning from some other plugin', { source: 'remark-lint' });
  for (const node of [...tree.children].reverse()) {
    const text = node.type === 'paragraph' && node.children[0]?.type === 'text' ? node.children[0].value : '';
    if (!problems.includes(text)) continue;
    reportProblem(file, `bad paragraph "${text}"`, node.position, 'test-rule');
    reportProblem(file, `bad paragraph "${text}"`, node.position, 'test-rule');
  }
};

async function run(markdown: string, problems: string[]) {
  const processor = await createMarkdownProcessor({
    remarkPlugins: [remarkReportParagraphs(problems)],
    rehypePlugins: [rehypeReportProblems],
    syntaxHighlight: false,
  });
  return processor.render(markdown);
}

describe('rehypeReportProblems', () => {
  it('lets a render with no problem of its own through, whatever other plugins said', async () => {
    expect((await run('fine', [])).code).toBe('<p>fine</p>');
  });

  it('throws one MarkdownProblems with every problem once, one line each, in line order', async () => {
    const failure = await run('one\n\ntwo\n\nthree', ['one', 'three']).catch((error: unknown) => error);
    expect(MarkdownProblems.is(failure)).toBe(true);
    const problems = failure as MarkdownProblems;
    expect(problems.problems).toEqual([
      { line: 1, column: 1, reason: 'bad paragraph "one"' },
      { line: 5, column: 1, reason: 'bad paragraph "three"' },
    ]);
    // Astro's processor puts a line naming the file in front.
    expect(problems.message).toMatch(/(?:^|\n)line 1: bad paragraph "one"\nline 5: bad paragraph "three"$/);
  });
});

describe('MarkdownProblems', () => {
  it('puts problems without a line last, as their reason alone', () => {
    const problems = new MarkdownProblems([{ reason: 'somewhere' }, { line: 2, reason: 'here' }]);
    expect(problems.message).toBe('line 2: here\nsomewhere');
    expect(problems.name).toBe('MarkdownProblems');
  });

  it('is recognised without instanceof, as when the loader and the processor load this module apart', () => {
    const fromAnotherCopy = Object.assign(new Error('line 1: x'), {
      [Symbol.for('broadside.MarkdownProblems')]: true,
      problems: [{ line: 1, reason: 'x' }],
    });
    expect(MarkdownProblems.is(fromAnotherCopy)).toBe(true);
    expect(MarkdownProblems.is(new Error('line 1: x'))).toBe(false);
    expect(MarkdownProblems.is(undefined)).toBe(false);
  });
});

describe('rehypeReportProblems asked for the problems in the metadata', () => {
  it('hands them back in line order, each once, instead of throwing', async () => {
    const processor = await createMarkdownProcessor({
      remarkPlugins: [remarkReportParagraphs(['One', 'Three'])],
      rehypePlugins: [rehypeReportProblems],
      syntaxHighlight: false,
    });
    const { metadata } = await processor.render('One\n\nTwo\n\nThree\n', {
      frontmatter: { problemsInMetadata: true },
    });
    expect(metadata.frontmatter.markdownProblems).toEqual([
      { line: 1, column: 1, reason: 'bad paragraph "One"' },
      { line: 5, column: 1, reason: 'bad paragraph "Three"' },
    ]);
  });
});
