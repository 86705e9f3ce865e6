/**
 * Authors as pages see them. An article's `authors` are slugs of author
 * files, already checked to exist (src/lib/content/author-rules.ts); here
 * they become the people a byline, structured data and feed name.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { absoluteUrl, authorPath } from '../routes/permalinks';
import type { Article } from './articles';

export type Author = CollectionEntry<'authors'>;

/** A credited author as a byline and structured data show them. */
export interface AuthorCredit {
  name: string;
  /** The author page's site path. */
  path: string;
  /** The author page's absolute URL. */
  url: string;
}

let authors: Promise<Map<string, Author>> | undefined;

/** Reads the authors again on their next use, for another render in the same process (`forgetSite`). */
export function forgetAuthors(): void {
  authors = undefined;
}

async function loadAuthors(): Promise<Map<string, Author>> {
  const entries = await getCollection('authors');
  return new Map(entries.sort((a, b) => a.id.localeCompare(b.id)).map((author) => [author.id, author]));
}

/** Every author, by slug order. */
export async function getAuthors(): Promise<Author[]> {
  authors ??= loadAuthors();
  return [...(await authors).values()];
}

/** What `creditsOf` needs of an article. */
interface CreditingArticle {
  id: string;
  data: Pick<Article['data'], 'authors'>;
}

/**
 * The authors an article credits, in byline order, as a function of the
 * article: a route that asks for every article's byline waits for the
 * authors once. The content rules have refused any slug with no author
 * file, so a missing one here is a bug in the build, not an editor's slip,
 * and stops it.
 */
export async function creditsOf(): Promise<(article: CreditingArticle) => Author[]> {
  authors ??= loadAuthors();
  const bySlug = await authors;
  return (article) =>
    article.data.authors.map((slug) => {
      const author = bySlug.get(slug);
      if (!author) throw new Error(`${article.id}: authors: no author file for "${slug}"`);
      return author;
    });
}

/** The authors `article` credits, in byline order (`creditsOf`). */
export async function creditedAuthors(article: CreditingArticle): Promise<Author[]> {
  return (await creditsOf())(article);
}

/** What a byline and an article's structured data say of an author. */
export function authorCredit(author: Pick<Author, 'id' | 'data'>): AuthorCredit {
  const path = authorPath(author.id);
  return { name: author.data.name, path, url: absoluteUrl(path) };
}

/**
 * An article page's key for the incremental build (`articlePageKey`) with
 * its authors' digests added: the byline shows their names, so renaming an
 * author re-renders the articles they wrote.
 */
export function keyWithAuthors(
  key: string | undefined,
  credited: readonly Pick<Author, 'digest'>[],
): string | undefined {
  if (key === undefined || credited.length === 0) return key;
  if (credited.some((author) => author.digest === undefined)) return undefined;
  return `${key}:${credited.map((author) => author.digest).join(',')}`;
}
