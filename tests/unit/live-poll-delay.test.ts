import { describe, expect, it } from 'vitest';
import { FIRST_BACK_OFF_MS, MAX_BACK_OFF_MS, POLL_MS, pollDelay } from '@/lib/live/poll-delay';

describe('pollDelay', () => {
  it('asks every 15 s while the page is visible and polls work', () => {
    expect(POLL_MS).toBe(15_000);
    expect(pollDelay(0)).toBe(15_000);
  });

  it('backs off from 60 s, doubling, to at most 5 minutes', () => {
    expect(FIRST_BACK_OFF_MS).toBe(60_000);
    expect(MAX_BACK_OFF_MS).toBe(300_000);
    expect([1, 2, 3, 4, 5, 50, 5000].map(pollDelay)).toEqual([
      60_000, 120_000, 240_000, 300_000, 300_000, 300_000, 300_000,
    ]);
    expect(pollDelay(Infinity)).toBe(300_000);
  });

  it('reads a count that is not a positive number as none', () => {
    expect([-1, Number.NaN, 0.5].map(pollDelay)).toEqual([15_000, 15_000, 15_000]);
  });
});
