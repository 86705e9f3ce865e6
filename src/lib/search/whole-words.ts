/**
 * Which parts of the search index a query runs in (scripts/search-index.ts
 * writes the index in parts; the search page merges them).
 *
 * Pagefind matches a word by its stem and by any longer word that begins
 * with it ("war" finds "wars" and "warned"). When an index has no such word,
 * it answers with the longest word it has that begins the searched one:
 * "ministry" (stem "ministri") finds every page saying "minister" (stem
 * "minist"). Over one index that happens only to a word the whole archive
 * lacks; over parts it happens in every part that lacks the word, so a word
 * found in one year brought pages with a shorter word from every other year.
 *
 * So the search page works out, word by word, which parts truly have the
 * word, and runs the query in the parts that have every word:
 *
 * 1. The parts where Pagefind's exact search (a word in quotes, which has no
 *    such fallback) finds the word. A whole word the archive holds is
 *    settled here.
 * 2. Else (a word being typed, "ministr"), the parts whose answer marks a
 *    word that begins with the searched one: each answering part's first
 *    result is read, and its excerpt's marked words compared.
 * 3. Else (a word the archive lacks): every part, answering as Pagefind does.
 */

/** How many pages a search found, by part name (Pagefind's filter counts). */
export type PartCounts = Readonly<Record<string, number>>;

/** The words of a query as Pagefind splits them: at white space. */
export function queryWords(query: string): string[] {
  return query.split(/\s+/).filter((word) => word !== '');
}

/** The parts where a search found at least one page. */
export function partsFound(counts: PartCounts): string[] {
  return Object.keys(counts).filter((part) => (counts[part] ?? 0) > 0);
}

/** A word as Pagefind compares it: lower case, letters and digits only ("Anti-War" is "antiwar"). */
function bare(word: string): string {
  return word.toLocaleLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** Whether a word Pagefind marked in an excerpt begins with the searched word, as an extension of it does. */
export function extendsWord(marked: string, word: string): boolean {
  const searched = bare(word);
  return searched !== '' && bare(marked).startsWith(searched);
}

/**
 * The parts, of `parts` and in their order, to run a query in, given for each
 * of its words the parts that have it (`undefined`: the word limits nothing).
 */
export function partsToSearch(
  parts: readonly string[],
  wordParts: readonly (readonly string[] | undefined)[],
): string[] {
  return parts.filter((part) => wordParts.every((having) => having === undefined || having.includes(part)));
}
