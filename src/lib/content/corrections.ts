/**
 * An article's corrections and what they change about it: the order the
 * page lists them in, and the article's last change, which a correction
 * moves as an update does (the page's `dateModified`, the feed's
 * `atom:updated`, the sitemap's `lastmod`).
 */
import { displayTimestamp, toInstant, type Timestamp } from '../time/dates';

type DateTime = Extract<Timestamp, { kind: 'datetime' }>;

/** What a correction needs to be ordered and dated. */
export interface DatedCorrection {
  time: DateTime;
}

/** The times an article's last change is worked out from. */
export interface ArticleTimes {
  published: Timestamp;
  updated?: Timestamp | undefined;
  /** Absent is read as none: pages that know nothing of corrections keep their times. */
  corrections?: readonly DatedCorrection[] | undefined;
  timezone: string;
}

/**
 * The corrections oldest first, as a record reads: editors add them where
 * they like in the frontmatter, so the page never depends on that order.
 */
export function correctionsInOrder<C extends DatedCorrection>(corrections: readonly C[]): C[] {
  return [...corrections].sort((a, b) => a.time.instant.getTime() - b.time.instant.getTime());
}

/**
 * When the article last changed: the latest of `updated` and its
 * corrections, else `published`. A correction made after the last update
 * is a change a reader, a feed reader and a crawler must hear of.
 */
export function lastChange(times: ArticleTimes): Timestamp {
  const { published, updated, corrections = [], timezone } = times;
  const candidates = [published, ...(updated ? [updated] : []), ...corrections.map((correction) => correction.time)];
  // On a tie the later-named wins: an update at the moment of publication is still an update.
  return candidates.reduce((latest, time) =>
    toInstant(time, timezone) >= toInstant(latest, timezone) ? time : latest,
  );
}

/**
 * "Correction, May 24, 2022, 10:00 AM GMT+4": how the page and the feed
 * introduce a correction, in the article's zone, so a reader can tell it
 * from the text it corrects and when it was made.
 */
export function correctionLabel(time: DateTime, zone: string): string {
  const shown = displayTimestamp(time, zone);
  return `Correction, ${shown.text}${shown.zoneShort ? ` ${shown.zoneShort}` : ''}`;
}
