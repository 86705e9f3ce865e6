/**
 * `readAhead` (src/lib/read-ahead.ts), which the content loader reads its
 * files through: the results in the items' order whatever order the work
 * finishes in, never more than `ahead` under way or waiting, and a failure
 * thrown in its item's turn, never as an unhandled rejection.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAhead } from '@/lib/read-ahead';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function taken<R>(results: AsyncIterable<R>): Promise<R[]> {
  const all: R[] = [];
  for await (const result of results) all.push(result);
  return all;
}

describe('readAhead', () => {
  it('gives every result in the items’ order, with at most `ahead` under way beside the one the loop holds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 8 }),
        async (delays, ahead) => {
          let outstanding = 0;
          let most = 0;
          const results: number[] = [];
          const work = async (index: number) => {
            outstanding++;
            most = Math.max(most, outstanding);
            await pause(delays[index] ?? 0);
            return index * 10;
          };
          for await (const result of readAhead(
            delays.map((_, index) => index),
            ahead,
            work,
          )) {
            outstanding--;
            results.push(result);
          }
          expect(results).toEqual(delays.map((_, index) => index * 10));
          // The next work may start as a result is handed over, before the loop counts it taken.
          expect(most).toBeLessThanOrEqual(ahead + 1);
          if (delays.length > 1 && ahead > 1) expect(most).toBeGreaterThan(1);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('throws a failure in its item’s turn, after the results before it, and leaves no rejection unhandled', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const results: string[] = [];
      const work = async (item: string) => {
        // The failing item settles first, long before its turn.
        await pause(item === 'bad' ? 0 : 15);
        if (item === 'bad') throw new Error('bad file');
        return item.toUpperCase();
      };
      await expect(
        (async () => {
          for await (const result of readAhead(['a', 'b', 'bad', 'c'], 4, work)) results.push(result);
        })(),
      ).rejects.toThrow('bad file');
      expect(results).toEqual(['A', 'B']);
      // A work that throws before it awaits anything fails the same way.
      const throwsAtOnce = (): Promise<never> => {
        throw new Error('at once');
      };
      await expect(taken(readAhead([1, 2], 2, throwsAtOnce))).rejects.toThrow('at once');
      await pause(30);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('refuses an `ahead` that is not a whole number of at least 1', () => {
    for (const ahead of [0, -1, 1.5, Number.NaN]) {
      expect(() => readAhead([1], ahead, (item) => Promise.resolve(item))).toThrow(TypeError);
    }
  });
});
