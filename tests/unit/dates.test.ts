import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  boundedMemo,
  calendarDay,
  displayDay,
  displayTimestamp,
  isTimeZone,
  machineTimestamp,
  parseTimestamp,
  toInstant,
  type Timestamp,
} from '@/lib/time/dates';

const at = (iso: string): Timestamp => parseTimestamp(iso)!;

/** Zones with offsets of every kind: none, whole hours, half and three quarters of an hour, summer time of half an hour, the date line. */
const OFFSET_KINDS = [
  'UTC',
  'Asia/Dubai',
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'America/St_Johns',
  'Pacific/Chatham',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
];

describe('parseTimestamp', () => {
  it('keeps a date alone as a date, not midnight UTC', () => {
    expect(parseTimestamp('2022-05-23')).toEqual({ kind: 'date', date: '2022-05-23' });
  });

  it('reads a date-time with an offset as an instant', () => {
    expect(parseTimestamp('2022-05-23T15:25:00+04:00')).toEqual({
      kind: 'datetime',
      instant: new Date('2022-05-23T11:25:00Z'),
    });
    expect(parseTimestamp('2022-05-23T11:25Z')?.kind).toBe('datetime');
  });

  it.each([
    ['a date-time without an offset', '2022-05-23T15:25:00'],
    ['an impossible day', '2022-02-30'],
    ['an impossible hour', '2022-05-23T25:00:00+04:00'],
    ['prose', 'May 23, 2022'],
    ['an empty string', ''],
    ['a US-style date', '05/23/2022'],
  ])('refuses %s', (_, raw) => {
    expect(parseTimestamp(raw)).toBeUndefined();
  });
});

describe('displayTimestamp', () => {
  it('shows the seed update in UAE time with its zone', () => {
    expect(displayTimestamp(at('2022-05-23T15:25:00+04:00'), 'Asia/Dubai')).toEqual({
      datetime: '2022-05-23T15:25:00+04:00',
      text: 'May 23, 2022, 3:25 PM',
      zoneShort: 'GMT+4',
      zoneLong: 'Gulf Standard Time',
      offset: 'UTC+04:00',
    });
  });

  it('shows a date alone with no time and no zone', () => {
    expect(displayTimestamp(at('2022-05-23'), 'Asia/Dubai')).toEqual({ datetime: '2022-05-23', text: 'May 23, 2022' });
  });

  it('shows an instant written in UTC in the article zone, not the machine zone', () => {
    expect(process.env.TZ).toBe('America/Los_Angeles');
    const shown = displayTimestamp(at('2022-05-23T11:25:00Z'), 'Asia/Dubai');
    expect(shown.text).toBe('May 23, 2022, 3:25 PM');
    expect(shown.datetime).toBe('2022-05-23T15:25:00+04:00');
  });

  it('follows a daylight-saving change (New York, March 13, 2022)', () => {
    const before = displayTimestamp(at('2022-03-13T06:30:00Z'), 'America/New_York');
    const after = displayTimestamp(at('2022-03-13T07:30:00Z'), 'America/New_York');
    expect([before.text, before.zoneShort, before.datetime]).toEqual([
      'March 13, 2022, 1:30 AM',
      'EST',
      '2022-03-13T01:30:00-05:00',
    ]);
    expect([after.text, after.zoneShort, after.datetime]).toEqual([
      'March 13, 2022, 3:30 AM',
      'EDT',
      '2022-03-13T03:30:00-04:00',
    ]);
  });

  it('follows the autumn change in London, where one wall-clock hour happens twice', () => {
    const first = displayTimestamp(at('2022-10-30T00:30:00Z'), 'Europe/London');
    const second = displayTimestamp(at('2022-10-30T01:30:00Z'), 'Europe/London');
    expect(first.text).toBe(second.text);
    expect([first.zoneLong, second.zoneLong]).toEqual(['British Summer Time', 'Greenwich Mean Time']);
    expect([first.datetime, second.datetime]).toEqual(['2022-10-30T01:30:00+01:00', '2022-10-30T01:30:00+00:00']);
  });
});

describe('calendarDay and toInstant', () => {
  it('takes the day in the article zone, which can differ from the UTC day', () => {
    expect(calendarDay(at('2022-05-23T22:30:00Z'), 'Asia/Dubai')).toEqual({ year: '2022', month: '05', day: '24' });
    expect(calendarDay(at('2022-05-23T22:30:00Z'), 'America/New_York')).toEqual({
      year: '2022',
      month: '05',
      day: '23',
    });
  });

  it('keeps a date alone on its own day in every zone', () => {
    for (const zone of ['Pacific/Kiritimati', 'Asia/Dubai', 'UTC', 'Pacific/Pago_Pago']) {
      expect(calendarDay(at('2022-05-23'), zone)).toEqual({ year: '2022', month: '05', day: '23' });
      expect(displayDay(at('2022-05-23'), zone)).toBe('May 23, 2022');
    }
  });

  it("gives date-fns's day and instant for any instant, in zones of every kind of offset", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:59Z'), noInvalidDate: true }),
        fc.constantFrom(...OFFSET_KINDS),
        (instant, zone) => {
          const timestamp = { kind: 'datetime' as const, instant };
          const [year, month, day] = format(new TZDate(instant, zone), 'yyyy-MM-dd').split('-');
          expect(calendarDay(timestamp, zone)).toEqual({ year, month, day });
          expect(toInstant(timestamp, zone).getTime()).toBe(new TZDate(instant, zone).getTime());
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("gives date-fns's `datetime` and shown day for any instant since 1960, in zones of every kind of offset", () => {
    // Since 1960: before it, some of these zones kept a local mean time with seconds in its offset
    // (Chatham's 12:13:21 until 1957), which neither an offset in minutes nor a news report has.
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1960-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:59Z'), noInvalidDate: true }),
        fc.constantFrom(...OFFSET_KINDS),
        (instant, zone) => {
          const timestamp = { kind: 'datetime' as const, instant };
          const local = new TZDate(instant, zone);
          expect(machineTimestamp(timestamp, zone)).toBe(format(local, "yyyy-MM-dd'T'HH:mm:ssxxx"));
          expect(displayDay(timestamp, zone)).toBe(format(local, 'MMMM d, yyyy'));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('writes the offset of a zone behind UTC, of half and three quarters of an hour, and of none', () => {
    const at2022 = at('2022-05-23T12:00:00Z');
    expect(machineTimestamp(at2022, 'America/St_Johns')).toBe('2022-05-23T09:30:00-02:30');
    expect(machineTimestamp(at2022, 'Asia/Kathmandu')).toBe('2022-05-23T17:45:00+05:45');
    expect(machineTimestamp(at2022, 'UTC')).toBe('2022-05-23T12:00:00+00:00');
    expect(machineTimestamp(at('2022-12-31T23:59:59Z'), 'Pacific/Kiritimati')).toBe('2023-01-01T13:59:59+14:00');
    expect(displayDay(at('2022-12-31T23:59:59Z'), 'Pacific/Pago_Pago')).toBe('December 31, 2022');
  });

  it('takes the day of a zone whose offset had seconds, where date-fns turns the sign', () => {
    // Liberia kept 44 minutes 30 seconds behind GMT until 1972; date-fns's zoned date puts it ahead.
    expect(calendarDay(at('1970-01-01T00:00:00Z'), 'Africa/Monrovia')).toEqual({
      year: '1969',
      month: '12',
      day: '31',
    });
  });

  it('counts a date alone from midnight in the article zone', () => {
    expect(toInstant(at('2022-05-23'), 'Asia/Dubai').toISOString()).toBe('2022-05-22T20:00:00.000Z');
    expect(machineTimestamp(at('2022-05-23'), 'Asia/Dubai')).toBe('2022-05-23');
  });
});

describe('isTimeZone', () => {
  it.each(['Asia/Dubai', 'Europe/London', 'America/Argentina/Buenos_Aires', 'UTC'])('accepts %s', (zone) => {
    expect(isTimeZone(zone)).toBe(true);
  });
  it.each(['Mars/Olympus_Mons', 'GST', 'dubai', '', '+04:00'])('refuses %s', (zone) => {
    expect(isTimeZone(zone)).toBe(false);
  });
});

describe('boundedMemo', () => {
  it('works an answer out once, and again only once it was forgotten beyond the limit', () => {
    const memo = boundedMemo<string>(2);
    const worked: string[] = [];
    const ask = (key: string) => memo(key, () => (worked.push(key), key.toUpperCase()));
    expect([ask('a'), ask('b'), ask('a')]).toEqual(['A', 'B', 'A']);
    expect(worked).toEqual(['a', 'b']);
    // A third key makes it forget the oldest, never more than the limit.
    expect([ask('c'), ask('b'), ask('a')]).toEqual(['C', 'B', 'A']);
    expect(worked).toEqual(['a', 'b', 'c', 'a']);
  });
});
