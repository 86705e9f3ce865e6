/**
 * The list pages of the site (front page, sections, tags): what each list
 * holds and says, and the `getStaticPaths()` entries Astro's `paginate()`
 * makes of it, each with its key for the incremental build.
 */
import { createHash } from 'node:crypto';
import type { Page, PaginateFunction } from 'astro';
import { sectionSlugs, site, type SectionSlug } from '../../site.config';
import { getArticles, type Article } from '../content/articles';
import { laterPageParam, laterPageUrl, PAGE_SIZE, pagePath } from './pagination';
import { sectionPath, tagPath } from './permalinks';
import { pageKey } from './site-code';

/** What every page of a list says about it. */
export interface ListHeading {
  /** The page heading and title, e.g. "World" or "Topic: diplomacy". */
  title: string;
  /** One sentence for metadata. */
  description: string;
  /** Whether cards name their section (not on a section's own page). */
  showSection: boolean;
}

/** A whole list before it is split into pages. */
export interface List extends ListHeading {
  /** Site path of the list's first page, ending in `/`. */
  base: string;
  /** Newest first. */
  articles: Article[];
}

/** One page of a list, as a list route's props give it to `ListLayout`. */
export interface Listing extends ListHeading {
  page: Page<Article>;
}

/** The front page's list: every article, newest first. */
export async function frontList(): Promise<List> {
  return { base: '/', title: site.name, description: site.tagline, showSection: true, articles: await getArticles() };
}

/** Each section's list, including sections with no article yet. */
export async function sectionLists(): Promise<(List & { section: SectionSlug })[]> {
  const articles = await getArticles();
  return sectionSlugs.map((section) => {
    const { label, description } = site.sections[section];
    return {
      section,
      base: sectionPath(section),
      title: label,
      description,
      showSection: false,
      articles: articles.filter((article) => article.data.section === section),
    };
  });
}

/** The readable name of a tag slug. */
export function tagName(tag: string): string {
  return tag.replaceAll('-', ' ');
}

/** Each tag's list. */
export async function tagLists(): Promise<(List & { tag: string })[]> {
  const byTag = new Map<string, Article[]>();
  for (const article of await getArticles()) {
    for (const tag of article.data.tags) {
      const tagged = byTag.get(tag);
      if (tagged) tagged.push(article);
      else byTag.set(tag, [article]);
    }
  }
  return [...byTag].map(([tag, articles]) => ({
    tag,
    base: tagPath(tag),
    title: `Topic: ${tagName(tag)}`,
    description: `Articles on ${tagName(tag)}, newest first.`,
    showSection: true,
    articles,
  }));
}

/**
 * A list page's key for Astro's incremental build (see `articlePageKey`):
 * everything it shows, with each listed article standing for itself by its
 * content digest. A correction re-renders only the pages that list the
 * article; a new article shifts, and so re-renders, the pages after it.
 */
export function listingKey({ page, ...heading }: Listing): string {
  const { data, ...position } = page;
  const listed = data.map((article) => [article.id, article.digest]);
  return createHash('sha256')
    .update(JSON.stringify([heading, position, listed]))
    .digest('base64url');
}

/**
 * Every page of `list` as a `[...page]` route's `getStaticPaths()` gives it:
 * `paginate()`'s parameters and props, with every page at `pagePath`, and
 * each page's key for the incremental build, so no list route can leave the
 * key out. `params` are the route's others (`{ section }`). A route in the
 * list's own folder serves its later pages at `page/<n>`; one in the list's
 * `page/` folder (`routeBase` = `laterPagesFolder(base)`) serves them at `<n>`,
 * and must leave out page 1, which `paginate()` puts at that folder.
 */
export function listingPaths<Params extends Record<string, string>>(
  paginate: PaginateFunction,
  { base, articles, ...heading }: List,
  params: Params,
  routeBase = base,
) {
  const format = laterPageUrl(base, routeBase);
  return paginate(articles, { pageSize: PAGE_SIZE, params, props: heading, format }).map((path) => ({
    params: { ...path.params, page: routeBase === base ? laterPageParam(path.params.page) : path.params.page },
    props: path.props,
    cacheKey: pageKey(listingKey(path.props)),
  }));
}

/** The address of a list page's path, as `listedPaths` (./path-scope.ts) asks for it: the page's own URL. */
export const pageAddress = ({ props }: { props: { page: Page<unknown> } }): string => props.page.url.current;

/**
 * The path and articles of every page of `list`, as `listingPaths` builds
 * them, for the sitemap, which has no route's `paginate()` to ask; the
 * sitemap's build test holds the two to the same pages.
 */
export function listPages({ base, articles }: List): { path: string; number: number; articles: Article[] }[] {
  const count = Math.max(1, Math.ceil(articles.length / PAGE_SIZE));
  return Array.from({ length: count }, (_, index) => ({
    path: pagePath(base, index + 1),
    number: index + 1,
    articles: articles.slice(index * PAGE_SIZE, (index + 1) * PAGE_SIZE),
  }));
}
