/**
 * Every URL the site builds, in one place. Pages, feeds and checks all call
 * these; none of them puts a path together by hand.
 */
import { site } from '../../site.config';
import { entryMemo } from '../content/entry-memo';
import { calendarDay, type Timestamp } from '../time/dates';

/** What a permalink is made of: an article's id and part of its frontmatter. */
export interface PermalinkSource {
  /** The entry id: the file's path under `content/articles/`, without `.md`. */
  id: string;
  data: { section: string; published: Timestamp; timezone: string; slug?: string | undefined };
}

/** The last part of an article's permalink: `slug`, or else the file name. */
export function articleSlug({ id, data }: PermalinkSource): string {
  return data.slug ?? id.split('/').at(-1)!;
}

/**
 * `/<section>/<yyyy>/<mm>/<dd>/<slug>/`, the day being `published` in the
 * article's zone. Kept for the entry (`entryMemo`): every route, list, feed
 * and rule asks for it again, about fifteen times an article, and at 50,000
 * articles working it out each time was most of a second of every publish.
 */
export const articlePermalink = entryMemo((article: PermalinkSource): string => {
  const { year, month, day } = calendarDay(article.data.published, article.data.timezone);
  return `/${article.data.section}/${year}/${month}/${day}/${articleSlug(article)}/`;
});

/** `/live/<slug>/`, the slug being the blog's folder name. */
export function liveBlogPermalink(id: string): string {
  return `/live/${id}/`;
}

/** The anchor of one live update on a page of its blog, without the `#`. */
export function liveUpdateAnchor(updateId: string): string {
  return `update-${updateId}`;
}

/**
 * `/live/<slug>/updates/<id>/`: one update's own page, the link that is
 * shared and never breaks, however many updates push it off the blog's
 * first page.
 */
export function liveUpdatePermalink(blogId: string, updateId: string): string {
  return `${liveBlogPermalink(blogId)}updates/${updateId}/`;
}

/** The JSON a live blog's first page polls for new and corrected updates. */
export function liveBlogJsonPath(id: string): string {
  return `${liveBlogPermalink(id)}updates.json`;
}

export function sectionPath(section: string): string {
  return `/${section}/`;
}

export function tagPath(tag: string): string {
  return `/tags/${tag}/`;
}

/** `/authors/<slug>/`, the slug being the author's file name. */
export function authorPath(slug: string): string {
  return `/authors/${slug}/`;
}

/** The feed of one author's articles. */
export function authorFeedPath(slug: string): string {
  return `${authorPath(slug)}feed.xml`;
}

/** The search page. */
export function searchPath(): string {
  return '/search/';
}

/** A link's path alone, without its query or fragment: what it names among the site's pages. */
export function linkPath(href: string): string {
  return href.replace(/[?#].*$/, '');
}

/** The absolute URL of a site path, on the configured origin. */
export function absoluteUrl(path: string): string {
  return new URL(path, site.url).href;
}

/** The share card of a page: `/cards/<page path without its last slash>.png`. */
export function shareCardPath(pagePath: string): string {
  return `/cards${pagePath.replace(/\/$/, '')}.png`;
}

/** The site-wide full-content feed. */
export const siteFeedPath = '/feed.xml';

/** The feed of one live blog: one item per update. */
export function liveBlogFeedPath(id: string): string {
  return `${liveBlogPermalink(id)}feed.xml`;
}

/** The publisher's logo for structured data: the favicon, drawn as a PNG. */
export const publisherLogoPath = '/logo.png';
