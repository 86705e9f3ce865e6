/**
 * Everything about time on the site. This is the only module that imports
 * date-fns: every displayed time goes through it, always in an explicit IANA
 * zone, so the build machine's own zone never reaches a page.
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';

/**
 * A frontmatter time as the editor wrote it. A date alone means the time of
 * day is unknown: it is shown without a time and is never mistaken for
 * midnight UTC.
 */
export type Timestamp =
  | { kind: 'date'; /** `yyyy-mm-dd` as written */ date: string }
  | { kind: 'datetime'; /** the instant the editor named */ instant: Date };

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function isCalendarDate(year: number, month: number, day: number): boolean {
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/** Parses an ISO 8601 date (`2022-05-23`) or date-time with an offset; `undefined` when it is neither. */
export function parseTimestamp(raw: string): Timestamp | undefined {
  const text = raw.trim();
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly) {
    const [, y, m, d] = dateOnly.map(Number);
    return isCalendarDate(y!, m!, d!) ? { kind: 'date', date: text } : undefined;
  }
  const dateTime = DATE_TIME.exec(text);
  if (!dateTime) return undefined;
  const [, y, m, d, hh, mm, ss] = dateTime.map(Number);
  if (!isCalendarDate(y!, m!, d!) || hh! > 23 || mm! > 59 || (ss ?? 0) > 59) return undefined;
  const instant = new Date(text);
  return isValid(instant) ? { kind: 'datetime', instant } : undefined;
}

/**
 * A memo that forgets its oldest answers beyond `limit`. Building an
 * `Intl.DateTimeFormat` or a zoned date costs 0.1 to 1 ms, and every
 * article's times are asked for on many pages (see docs/benchmarks.md,
 * "Times"), so answers are kept; bounded, because the module lives as long
 * as the process: in `astro dev` every edited timestamp or mistyped zone
 * would otherwise stay until the server stops.
 */
export function boundedMemo<T>(limit: number): (key: string, work: () => T) => T {
  const kept = new Map<string, T>();
  return (key, work) => {
    if (kept.has(key)) return kept.get(key) as T;
    const value = work();
    if (kept.size >= limit) kept.delete(kept.keys().next().value!);
    kept.set(key, value);
    return value;
  };
}

/**
 * Editors' zone names, right or wrong. The IANA database has about 600
 * names with their aliases: a build asks about the few its articles name.
 */
const knownZone = boundedMemo<boolean>(1_000);

/** True when `zone` is an IANA zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  return knownZone(zone, () => {
    try {
      return (zone.includes('/') || zone === 'UTC') && Boolean(new Intl.DateTimeFormat('en', { timeZone: zone }));
    } catch {
      return false;
    }
  });
}

/**
 * One article's times are shown on many pages (its own, lists, feeds, the
 * permalink, the sort of every list), and zone arithmetic is not cheap: each
 * result below is worked out once per timestamp, zone and use. A build asks
 * for at most five uses of each timestamp it shows, so what is kept is what
 * the build shows. The limit is 100,000 articles' worth (about 140 MB at
 * most): every route passes over every article, and a memo smaller than
 * one build's answers forgets, oldest first, just what the next pass asks
 * for (docs/benchmarks.md, "Where Astro's step goes"). It matters otherwise
 * only in a long `astro dev` session.
 */
const keptTimes = boundedMemo<unknown>(500_000);

function once<T>(use: string, timestamp: Timestamp, zone: string, work: () => T): T {
  const key = `${use} ${zone} ${timestamp.kind === 'date' ? timestamp.date : timestamp.instant.getTime()}`;
  return keptTimes(key, work) as T;
}

function zoned(timestamp: Timestamp, zone: string): TZDate {
  if (timestamp.kind === 'datetime') return new TZDate(timestamp.instant, zone);
  const [y, m, d] = timestamp.date.split('-').map(Number);
  return new TZDate(y!, m! - 1, d!, zone);
}

/** The instant a timestamp stands for; a date alone counts from midnight in `zone`. */
export function toInstant(timestamp: Timestamp, zone: string): Date {
  if (timestamp.kind === 'datetime') return new Date(timestamp.instant.getTime());
  return new Date(once('instant', timestamp, zone, () => zoned(timestamp, zone).getTime()));
}

/**
 * The wall clock of an instant in a zone, by the platform's own zone
 * database: every article's permalink, sitemap entry and card asks for its
 * day or its `datetime`, and a zoned date formatted by date-fns took about
 * seven times as long (50,000 articles: 0.58 s against 0.08 s for the day
 * alone). `tests/unit/dates.test.ts` holds each use to date-fns's answer for
 * any instant and zone of the last hundred years.
 */
const clockFormats = boundedMemo<Intl.DateTimeFormat>(1_000);

type WallClock = Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string>;

function wallClock(instant: Date, zone: string): WallClock {
  const parts = clockFormats(
    zone,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        calendar: 'gregory',
        numberingSystem: 'latn',
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }),
  ).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((found) => found.type === type)?.value ?? '';
  return {
    year: part('year').padStart(4, '0'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  };
}

/** `+04:00`: how far the wall clock `clock` is ahead of `instant`, to the minute. */
function offsetOf(clock: WallClock, instant: Date): string {
  const local = new Date(0);
  local.setUTCFullYear(Number(clock.year), Number(clock.month) - 1, Number(clock.day));
  local.setUTCHours(Number(clock.hour), Number(clock.minute), Number(clock.second));
  const minutes = Math.round((local.getTime() - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
  const whole = Math.abs(minutes);
  const two = (value: number) => String(value).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${two(Math.floor(whole / 60))}:${two(whole % 60)}`;
}

/** Year, month and day in `zone`, zero-padded, as permalinks want them. */
export function calendarDay(
  timestamp: Timestamp,
  zone: string,
): Readonly<{ year: string; month: string; day: string }> {
  return once('day', timestamp, zone, () => {
    if (timestamp.kind === 'datetime') {
      const { year, month, day } = wallClock(timestamp.instant, zone);
      return Object.freeze({ year, month, day });
    }
    const [year, month, day] = timestamp.date.split('-') as [string, string, string];
    return Object.freeze({ year, month, day });
  });
}

/** The `datetime` attribute: a date alone, or the full date-time with the zone's offset. */
export function machineTimestamp(timestamp: Timestamp, zone: string): string {
  if (timestamp.kind === 'date') return timestamp.date;
  return once('machine', timestamp, zone, () => {
    const clock = wallClock(timestamp.instant, zone);
    const { year, month, day, hour, minute, second } = clock;
    return `${year}-${month}-${day}T${hour}:${minute}:${second}${offsetOf(clock, timestamp.instant)}`;
  });
}

export interface DisplayTimestamp {
  /** For the `datetime` attribute. */
  datetime: string;
  /** What a reader sees: "May 23, 2022" or "May 23, 2022, 3:25 PM". */
  text: string;
  /** Short zone name, e.g. "GMT+4" or "CEST"; absent for a date alone. */
  zoneShort?: string;
  /** Long zone name, e.g. "Gulf Standard Time"; absent for a date alone. */
  zoneLong?: string;
  /** The offset, e.g. "UTC+04:00"; absent for a date alone. */
  offset?: string;
}

/** Formats a timestamp for a reader, in `zone`. A date alone shows no time and no zone. */
export function displayTimestamp(timestamp: Timestamp, zone: string): Readonly<DisplayTimestamp> {
  return once('display', timestamp, zone, () => Object.freeze(formatTimestamp(timestamp, zone)));
}

/** One formatter per zone and style, for the zones the build's articles name (two per zone). */
const zoneNameFormat = boundedMemo<Intl.DateTimeFormat>(1_000);

/** A zone's name at an instant ("GMT+4", "Gulf Standard Time"). */
function zoneName(zone: string, instant: Date, style: 'short' | 'long'): string {
  const names = zoneNameFormat(
    `${zone} ${style}`,
    () => new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: style }),
  );
  return names.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? zone;
}

function formatTimestamp(timestamp: Timestamp, zone: string): DisplayTimestamp {
  const local = zoned(timestamp, zone);
  const datetime = machineTimestamp(timestamp, zone);
  if (timestamp.kind === 'date') return { datetime, text: format(local, 'MMMM d, yyyy') };
  return {
    datetime,
    text: format(local, 'MMMM d, yyyy, h:mm a'),
    zoneShort: zoneName(zone, local, 'short'),
    zoneLong: zoneName(zone, local, 'long'),
    offset: `UTC${format(local, 'xxx')}`,
  };
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A day for lists and cards, e.g. "May 23, 2022", in `zone`. */
export function displayDay(timestamp: Timestamp, zone: string): string {
  return once('day shown', timestamp, zone, () => {
    const { year, month, day } = calendarDay(timestamp, zone);
    return `${MONTHS[Number(month) - 1]} ${Number(day)}, ${year}`;
  });
}

/** A time of day for a live blog's lists ("3:25 PM"), in `zone`: its day is shown around it. */
export function displayTimeOfDay(timestamp: Extract<Timestamp, { kind: 'datetime' }>, zone: string): string {
  return once('time of day shown', timestamp, zone, () => format(zoned(timestamp, zone), 'h:mm a'));
}
