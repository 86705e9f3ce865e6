/**
 * Reading time and word count, computed once at build time while the
 * article's Markdown is rendered (see `remarkReadingTime`), so the page
 * states them without any script.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';

/**
 * Words a minute for silent reading of non-fiction in English (Brysbaert,
 * 2019, "How many words do we read per minute?", Journal of Memory and
 * Language 109: an average of 238).
 */
export const WORDS_PER_MINUTE = 238;

const segmenters = new Map<string, Intl.Segmenter>();

/** Words in plain text, in any script: Intl.Segmenter knows where words end in Arabic as well as English. */
export function countWords(text: string, lang = 'en'): number {
  let segmenter = segmenters.get(lang);
  if (!segmenter) segmenters.set(lang, (segmenter = new Intl.Segmenter(lang, { granularity: 'word' })));
  let words = 0;
  for (const segment of segmenter.segment(text)) {
    if (segment.isWordLike) words += 1;
  }
  return words;
}

/**
 * The text a reader reads in a Markdown tree (parsed, not yet transformed):
 * markup, link targets, image text and raw HTML dropped, pull quotes left
 * out (they repeat the body).
 */
export function markdownText(tree: Root): string {
  const blocks = tree.children.filter(
    (node) => node.type !== 'html' && !(node.type === 'containerDirective' && node.name === 'pullquote'),
  );
  return blocks.map((node) => toString(node, { includeImageAlt: false, includeHtml: false })).join('\n');
}

export interface ReadingTime {
  words: number;
  /** Whole minutes, at least 1. */
  minutes: number;
}

/** Whole minutes (rounded, never below one) for a count of words. */
export function readingTime(words: number): ReadingTime {
  return { words, minutes: Math.max(1, Math.round(words / WORDS_PER_MINUTE)) };
}

/** "3-minute read · 512 words", in the site's English chrome: no abbreviation for a screen reader to guess at. */
export function formatReadingTime({ words, minutes }: ReadingTime): string {
  return `${minutes}-minute read · ${words.toLocaleString('en-US')} ${words === 1 ? 'word' : 'words'}`;
}
