/**
 * The pages of a live blog: its updates split by Astro's `paginate()`
 * (newest first, `/live/<slug>/`, then `/live/<slug>/page/2/`...), one page
 * per update, and the keys that let the incremental build copy a page whose
 * content did not change.
 */
import { createHash } from 'node:crypto';
import type { Page, PaginateFunction } from 'astro';
import type { LiveBlog, LiveUpdate } from '../content/articles';
import { LIVE_PAGE_SIZE, laterPageParam, laterPageUrl, pagePath } from './pagination';
import { liveBlogPermalink, liveUpdateAnchor } from './permalinks';
import { pageKey } from './site-code';

/** What a page of a live blog's route gets. */
export interface LiveBlogPageProps {
  blog: LiveBlog;
  page: Page<LiveUpdate>;
}

function key(parts: unknown): string {
  return pageKey(createHash('sha256').update(JSON.stringify(parts)).digest('base64url'));
}

/** What decides how an update looks: its file, and the bylines it shows (an author's rename changes them). */
const shown = (update: LiveUpdate) => [update.id, update.entry.digest, update.credits];
const digests = (updates: readonly LiveUpdate[]) => updates.map(shown);

/**
 * Every page of `blog` as its `[...page]` route's `getStaticPaths()` gives
 * it. A page's key covers the blog and the updates it shows; the first page
 * also shows the pinned update and the key events, which may be anywhere.
 */
export function liveBlogPaths(paginate: PaginateFunction, blog: LiveBlog) {
  const base = liveBlogPermalink(blog.id);
  const shownEverywhere = digests(blog.updates.filter((update) => update.data.pinned || update.data.keyEvent));
  return paginate(blog.updates, {
    pageSize: LIVE_PAGE_SIZE,
    params: { slug: blog.id },
    props: { blog },
    format: laterPageUrl(base),
  }).map(({ params, props }) => {
    const { data, ...position } = props.page;
    return {
      params: { ...params, page: laterPageParam(params.page) },
      props,
      cacheKey: key([blog.digest, position, digests(data), position.currentPage === 1 ? shownEverywhere : []]),
    };
  });
}

/** The page of its blog an update is on, and the link to it there. */
export function updateInBlog(blog: LiveBlog, update: LiveUpdate): { pageNumber: number; href: string } {
  const pageNumber = Math.floor(blog.updates.indexOf(update) / LIVE_PAGE_SIZE) + 1;
  return { pageNumber, href: `${pagePath(liveBlogPermalink(blog.id), pageNumber)}#${liveUpdateAnchor(update.id)}` };
}

/** Every update's own page, keyed by the blog and the update, and the page of the blog it is on. */
export function liveUpdatePaths(blog: LiveBlog) {
  return blog.updates.map((update) => ({
    params: { slug: blog.id, id: update.id },
    props: { blog, update },
    cacheKey: key([blog.digest, shown(update), updateInBlog(blog, update).pageNumber]),
  }));
}
