import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageNotice, fullYearsSince, hasAgeNotice, MIN_YEARS } from '@/lib/time/age';
import type { Timestamp } from '@/lib/time/dates';

const zone = 'Asia/Dubai';
const at = (iso: string) => new Date(iso);
const day = (date: string): Timestamp => ({ kind: 'date', date });
const instant = (iso: string): Timestamp => ({ kind: 'datetime', instant: new Date(iso) });

describe('fullYearsSince', () => {
  it('counts a date-time anniversary only once it has passed, in the article zone', () => {
    const published = instant('2022-05-23T15:25:00+04:00');
    expect(fullYearsSince(published, at('2026-05-23T15:24:59+04:00'), zone)).toBe(3);
    expect(fullYearsSince(published, at('2026-05-23T15:25:01+04:00'), zone)).toBe(4);
  });

  it('counts a date alone only once the whole anniversary day is over in the article zone', () => {
    expect(fullYearsSince(day('2022-05-23'), at('2026-05-23T23:59:00+04:00'), zone)).toBe(3);
    expect(fullYearsSince(day('2022-05-23'), at('2026-05-24T00:00:00+04:00'), zone)).toBe(4);
    // Already May 24 in Los Angeles' reckoning? No: still May 23 in Dubai, so not yet.
    expect(fullYearsSince(day('2022-05-23'), at('2026-05-23T19:59:00Z'), zone)).toBe(3);
    expect(fullYearsSince(day('2022-05-23'), at('2026-05-23T20:00:00Z'), zone)).toBe(4);
  });

  it('handles a leap day', () => {
    expect(fullYearsSince(day('2020-02-29'), at('2021-02-28T12:00:00+04:00'), zone)).toBe(0);
    expect(fullYearsSince(day('2020-02-29'), at('2021-03-01T00:00:00+04:00'), zone)).toBe(1);
  });

  it('is never negative', () => {
    expect(fullYearsSince(day('2030-01-01'), at('2026-01-01T00:00:00Z'), zone)).toBe(0);
    expect(fullYearsSince(instant('2030-01-01T10:00:00Z'), at('2026-01-01T00:00:00Z'), zone)).toBe(0);
  });
});

describe('ageNotice', () => {
  it(`is absent for an article younger than ${MIN_YEARS} year`, () => {
    expect(ageNotice(day('2025-11-28'), at('2026-11-28T12:00:00+04:00'), zone)).toBeUndefined();
    expect(ageNotice(instant('2026-11-01T09:00:00+04:00'), at('2026-11-28T12:00:00+04:00'), zone)).toBeUndefined();
  });

  it('says "year" for one and "years" for more', () => {
    expect(ageNotice(day('2025-11-27'), at('2026-11-28T12:00:00+04:00'), zone)).toBe(
      'This article is more than 1 year old',
    );
    expect(ageNotice(day('2022-05-23'), at('2026-11-28T12:00:00+04:00'), zone)).toBe(
      'This article is more than 4 years old',
    );
  });

  it('changes on the anniversary, not before', () => {
    expect(ageNotice(day('2022-05-23'), at('2027-05-23T12:00:00+04:00'), zone)).toBe(
      'This article is more than 4 years old',
    );
    expect(ageNotice(day('2022-05-23'), at('2027-05-24T12:00:00+04:00'), zone)).toBe(
      'This article is more than 5 years old',
    );
  });
});

describe('hasAgeNotice', () => {
  const zones = ['Asia/Dubai', 'Pacific/Kiritimati', 'Pacific/Apia', 'America/St_Johns', 'Europe/London', 'UTC'];
  const aroundAnniversary = fc.integer({
    min: (MIN_YEARS * 365 - 4) * 86_400_000,
    max: (MIN_YEARS * 366 + 4) * 86_400_000,
  });
  const anyTime = fc.integer({ min: -10 * 366 * 86_400_000, max: 10 * 366 * 86_400_000 });
  const published = fc.oneof(
    fc
      .date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
      .map((date): Timestamp => ({ kind: 'date', date: date.toISOString().slice(0, 10) })),
    fc
      .date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
      .map((date): Timestamp => ({ kind: 'datetime', instant: date })),
  );
  const start = (timestamp: Timestamp) =>
    timestamp.kind === 'date' ? Date.parse(`${timestamp.date}T00:00:00Z`) : timestamp.instant.getTime();

  it('answers as ageNotice does, near the anniversary and far from it, in any zone', () => {
    fc.assert(
      fc.property(published, fc.oneof(aroundAnniversary, anyTime), fc.constantFrom(...zones), (at, after, timeZone) => {
        const now = new Date(start(at) + after);
        expect(hasAgeNotice(at, now, timeZone)).toBe(ageNotice(at, now, timeZone) !== undefined);
      }),
      { numRuns: 5_000 },
    );
  });

  it('turns at the anniversary itself', () => {
    expect(hasAgeNotice(day('2025-11-28'), at('2026-11-28T23:59:00+04:00'), zone)).toBe(false);
    expect(hasAgeNotice(day('2025-11-28'), at('2026-11-29T00:00:00+04:00'), zone)).toBe(true);
    expect(hasAgeNotice(instant('2025-11-28T10:00:00Z'), at('2026-11-28T09:59:59Z'), zone)).toBe(false);
    expect(hasAgeNotice(instant('2025-11-28T10:00:00Z'), at('2026-11-28T10:00:01Z'), zone)).toBe(true);
  });
});
