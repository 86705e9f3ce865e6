/**
 * Runs every case in tests/fixtures/markdown/ through the site's own
 * Markdown processor (the plugin lists in src/lib/markdown/plugins.ts):
 * a case with output.html must render to it; a case with error.txt must stop
 * with one `MarkdownProblems` that reports exactly the problems listed
 * there, one a line ("line 3: unknown directive ..."), in that order.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMarkdownProcessor, type RemarkPlugins } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { markdownOptions } from '@/lib/markdown/plugins';
import { remarkImageGuard } from '@/lib/markdown/remark-image-guard';
import { MarkdownProblems, problemLine } from '@/lib/markdown/problems';

const root = join(import.meta.dirname, '../fixtures/markdown');
const cases = readdirSync(root).sort();
// The fixtures are their own content folder: the image guard accepts images inside it.
const remarkPlugins: RemarkPlugins = markdownOptions.remarkPlugins.map((plugin) =>
  plugin === remarkImageGuard ? [remarkImageGuard, { contentRoot: root }] : plugin,
);
const processor = await createMarkdownProcessor({ ...markdownOptions, remarkPlugins, syntaxHighlight: false });
const render = async (name: string) => {
  const input = readFileSync(join(root, name, 'input.md'), 'utf8');
  return (await processor.render(input, { fileURL: new URL(`file://${join(root, name, 'input.md')}`) })).code;
};

/** The problems a failed render reported, one `line N: reason` each, or a note saying what came out instead. */
async function reportedProblems(name: string): Promise<string[]> {
  const failure: unknown = await render(name).then(
    () => new Error('the render should have failed'),
    (error: unknown) => error,
  );
  if (!MarkdownProblems.is(failure)) return [`not a MarkdownProblems: ${String(failure)}`];
  return failure.problems.map(problemLine);
}

describe('Markdown fixtures', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(5);
  });

  for (const name of cases) {
    const errorFile = join(root, name, 'error.txt');
    if (existsSync(errorFile)) {
      it(`${name}: stops with every problem, each naming its line`, async () => {
        const expected = readFileSync(errorFile, 'utf8').trim().split('\n');
        const reported = await reportedProblems(name);
        // Each line of error.txt is the start of one reported problem (reasons go on to say what is right),
        // in the same order, and nothing else is reported.
        expect(reported.map((problem, index) => problem.slice(0, expected[index]?.length))).toEqual(expected);
      });
    } else {
      it(`${name}: renders as expected`, async () => {
        const outputFile = join(root, name, 'output.html');
        const html = `${(await render(name)).trim()}\n`;
        if (process.env.UPDATE_FIXTURES) writeFileSync(outputFile, html);
        expect(html).toBe(readFileSync(outputFile, 'utf8'));
      });
    }
  }
});
