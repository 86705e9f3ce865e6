/**
 * The sitemap as pure functions of the content the pages show: which pages
 * it lists, when each last changed (written as the page writes it), how the
 * list is split into files, and the XML of each file and of the index.
 * `src/lib/routes/sitemap-pages.ts` gathers the pages; the routes in `src/pages/`
 * only serve what these functions build.
 */
import { createHash } from 'node:crypto';
import XMLBuilder from 'fast-xml-builder';
import { entryMemo } from '../content/entry-memo';
import { machineTimestamp, toInstant, type Timestamp } from '../time/dates';
import { lastChange, type ArticleTimes } from '../content/corrections';
import { liveBlogChange as blogLastChange, updateChange, type LiveBlogTimes } from '../content/live-changes';
import { LIVE_PAGE_SIZE, pagePath } from './pagination';
import {
  absoluteUrl,
  articlePermalink,
  liveBlogPermalink,
  liveUpdatePermalink,
  type PermalinkSource,
} from './permalinks';

/** The most URLs one sitemap file may hold (sitemaps.org protocol). */
export const SITEMAP_URL_LIMIT = 50_000;

/** The sitemap index, the address `robots.txt` gives crawlers. */
export const sitemapIndexPath = '/sitemap-index.xml';

/** The site path of sitemap file `index` (0-based): `/sitemap-0.xml`, `/sitemap-1.xml`... */
export function sitemapFilePath(index: number): string {
  return `/sitemap-${index}.xml`;
}

/** What the sitemap needs of an article: its permalink and its times. */
export interface SitemapArticle extends PermalinkSource {
  data: PermalinkSource['data'] & ArticleTimes;
}

/** What the sitemap needs of a live blog: its permalink, its times and its updates', newest first. */
export interface SitemapLiveBlog extends LiveBlogTimes {
  id: string;
  data: LiveBlogTimes['data'] & { timezone: string };
  updates: readonly (LiveBlogTimes['updates'][number] & { id: string })[];
}

/** A last change: the text a page shows for it, and the instant to compare changes by. */
export interface Change {
  /** As in the page's `datetime` attributes and JSON-LD: `2022-05-24` or `2022-05-23T15:25:00+04:00`. */
  text: string;
  instant: Date;
}

/** One `<url>` of a sitemap file. */
export interface SitemapEntry {
  /** Absolute URL of the page. */
  loc: string;
  /** Absent for a page that shows no date (search, an empty section). */
  lastmod?: Change | undefined;
}

/** A list page and what it lists, so that it can take the newest change among them. */
export interface SitemapList {
  /** Site path of this page of the list, e.g. `/world/page/2/`. */
  path: string;
  articles: readonly SitemapArticle[];
  liveBlogs?: readonly SitemapLiveBlog[] | undefined;
}

/** Every page a reader can land on, grouped by what dates it. */
export interface SitemapContent {
  articles: readonly SitemapArticle[];
  liveBlogs: readonly SitemapLiveBlog[];
  /** Every page of every list: front page, sections, tags. */
  lists: readonly SitemapList[];
  /** Site paths of pages that list nothing dated, e.g. the search page. */
  undated: readonly string[];
}

/**
 * A timestamp as its page shows it, through the same helper as the page's
 * `datetime` attributes, so a date alone stays a date and never becomes
 * midnight UTC.
 */
export function change(timestamp: Timestamp, zone: string): Change {
  return { text: machineTimestamp(timestamp, zone), instant: toInstant(timestamp, zone) };
}

/** An article's last change as its page gives it (`dateModified`): its latest update or correction, else `published`. */
export function articleChange(article: SitemapArticle): Change {
  return change(lastChange(article.data), article.data.timezone);
}

/** A live blog's last change as its page gives it (`dateModified`). */
export function liveBlogChange(blog: SitemapLiveBlog): Change {
  return change(blogLastChange(blog), blog.data.timezone);
}

/**
 * A live blog's pages: the first, dated by the blog's last change (it shows
 * the key events and the status), each later page by the newest change
 * among its updates, and each update's own page by the update's.
 */
function liveBlogEntries(blog: SitemapLiveBlog): SitemapEntry[] {
  const base = liveBlogPermalink(blog.id);
  const zone = blog.data.timezone;
  const entries: SitemapEntry[] = [{ loc: absoluteUrl(base), lastmod: liveBlogChange(blog) }];
  for (let start = LIVE_PAGE_SIZE; start < blog.updates.length; start += LIVE_PAGE_SIZE) {
    const shown = blog.updates.slice(start, start + LIVE_PAGE_SIZE);
    entries.push({
      loc: absoluteUrl(pagePath(base, start / LIVE_PAGE_SIZE + 1)),
      lastmod: newestChange(shown.map((update) => change(updateChange(update), zone))),
    });
  }
  for (const update of blog.updates) {
    entries.push({
      loc: absoluteUrl(liveUpdatePermalink(blog.id, update.id)),
      lastmod: change(updateChange(update), zone),
    });
  }
  return entries;
}

/** The latest of some changes, by instant; undefined when there are none. */
export function newestChange(changes: Iterable<Change | undefined>): Change | undefined {
  let newest: Change | undefined;
  for (const candidate of changes) {
    if (candidate && (!newest || candidate.instant > newest.instant)) newest = candidate;
  }
  return newest;
}

/**
 * Each article's sitemap entry, which its content entry alone decides, kept
 * for it (`entryMemo`). An article is on its own page and on every list that
 * shows it (front page, section, tags, authors): its last change is worked
 * out once.
 */
const articleEntry = entryMemo((article: SitemapArticle): Required<SitemapEntry> => ({
  loc: absoluteUrl(articlePermalink(article)),
  lastmod: articleChange(article),
}));

/** The changes of what a list page shows, one at a time, not in an array: there are 12,000 list pages at 50,000 articles. */
function* listChanges(list: SitemapList): Generator<Change> {
  for (const article of list.articles) yield articleEntry(article).lastmod;
  for (const blog of list.liveBlogs ?? []) yield liveBlogChange(blog);
}

/**
 * One entry per page, sorted by URL so that a build always writes the same
 * files: each article, live blog page and update dated by its own last change, each page
 * of a list by the newest change among what it lists, and the undated pages
 * without a date.
 */
export function sitemapEntries(content: SitemapContent): SitemapEntry[] {
  const entries: SitemapEntry[] = [
    ...content.articles.map(articleEntry),
    ...content.liveBlogs.flatMap(liveBlogEntries),
    ...content.lists.map((list) => ({ loc: absoluteUrl(list.path), lastmod: newestChange(listChanges(list)) })),
    ...content.undated.map((path) => ({ loc: absoluteUrl(path) })),
  ];
  return entries.sort((a, b) => (a.loc < b.loc ? -1 : a.loc > b.loc ? 1 : 0));
}

/**
 * The entries in files of at most `limit` URLs, in order. There is always a
 * first file, even for no entries, so `/sitemap-0.xml` never goes missing.
 */
export function splitSitemap(entries: readonly SitemapEntry[], limit = SITEMAP_URL_LIMIT): SitemapEntry[][] {
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`a sitemap file must hold at least 1 URL, not ${limit}`);
  const count = Math.max(1, Math.ceil(entries.length / limit));
  return Array.from({ length: count }, (_, index) => entries.slice(index * limit, (index + 1) * limit));
}

const SITEMAP_NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** Escapes text and attribute values (`&`, `<`, `>`, quotes), so no URL can break out of its element. */
const xml = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', processEntities: true });
const declaration = { '?xml': { '@version': '1.0', '@encoding': 'UTF-8' } };

/** A `<loc>` with its `<lastmod>` when it has one. */
const located = ({ loc, lastmod }: SitemapEntry) => (lastmod ? { loc, lastmod: lastmod.text } : { loc });

/** One sitemap file: a `<urlset>` of the entries. */
export function sitemapXml(entries: readonly SitemapEntry[]): string {
  return xml.build({ ...declaration, urlset: { '@xmlns': SITEMAP_NAMESPACE, url: entries.map(located) } });
}

/**
 * A sitemap file's key for the incremental build: what it lists, so a
 * publish that changes no address and no date in it leaves it as it is.
 */
export function sitemapKey(entries: readonly SitemapEntry[]): string {
  return createHash('sha256')
    .update(JSON.stringify(entries.map(located)))
    .digest('base64url');
}

/** The sitemap index: one `<sitemap>` per file, dated by the newest change it lists. */
export function sitemapIndexXml(files: readonly (readonly SitemapEntry[])[]): string {
  const sitemaps = files.map((entries, index) =>
    located({
      loc: absoluteUrl(sitemapFilePath(index)),
      lastmod: newestChange(entries.map((entry) => entry.lastmod)),
    }),
  );
  return xml.build({ ...declaration, sitemapindex: { '@xmlns': SITEMAP_NAMESPACE, sitemap: sitemaps } });
}
