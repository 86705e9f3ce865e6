/**
 * Hostile and careless articles through the content pipeline, in process:
 * each file is either refused with at least one problem, or rendered to HTML
 * that holds every one of its words and no markup that could run script.
 * The same articles go through a real build in tests/build/.
 */
import { join } from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { z } from 'astro/zod';
import fc from 'fast-check';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { checkEntry, everyFile } from '@/lib/content/markdown-loader-fs';
import { forbiddenCharacters } from '@/lib/content/forbidden-characters';
import { markdownOptions } from '@/lib/markdown/plugins';
import { articleSchema } from '@/lib/schemas/article';
import { site } from '@/site.config';
import { executableMarkup, hostileArticle, missingWords } from '../../property/hostile-articles';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 400);
const contentRoot = join(import.meta.dirname, '../../../content');
const path = join(contentRoot, 'articles/2022/hostile.md');
const processor = await createMarkdownProcessor({ ...markdownOptions, syntaxHighlight: false });
const schema = articleSchema(z.string());

describe('a hostile article', () => {
  it(`is refused, or reaches the page whole and harmless (${RUNS} articles)`, async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(hostileArticle('1'), async ({ source, bodyWords, titleWord, slip }) => {
        const { found, rendered, data } = await checkEntry(
          source,
          { file: everyFile('2022/hostile.md'), path, schema, requireBody: true, contentRoot },
          async (markdown) => {
            const { code, metadata } = await processor.render(markdown, { fileURL: new URL(`file://${path}`) });
            return { html: code, metadata };
          },
        );
        if (found.length > 0) {
          refused += 1;
          // Each problem names its line or its field, and says what is wrong.
          for (const problem of found)
            expect(problem).toMatch(/^(?:line \d+(?:, column \d+)?: |\S[^\n]*?: )\S|^the body is empty/);
          return;
        }
        // A slip in the frontmatter may change a value, but never cut a word from it unseen.
        const typed = (text: string) => text.replace(/\s/g, '').replaceAll(slip ?? '', '');
        expect(typed(String(data.title))).toContain(titleWord);
        const tree = fromHtml(rendered!.html, { fragment: true });
        expect(executableMarkup(tree, site.embedOrigins)).toEqual([]);
        expect(missingWords(tree, bodyWords)).toEqual([]);
        expect(forbiddenCharacters(rendered!.html)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
    // Both outcomes were exercised, so neither check is empty.
    expect(refused).toBeGreaterThan(RUNS / 10);
    expect(refused).toBeLessThan(RUNS);
    console.info(`hostile articles: ${RUNS} checked, ${refused} refused, ${RUNS - refused} rendered whole`);
  }, 240_000);
});
