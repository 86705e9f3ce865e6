import { describe, expect, it } from 'vitest';
import { relativeTime } from '@/lib/time/relative-time';

const then = new Date('2022-05-23T15:25:00+04:00');
const after = (ms: number) => new Date(then.getTime() + ms);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('relativeTime', () => {
  it('says "now" under a minute, and for a time ahead of the clock', () => {
    expect(relativeTime(then, then)).toBe('now');
    expect(relativeTime(then, after(59 * SECOND))).toBe('now');
    expect(relativeTime(then, after(-5 * MINUTE))).toBe('now');
  });

  it('counts whole minutes, hours and days down', () => {
    expect(relativeTime(then, after(MINUTE))).toBe('1 minute ago');
    expect(relativeTime(then, after(12 * MINUTE + 59 * SECOND))).toBe('12 minutes ago');
    expect(relativeTime(then, after(59 * MINUTE + 59 * SECOND))).toBe('59 minutes ago');
    expect(relativeTime(then, after(HOUR))).toBe('1 hour ago');
    expect(relativeTime(then, after(23 * HOUR + 59 * MINUTE))).toBe('23 hours ago');
    expect(relativeTime(then, after(DAY))).toBe('1 day ago');
    expect(relativeTime(then, after(29 * DAY))).toBe('29 days ago');
  });

  it('moves to months, then years, never saying 0 or 12 months', () => {
    expect(relativeTime(then, after(30 * DAY))).toBe('1 month ago');
    expect(relativeTime(then, after(364 * DAY))).toBe('11 months ago');
    expect(relativeTime(then, after(365 * DAY))).toBe('1 year ago');
    expect(relativeTime(then, new Date('2026-11-28T12:00:00Z'))).toBe('4 years ago');
  });

  it('speaks the locale it is given', () => {
    expect(relativeTime(then, after(12 * MINUTE), 'fr')).toBe('il y a 12 minutes');
  });
});
