/**
 * The list pages of the site (front page, sections, tags): what each list
 * holds and says, and the `getStaticPaths()` entries of its pages
 * (`archivePages`, numbered from the oldest end), each with its key for the
 * incremental build.
 */
import { createHash } from 'node:crypto';
import { sectionSlugs, site, type SectionSlug } from '../../site.config';
import { getArticles, type Article } from '../content/articles';
import { archivePages, type ListPage } from './pagination';
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
  page: ListPage<Article>;
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
 * Each list page's key by its address, with what it was worked out from. A
 * full page of older articles lists the same ones publish after publish, and
 * comparing them is cheaper than hashing them again: at 50,000 articles a
 * publish asks for 12,000 pages' keys. A key is only given back for the
 * same heading, place and articles (ids and content digests) it was
 * worked out from.
 */
const listingKeys = new Map<string, { shown: string; listed: unknown[]; key: string }>();

/**
 * A list page's key for Astro's incremental build (see `articlePageKey`):
 * everything it shows, with each listed article standing for itself by its
 * content digest. A correction re-renders only the page that lists the
 * article; a new article, the list's newest page (and, once a page fills,
 * the page it adds and the one before it).
 */
export function listingKey({ page, ...heading }: Listing): string {
  const { data, ...position } = page;
  const shown = JSON.stringify([heading, position]);
  const listed = data.flatMap((article) => [article.id, article.digest]);
  const kept = listingKeys.get(page.url.current);
  if (
    kept?.shown === shown &&
    kept.listed.length === listed.length &&
    kept.listed.every((item, at) => item === listed[at])
  )
    return kept.key;
  const key = createHash('sha256')
    .update(JSON.stringify([shown, listed]))
    .digest('base64url');
  listingKeys.set(page.url.current, { shown, listed, key });
  return key;
}

/**
 * Every page of `list` whose address is under `routeBase` (all of them, by
 * default), as a `[...page]` route there gives it in `getStaticPaths()`: the
 * rest parameter is the page's address under `routeBase` (`page/7` for
 * `/world/page/7/` in `/world/`, `7` in `/world/page/`, none for `/world/`),
 * with each page's key for the incremental build, so no list route can leave
 * the key out. `params` are the route's others (`{ section }`).
 */
export function listingPaths<Params extends Record<string, string>>(
  { base, articles, ...heading }: List,
  params: Params,
  routeBase = base,
) {
  return archivePages(base, articles)
    .filter((page) => page.url.current.startsWith(routeBase))
    .map((page) => {
      const props = { ...heading, page };
      return {
        params: { ...params, page: page.url.current.slice(routeBase.length, -1) || undefined },
        props,
        cacheKey: pageKey(listingKey(props)),
      };
    });
}

/** The address of a list page's path, as `listedPaths` (./path-scope.ts) asks for it: the page's own URL. */
export const pageAddress = ({ props }: { props: { page: { url: { current: string } } } }): string =>
  props.page.url.current;

/**
 * The path and articles of every page of `list`, as the list routes build
 * them (both split it with `archivePages`), for the sitemap, which has no
 * route to ask.
 */
export function listPages({ base, articles }: List): { path: string; newest: boolean; articles: Article[] }[] {
  return archivePages(base, articles).map(({ url, newest, data }) => ({ path: url.current, newest, articles: data }));
}
