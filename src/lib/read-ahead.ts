/**
 * `work` over every item, the results taken in the items' order while up to
 * `ahead` of them are under way or waiting to be taken (p-map's
 * `pMapIterable`). A loop that awaits one file at a time waits on the disk
 * once per file; reading a few dozen ahead keeps the disk busy while the
 * loop works, and never holds more than `ahead` results, however long the
 * list. The content loader, the search step and the share-card pruning read
 * their files through it.
 *
 * A failure is thrown where its item's turn comes, as the plain loop would
 * throw it, never as an unhandled rejection of a result read ahead
 * (tests/unit/read-ahead.test.ts holds p-map to that).
 */
import { pMapIterable } from 'p-map';

/** The window every caller uses: enough to keep the disk busy, few enough results to hold in memory. */
export const READ_AHEAD = 32;

export function readAhead<T, R>(items: readonly T[], ahead: number, work: (item: T) => Promise<R>): AsyncIterable<R> {
  return pMapIterable(items, work, { concurrency: ahead, backpressure: ahead });
}
