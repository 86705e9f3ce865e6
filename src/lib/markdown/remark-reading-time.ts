import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { countWords, markdownText, readingTime, type ReadingTime } from '../reading/reading-time';

/**
 * Counts the words of the body while it is rendered, so the count is made
 * from the tree already parsed and cached with the rendered HTML, and puts
 * it in the render's frontmatter (`remarkPluginFrontmatter` of `render()`):
 *
 * ```markdown
 * Some *emphasis* and a [link](https://example.com/).
 * ```
 *
 * ```js
 * { readingTime: { words: 5, minutes: 1 } }
 * ```
 *
 * Runs before the pull quotes are built, which it leaves out (they repeat
 * the body). Words are counted in the article's `lang`.
 */
export const remarkReadingTime: Plugin<[], Root> = () => (tree, file) => {
  const astro = (file.data.astro ??= {});
  const frontmatter = (astro.frontmatter ??= {});
  const lang = typeof frontmatter.lang === 'string' ? frontmatter.lang : 'en';
  frontmatter.readingTime = readingTime(countWords(markdownText(tree), lang));
};

/** The reading time `remarkReadingTime` left in a render's frontmatter. */
export function renderedReadingTime(frontmatter: Record<string, unknown>): ReadingTime {
  const reading = frontmatter.readingTime as ReadingTime | undefined;
  if (typeof reading?.words !== 'number') {
    throw new Error('no reading time in the rendered article: is remarkReadingTime in the Markdown plugins?');
  }
  return reading;
}
