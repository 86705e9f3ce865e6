/**
 * Whether two pieces of HTML, both as the browser serialises them, show
 * the same thing: the page and the feed may lay out the same markup with
 * different white space between tags, and replacing a part of the page for
 * that alone would do work for nothing (and lose the reader's focus in it).
 */
export function sameMarkup(a: string, b: string): boolean {
  const normalise = (html: string) => html.replace(/\s+/g, ' ').replace(/> </g, '><').trim();
  return normalise(a) === normalise(b);
}
