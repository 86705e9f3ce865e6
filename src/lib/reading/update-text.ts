/**
 * A live update as plain text, for what reads it without HTML: structured
 * data, share cards, a key event's label. Many updates have no title, and
 * then their first words stand for one.
 */
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';

/** How long a headline made of an update's first words may be, in characters. */
const FIRST_WORDS_LENGTH = 100;

/** The text of rendered HTML, its white space collapsed. */
export function plainText(html: string): string {
  return toString(fromHtml(html, { fragment: true }))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * An update's headline: its title, or else its first words, cut at a word
 * and marked with an ellipsis when cut.
 *
 * `updateHeadline(undefined, '<p>Polls have closed in the east.</p>')` is
 * "Polls have closed in the east."
 */
export function updateHeadline(title: string | undefined, html: string): string {
  if (title) return title;
  const text = plainText(html);
  if (text.length <= FIRST_WORDS_LENGTH) return text;
  const cut = text.slice(0, FIRST_WORDS_LENGTH + 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > 0 ? cut.slice(0, lastSpace) : cut.slice(0, FIRST_WORDS_LENGTH)).replace(/[\s,;:.–—-]+$/, '')}…`;
}
