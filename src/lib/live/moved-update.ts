/**
 * Links to an update that has left the first page of its blog. Such a link
 * (`/live/<slug>/#update-<id>`) was right when it was shared; once 30 newer
 * updates have pushed the update onto a later page, the browser sends the
 * reader to the update's own page instead, so the link never breaks.
 */
import type { OlderUpdate } from './live-feed';

const UPDATE_HASH = '#update-';

/** The update id a location hash names (`#update-mission-silent`), or undefined for any other hash. */
export function updateIdFromHash(hash: string): string | undefined {
  if (!hash.startsWith(UPDATE_HASH) || hash.length === UPDATE_HASH.length) return undefined;
  try {
    return decodeURIComponent(hash.slice(UPDATE_HASH.length));
  } catch {
    // A malformed escape (`%E0%A4%A`) names no update.
    return undefined;
  }
}

/**
 * The page of update `id` among the older ones, or undefined when it is
 * not there or its URL is not a path on this site: the feed is the site's
 * own, but a redirect is never sent to another origin (`//elsewhere`,
 * `https:`, `javascript:`).
 */
export function movedUpdateUrl(id: string, older: readonly OlderUpdate[]): string | undefined {
  const url = older.find((update) => update.id === id)?.url;
  return url && /^\/(?![/\\])/.test(url) ? url : undefined;
}
