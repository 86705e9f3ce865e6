/**
 * The age notice on old articles: "This article is more than 4 years old".
 * Pure, so the browser can run it against the reader's clock and the tests
 * against a pinned one; the static page never states an age that goes stale.
 */
import type { Timestamp } from './dates';

/** Articles younger than this many whole years carry no notice. */
export const MIN_YEARS = 1;

const formats = new Map<string, Intl.DateTimeFormat>();

/** Calendar fields of an instant in an IANA zone. */
function fieldsIn(instant: Date, timeZone: string): number[] {
  let zoneFormat = formats.get(timeZone);
  if (!zoneFormat) {
    zoneFormat = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, zoneFormat);
  }
  const parts = zoneFormat.formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  return [get('year'), get('month'), get('day'), get('hour'), get('minute'), get('second')];
}

/** -1, 0 or 1 as `a` comes before, with or after `b`, field by field. */
function compareFields(a: number[], b: number[]): number {
  for (let index = 0; index < a.length; index++) {
    if (a[index]! !== b[index]!) return a[index]! < b[index]! ? -1 : 1;
  }
  return 0;
}

/**
 * Whole years that have certainly gone by since `published`, counted in the
 * article's zone. A date alone has no time of day, so its anniversary counts
 * only once that whole day is over: the notice never overstates.
 */
export function fullYearsSince(published: Timestamp, now: Date, timeZone: string): number {
  const nowFields = fieldsIn(now, timeZone);
  const [then, compared] =
    published.kind === 'date'
      ? [published.date.split('-').map(Number), nowFields.slice(0, 3)]
      : [fieldsIn(published.instant, timeZone), nowFields];
  const years = compared[0]! - then[0]!;
  // Past the anniversary only when the rest of the date (and time) is strictly later.
  const pastAnniversary = compareFields(compared.slice(1), then.slice(1)) > 0;
  return Math.max(0, pastAnniversary ? years : years - 1);
}

const DAY = 86_400_000;

/**
 * Whether an article published at `published` carries the notice at `now`
 * (`ageNotice` gives one), answered from the two instants alone when they
 * are far from the anniversary: `MIN_YEARS` calendar years are at least 365
 * and at most 366 days each, and a zone's offset, a change of it, or a
 * date's whole day move the anniversary by less than two days more. Only
 * near it are the calendar fields worked out in the article's zone, which
 * a build asked of every article, and which cost a third of a second at
 * 50,000.
 */
export function hasAgeNotice(published: Timestamp, now: Date, timeZone: string): boolean {
  const then = published.kind === 'date' ? Date.parse(`${published.date}T00:00:00Z`) : published.instant.getTime();
  const elapsed = now.getTime() - then;
  if (elapsed < (MIN_YEARS * 365 - 2) * DAY) return false;
  if (elapsed > (MIN_YEARS * 366 + 2) * DAY) return true;
  return fullYearsSince(published, now, timeZone) >= MIN_YEARS;
}

/** The notice for an article published at `published`, or `undefined` while it is younger than `MIN_YEARS`. */
export function ageNotice(published: Timestamp, now: Date, timeZone: string): string | undefined {
  const years = fullYearsSince(published, now, timeZone);
  if (years < MIN_YEARS) return undefined;
  return `This article is more than ${years} ${years === 1 ? 'year' : 'years'} old`;
}
