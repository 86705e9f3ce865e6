/**
 * The JSON a live blog's build writes beside its first page
 * (`/live/<slug>/updates.json`), as the browser reads it. The browser ships
 * no schema library (the scripts of a live blog have 4 KB compressed in
 * all), so the contract is checked by hand here, once, and everything after
 * this file can trust the shape.
 */

/** One of the newest updates, as the ready HTML of the page's own update component. */
export interface FeedUpdate {
  id: string;
  /** When it was last changed (ISO instant): a new value means a correction. */
  modified: string;
  /** One `<article id="update-<id>">`, from the same pipeline as the page. */
  html: string;
}

/** An update too old for the first page: where its own page is. */
export interface OlderUpdate {
  id: string;
  modified: string;
  /** A path on this site, `/live/<slug>/updates/<id>/`. */
  url: string;
}

export interface LiveFeed {
  /** False once coverage has ended: the page stops asking. */
  live: boolean;
  /** The inner HTML of the blog's `[data-live-status]`. */
  statusHtml: string;
  /** The inner HTML of `[data-key-events]`, `''` when there are none. */
  keyEventsHtml: string;
  /** The newest update's time, for "Updated 3:25 PM". */
  latest: { datetime: string; text: string };
  /** The newest updates (30 at most), newest first. */
  updates: FeedUpdate[];
  /** Every other update, newest first. */
  older: OlderUpdate[];
}

type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** True when `value` is an object whose `keys` all hold strings (other keys are allowed). */
const hasStrings = <Key extends string>(value: unknown, keys: readonly Key[]): value is Fields & Record<Key, string> =>
  isFields(value) && keys.every((key) => typeof value[key] === 'string');

const isListOf = <Item>(value: unknown, keys: readonly string[]): value is Item[] =>
  Array.isArray(value) && value.every((item) => hasStrings(item, keys));

/**
 * The feed in `text`, or undefined when it is not the contract: not JSON, a
 * field missing or of the wrong type, one malformed update. A feed is taken
 * whole or not at all, because acting on part of it would remove from the
 * page every update it failed to list; a refused feed counts as a failed
 * poll (the page backs off and keeps what it shows). Fields the contract
 * does not name are ignored, so the build can add some.
 */
export function parseLiveFeed(text: string): LiveFeed | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (
    !hasStrings(value, ['statusHtml', 'keyEventsHtml']) ||
    typeof value.live !== 'boolean' ||
    !hasStrings(value.latest, ['datetime', 'text']) ||
    !isListOf<FeedUpdate>(value.updates, ['id', 'modified', 'html']) ||
    !isListOf<OlderUpdate>(value.older, ['id', 'modified', 'url'])
  ) {
    return undefined;
  }
  return {
    live: value.live,
    statusHtml: value.statusHtml,
    keyEventsHtml: value.keyEventsHtml,
    latest: { datetime: value.latest.datetime, text: value.latest.text },
    updates: value.updates.map(({ id, modified, html }) => ({ id, modified, html })),
    older: value.older.map(({ id, modified, url }) => ({ id, modified, url })),
  };
}
