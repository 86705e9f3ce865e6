/**
 * Whether a live blog's coverage goes on and when it last moved, as an
 * article's link to the blog shows it: the same words in the HTML the build
 * writes and in the browser that brings them up to date.
 */

/** The part of the blog's feed (`updates.json`) an article's link needs. */
export interface LiveState {
  live: boolean;
  /** The newest update's time: with offset, and as shown ("3:25 PM"). */
  latest: { datetime: string; text: string };
}

/** The one word for the blog's state. */
export function liveStateWord(live: boolean): 'Live' | 'Ended' {
  return live ? 'Live' : 'Ended';
}

/**
 * `live` and `latest` from the feed's text, or undefined when they are not
 * there as the contract says. Only these two are read: an article's page has
 * a 2 KB script budget, and checking the updates (`parseLiveFeed`) would
 * spend it on what the link does not show.
 */
export function readLiveState(text: string): LiveState | undefined {
  try {
    const { live, latest } = JSON.parse(text) as { live?: unknown; latest?: { datetime?: unknown; text?: unknown } };
    const { datetime, text: shown } = latest ?? {};
    if (typeof live !== 'boolean' || typeof datetime !== 'string' || typeof shown !== 'string') return undefined;
    return { live, latest: { datetime, text: shown } };
  } catch {
    // Not JSON, or not an object.
    return undefined;
  }
}
