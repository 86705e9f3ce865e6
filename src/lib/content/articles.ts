/**
 * The site's content as pages see it: published entries only, newest first.
 * The loaders have already checked every entry alone and all of them
 * together (src/content.config.ts). Every page and feed asks here.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { hasAgeNotice } from '../time/age';
import { toInstant, type Timestamp } from '../time/dates';
import { latestNewsTime, liveBlogChange, updateChange } from './live-changes';
import { authorCredit, creditedAuthors, type AuthorCredit } from './authors';
import { blogOfUpdate, updateAnchorId } from './live-files';
import { linkPath, liveBlogPermalink } from '../routes/permalinks';

export type Article = CollectionEntry<'articles'>;
export type LiveUpdateEntry = CollectionEntry<'liveUpdates'>;

/** One update of a live blog, with the ids every page needs. */
export interface LiveUpdate {
  entry: LiveUpdateEntry;
  /** Its anchor id (`#update-<id>`) and the last part of its own page's URL. */
  id: string;
  /** The blog it belongs to. */
  blogId: string;
  data: LiveUpdateEntry['data'];
  /** Its writers, from their author files, in byline order. */
  credits: AuthorCredit[];
}

/** A live blog, with its published updates newest first. */
export type LiveBlog = CollectionEntry<'live'> & { updates: LiveUpdate[] };

/** When an update last changed: its correction, else its posting. */
export function updateModified(update: LiveUpdate): Date {
  return updateChange(update).instant;
}

/** Updates newest first by posting time, ties broken by id so builds are stable. */
function byNewestPosted(a: LiveUpdate, b: LiveUpdate): number {
  return b.data.time.instant.getTime() - a.data.time.instant.getTime() || a.id.localeCompare(b.id);
}

/** When an article was last touched, for sorting: `updated`, else `published`. */
export function articleInstant(article: Article): Date {
  return article.data.updated?.instant ?? toInstant(article.data.published, article.data.timezone);
}

/** When a live blog last changed: its newest update or correction, its close, or else its start. */
export function liveBlogInstant(blog: LiveBlog): Date {
  return liveBlogChange(blog).instant;
}

/** The live blog of this site at `href` (an article's `liveUpdates.href`), if it is one. */
export function liveBlogAt(href: string | undefined, blogs: readonly LiveBlog[]): LiveBlog | undefined {
  if (href === undefined) return undefined;
  const path = linkPath(href);
  return blogs.find((blog) => liveBlogPermalink(blog.id) === path);
}

/**
 * What an article page shows of the live blog it links to (whether it is
 * live, when it last posted), for its key in the incremental build: a new
 * update re-renders the articles that link to the blog, as a build from
 * scratch would show them.
 */
export function liveLinkKey(blog: LiveBlog | undefined): string {
  return blog ? `:live:${isLive(blog)}:${latestNewsTime(blog).instant.toISOString()}` : '';
}

/** The newest update of a blog marked as a key event. */
export function latestKeyEvent(blog: LiveBlog): LiveUpdate | undefined {
  return blog.updates.find((update) => update.data.keyEvent);
}

/**
 * Articles newest first by publication, ties broken by id so builds are
 * stable. Each article's instant is worked out once, not at each of the
 * sort's comparisons (about 800,000 at 50,000 articles).
 */
export function newestPublishedFirst<T extends Pick<Article, 'id' | 'data'>>(articles: readonly T[]): T[] {
  return articles
    .map((article) => ({ article, time: toInstant(article.data.published, article.data.timezone).getTime() }))
    .sort((a, b) => b.time - a.time || a.article.id.localeCompare(b.article.id))
    .map(({ article }) => article);
}

/** One clock for the whole build, so every page of it is judged at the same moment. */
let builtAt = new Date();

/** Whether an article already carries the age notice at build time (see AgeNotice). */
export function oldAtBuild(published: Timestamp, timeZone: string): boolean {
  return hasAgeNotice(published, builtAt, timeZone);
}

/**
 * What an article page is made of besides the code that draws it, for
 * Astro's incremental build (astro.config.mjs): the entry's digest, which
 * changes with its frontmatter or body, and whether it was already old at
 * build time. A page whose key and code are both unchanged since the last
 * build is copied from that build instead of rendered again.
 */
export function articlePageKey(article: Article): string | undefined {
  if (article.digest === undefined) return undefined;
  return `${article.digest}${oldAtBuild(article.data.published, article.data.timezone) ? ':old' : ''}`;
}

let site: Promise<{ articles: Article[]; liveBlogs: LiveBlog[] }> | undefined;

/**
 * Starts another render of the site in the same process (a publishing
 * service's, scripts/publish-service.ts): the content is read again and the
 * clock is read again, as a new build would.
 */
export function forgetSite(): void {
  site = undefined;
  builtAt = new Date();
}

async function loadSite() {
  const articles = newestPublishedFirst(await getCollection('articles'));
  const updates = new Map<string, LiveUpdate[]>();
  for (const entry of await getCollection('liveUpdates')) {
    const blogId = blogOfUpdate(entry.id);
    const credits = (await creditedAuthors(entry)).map(authorCredit);
    const update = { entry, id: updateAnchorId(entry), blogId, data: entry.data, credits };
    const ofBlog = updates.get(blogId);
    if (ofBlog) ofBlog.push(update);
    else updates.set(blogId, [update]);
  }
  const liveBlogs: LiveBlog[] = (await getCollection('live'))
    .map((blog) => ({ ...blog, updates: (updates.get(blog.id) ?? []).sort(byNewestPosted) }))
    .sort((a, b) => liveBlogInstant(b).getTime() - liveBlogInstant(a).getTime() || a.id.localeCompare(b.id));
  return { articles, liveBlogs };
}

/** Published articles, newest first. */
export async function getArticles(): Promise<Article[]> {
  site ??= loadSite();
  return (await site).articles;
}

/** Published live blogs, the most recently updated first. */
export async function getLiveBlogs(): Promise<LiveBlog[]> {
  site ??= loadSite();
  return (await site).liveBlogs;
}

/** Live blogs still running. */
export function isLive(blog: LiveBlog): boolean {
  return blog.data.coverageEnd === undefined;
}
