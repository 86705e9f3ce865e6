/**
 * What the sitemap needs beyond the list of built pages: when each page last
 * changed, and which pages stay out of it (redirect pages, the 404 page).
 */
import { machineTimestamp, toInstant, type Timestamp } from './dates';
import { absoluteUrl, articlePermalink, liveBlogPermalink, sectionPath, tagPath } from './permalinks';

export interface SitemapArticle {
  id: string;
  data: {
    section: string;
    published: Timestamp;
    updated?: Timestamp | undefined;
    timezone: string;
    slug?: string | undefined;
    tags: readonly string[];
    redirectFrom: readonly string[];
  };
}

export interface SitemapLiveBlog {
  id: string;
  data: { section: string; timezone: string; coverageStart: Timestamp; updates: readonly { time: Timestamp }[] };
}

export interface SitemapFacts {
  /** Absolute page URL to its last-modified time (W3C date or date-time with offset). */
  lastmod: Map<string, string>;
  /** Absolute URLs of pages that must not be listed. */
  excluded: Set<string>;
}

interface Change {
  instant: Date;
  text: string;
}

/**
 * Last-modified times: an article's `updated` (else `published`), a live
 * blog's newest update, and for the front page, a section or a tag page the
 * newest of what it lists.
 */
export function sitemapFacts(articles: readonly SitemapArticle[], liveBlogs: readonly SitemapLiveBlog[]): SitemapFacts {
  const changes = new Map<string, Change>();
  const touch = (path: string, change: Change) => {
    const url = absoluteUrl(path);
    const known = changes.get(url);
    if (!known || change.instant > known.instant) changes.set(url, change);
  };
  const excluded = new Set<string>([absoluteUrl('/404/')]);

  for (const article of articles) {
    const { section, published, updated, timezone, tags, redirectFrom } = article.data;
    const last = updated ?? published;
    const change = { instant: toInstant(last, timezone), text: machineTimestamp(last, timezone) };
    for (const path of ['/', sectionPath(section), articlePermalink(article), ...tags.map(tagPath)])
      touch(path, change);
    for (const from of redirectFrom) excluded.add(absoluteUrl(from.replace(/\/?$/, '/')));
  }
  for (const blog of liveBlogs) {
    const { section, timezone, coverageStart, updates } = blog.data;
    const last = [coverageStart, ...updates.map((update) => update.time)]
      .map((time) => ({ instant: toInstant(time, timezone), text: machineTimestamp(time, timezone) }))
      .reduce((a, b) => (b.instant > a.instant ? b : a));
    for (const path of ['/', sectionPath(section), liveBlogPermalink(blog.id)]) touch(path, last);
  }

  return { lastmod: new Map([...changes].map(([url, change]) => [url, change.text])), excluded };
}
