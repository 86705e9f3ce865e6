/**
 * "12 minutes ago": how long ago a time was, for the browser to show beside
 * the absolute time. Pure, so it runs against the reader's clock in the page
 * and a pinned clock in tests; never used to write static HTML.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365.2425 * DAY;
const MONTH = YEAR / 12;

/**
 * How long before `now` the instant `then` was, in the largest unit that
 * fits, counted down (so "12 minutes ago" means at least twelve whole
 * minutes). Under a minute, and for times ahead of the reader's clock
 * (a clock set slightly wrong), it is "now".
 */
export function relativeTime(then: Date, now: Date, locale = 'en'): string {
  const elapsed = now.getTime() - then.getTime();
  if (elapsed < MINUTE) return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(0, 'second');
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  if (elapsed < HOUR) return format.format(-Math.floor(elapsed / MINUTE), 'minute');
  if (elapsed < DAY) return format.format(-Math.floor(elapsed / HOUR), 'hour');
  if (elapsed < 30 * DAY) return format.format(-Math.floor(elapsed / DAY), 'day');
  if (elapsed < 365 * DAY) return format.format(-Math.min(11, Math.max(1, Math.floor(elapsed / MONTH))), 'month');
  return format.format(-Math.max(1, Math.floor(elapsed / YEAR)), 'year');
}
