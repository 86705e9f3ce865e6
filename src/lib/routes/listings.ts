/**
 * The list pages of the site (front page, sections, tags), each split into
 * numbered pages. Route files pick page 1 or the others from here.
 */
import { createHash } from 'node:crypto';
import { sectionSlugs, site, type SectionSlug } from '../../site.config';
import { getArticles, type Article } from '../content/articles';
import { paginate, type Page } from './pagination';
import { sectionPath, tagPath } from './permalinks';

export interface Listing {
  /** The page heading and title, e.g. "World" or "Topic: diplomacy". */
  title: string;
  /** One sentence for metadata. */
  description: string;
  /** Whether cards name their section (not on a section's own page). */
  showSection: boolean;
  page: Page<Article>;
}

/** The front page's pages: every article, newest first. */
export async function frontPages(): Promise<Listing[]> {
  return paginate(await getArticles(), '/').map((page) => ({
    title: site.name,
    description: site.tagline,
    showSection: true,
    page,
  }));
}

/** Each section's pages, including sections with no article yet. */
export async function sectionPages(): Promise<(Listing & { section: SectionSlug })[]> {
  const articles = await getArticles();
  return sectionSlugs.flatMap((section) => {
    const { label, description } = site.sections[section];
    const inSection = articles.filter((article) => article.data.section === section);
    return paginate(inSection, sectionPath(section)).map((page) => ({
      section,
      title: label,
      description,
      showSection: false,
      page,
    }));
  });
}

/** The readable name of a tag slug. */
export function tagName(tag: string): string {
  return tag.replaceAll('-', ' ');
}

/** Each tag's pages. */
export async function tagPages(): Promise<(Listing & { tag: string })[]> {
  const byTag = new Map<string, Article[]>();
  for (const article of await getArticles()) {
    for (const tag of article.data.tags) {
      const tagged = byTag.get(tag);
      if (tagged) tagged.push(article);
      else byTag.set(tag, [article]);
    }
  }
  return [...byTag].flatMap(([tag, articles]) =>
    paginate(articles, tagPath(tag)).map((page) => ({
      tag,
      title: `Topic: ${tagName(tag)}`,
      description: `Articles on ${tagName(tag)}, newest first.`,
      showSection: true,
      page,
    })),
  );
}

/**
 * A list page's key for Astro's incremental build (see `articlePageKey`):
 * everything it shows, with each listed article standing for itself by its
 * content digest. A correction re-renders only the pages that list the
 * article; a new article shifts, and so re-renders, the pages after it.
 */
export function listingKey({ page, ...listing }: Listing): string {
  const { items, ...position } = page;
  const listed = items.map((article) => [article.id, article.digest]);
  return createHash('sha256')
    .update(JSON.stringify([listing, position, listed]))
    .digest('base64url');
}

/**
 * One list page as a route's `getStaticPaths()` gives it: its parameters,
 * the listing as its props, and its key for the incremental build, so no
 * list route can leave the key out.
 */
export function listingPath<Params extends Record<string, string>>(params: Params, listing: Listing) {
  return { params, props: { listing }, cacheKey: listingKey(listing) };
}

/** Route parameters for pages 2 and later (`page/[page]` routes). */
export function laterPageParam(listing: Listing): string {
  return String(listing.page.number);
}
