/**
 * Reading time and word count, computed once at build time from the
 * article's Markdown, so the page states them without any script.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';

/**
 * Words a minute for silent reading of non-fiction in English (Brysbaert,
 * 2019, "How many words do we read per minute?", Journal of Memory and
 * Language 109: an average of 238).
 */
export const WORDS_PER_MINUTE = 238;

/** Words in plain text, in any script: Intl.Segmenter knows where words end in Arabic as well as English. */
export function countWords(text: string, lang = 'en'): number {
  let words = 0;
  for (const segment of new Intl.Segmenter(lang, { granularity: 'word' }).segment(text)) {
    if (segment.isWordLike) words += 1;
  }
  return words;
}

/**
 * The text a reader reads in a Markdown body: markup, link targets and
 * image addresses and raw HTML dropped, pull quotes left out (they
 * repeat the body).
 */
export function markdownText(markdown: string): string {
  const tree = unified().use(remarkParse).use(remarkDirective).parse(markdown) as Root;
  visit(tree, (node, index, parent) => {
    const pullquote = node.type === 'containerDirective' && node.name === 'pullquote';
    if (parent && index !== undefined && (pullquote || node.type === 'html')) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    return undefined;
  });
  return toString(tree, { includeImageAlt: false, includeHtml: false });
}

export interface ReadingTime {
  words: number;
  /** Whole minutes, at least 1. */
  minutes: number;
}

/** Word count and whole minutes (rounded, never below one) of a Markdown body. */
export function readingTime(markdown: string, lang = 'en'): ReadingTime {
  const words = countWords(markdownText(markdown), lang);
  return { words, minutes: Math.max(1, Math.round(words / WORDS_PER_MINUTE)) };
}

/** "3-minute read · 512 words", in the site's English chrome: no abbreviation for a screen reader to guess at. */
export function formatReadingTime({ words, minutes }: ReadingTime): string {
  return `${minutes}-minute read · ${words.toLocaleString('en-US')} ${words === 1 ? 'word' : 'words'}`;
}
