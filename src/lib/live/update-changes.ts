/**
 * What a poll of a live blog's feed changes in the updates a reader has:
 * the ones the page shows plus the new ones it holds back until asked.
 */
import type { FeedUpdate, LiveFeed } from './live-feed';

/** An update the reader has, on the page or held back. */
export interface KnownUpdate {
  id: string;
  /** Its `data-modified`; undefined when the page did not say, and then never taken for a correction. */
  modified: string | undefined;
}

export interface UpdateChanges {
  /** Updates newer than every known one, newest first: they go on top of the list. */
  added: FeedUpdate[];
  /** Known updates whose `modified` changed: replaced where they stand. */
  corrected: FeedUpdate[];
  /** Ids of known updates the feed lists nowhere (withdrawn): removed. */
  removed: string[];
}

/** Two ISO instants name the same moment, however each was written. */
function sameInstant(a: string, b: string): boolean {
  return a === b || Date.parse(a) === Date.parse(b);
}

/**
 * The changes from the updates the reader has (`known`) to the feed's. Only
 * updates above the newest known one are added: an unknown id further down
 * the feed (an update posted with an earlier time) waits for the next page
 * load, since putting it among the updates already shown could move what
 * the reader is looking at. An update that left the first page for `older`
 * stays where it is.
 */
export function updateChanges(known: readonly KnownUpdate[], feed: Pick<LiveFeed, 'updates' | 'older'>): UpdateChanges {
  const knownById = new Map(known.map((update) => [update.id, update]));
  const firstKnown = feed.updates.findIndex((update) => knownById.has(update.id));
  const added = firstKnown === -1 ? [...feed.updates] : feed.updates.slice(0, firstKnown);
  const corrected = feed.updates.filter((update) => {
    const modified = knownById.get(update.id)?.modified;
    return modified !== undefined && !sameInstant(modified, update.modified);
  });
  const listed = new Set([...feed.updates, ...feed.older].map((update) => update.id));
  const removed = known.filter((update) => !listed.has(update.id)).map((update) => update.id);
  return { added, corrected, removed };
}
