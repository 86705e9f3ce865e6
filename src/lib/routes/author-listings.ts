/**
 * The author pages (`/authors/jane-doe/`, older pages at `/authors/jane-doe/page/<n>/`):
 * each author's articles, newest first, split into pages like a section's,
 * with the author's own entry beside the list for the profile and metadata.
 */
import { getArticles } from '../content/articles';
import { getAuthors, type Author } from '../content/authors';
import { listingPaths, type List, type Listing } from './listings';
import { authorPath } from './permalinks';

/** One author's list: every article that credits them. */
export interface AuthorList extends List {
  author: Author;
}

/** One page of an author's list, as the route's props give it. */
export interface AuthorListing extends Listing {
  author: Author;
}

/** Each author's list, including authors with no article yet (their page says so). */
export async function authorLists(): Promise<AuthorList[]> {
  const [articles, authors] = await Promise.all([getArticles(), getAuthors()]);
  return authors.map((author) => ({
    author,
    base: authorPath(author.id),
    title: author.data.name,
    description: author.data.bio,
    showSection: true,
    articles: articles.filter((article) => article.data.authors.includes(author.id)),
  }));
}

/**
 * Every page of an author's list as the route's `getStaticPaths()` gives
 * it: the list's pages (`listingPaths`) with the author added to the props,
 * and to the key for the incremental build, since each page shows the
 * author's name and metadata.
 */
export function authorListingPaths({ author, ...list }: AuthorList) {
  return listingPaths(list, { author: author.id }).map((path) => ({
    ...path,
    props: { ...path.props, author },
    cacheKey: author.digest === undefined ? undefined : `${path.cacheKey}:${author.digest}`,
  }));
}
