/**
 * The rule that ties bylines to author files: each item of an article's
 * `authors` is the slug of a file in `content/authors/` (its name without
 * `.md`), so a byline links to a page that exists and no name is made up on
 * the way. Agencies (`agencies: [AFP]`) stay plain text and are not checked.
 */
import { closest, distance } from 'fastest-levenshtein';
import type { ContentProblem } from './rules';

export interface ArticleCredits {
  id: string;
  filePath?: string | undefined;
  data: { authors: readonly string[] };
}

export interface AuthorForRules {
  /** The author's slug: the file name without `.md`. */
  id: string;
  data: { name: string };
}

/** A written credit as a slug would spell it: "Jane Doe" becomes "jane-doe". */
function asSlug(written: string): string {
  return written
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * What to write instead of `written`: the slug of the author whose name it
 * is, else the slug a short way from it (a typo), else undefined.
 */
export function closestAuthor(written: string, authors: readonly AuthorForRules[]): AuthorForRules | undefined {
  if (authors.length === 0) return undefined;
  const byName = authors.find((author) => author.data.name.trim().toLowerCase() === written.trim().toLowerCase());
  if (byName) return byName;
  const wanted = asSlug(written);
  const best = closest(
    wanted,
    authors.map((author) => author.id),
  );
  const near = distance(wanted, best) <= Math.max(2, Math.floor(best.length / 3));
  return near ? authors.find((author) => author.id === best) : undefined;
}

function unknownAuthorMessage(written: string, authors: readonly AuthorForRules[]): string {
  const unknown = `"${written}" is not an author in content/authors/`;
  if (authors.length === 0) {
    return `${unknown}, which holds none: add content/authors/${asSlug(written) || 'their-name'}.md (name, role, bio), or credit an agency in \`agencies:\``;
  }
  const suggested = closestAuthor(written, authors);
  if (suggested) return `${unknown}: did you mean \`${suggested.id}\` (${suggested.data.name})?`;
  return `${unknown}: name each author by their file's name without .md (e.g. \`${authors[0]!.id}\`), add their file, or credit an agency in \`agencies:\``;
}

/** Every byline item that names no author file, or names one twice, with the field it is in. */
export function authorProblems(
  articles: readonly ArticleCredits[],
  authors: readonly AuthorForRules[],
): ContentProblem[] {
  const slugs = new Set(authors.map((author) => author.id));
  const problems: ContentProblem[] = [];
  for (const article of articles) {
    // An article that credits none of the site's authors has nothing to check.
    if (article.data.authors.length === 0) continue;
    const file = article.filePath ?? `content/articles/${article.id}.md`;
    const seen = new Set<string>();
    article.data.authors.forEach((written, index) => {
      const field = `authors.${index}`;
      if (!slugs.has(written)) problems.push({ file, field, message: unknownAuthorMessage(written, authors) });
      else if (seen.has(written)) problems.push({ file, field, message: `"${written}" is credited twice: remove one` });
      else seen.add(written);
    });
  }
  return problems;
}
