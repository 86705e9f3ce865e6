import { describe, expect, it } from 'vitest';
import { correctionLabel, correctionsInOrder, lastChange } from '@/lib/content/corrections';
import { parseTimestamp, type Timestamp } from '@/lib/time/dates';

const at = (text: string) => parseTimestamp(text) as Extract<Timestamp, { kind: 'datetime' }>;

describe('correctionsInOrder', () => {
  it('puts the corrections oldest first, whatever order the frontmatter gives, leaving the input alone', () => {
    const written = [{ time: at('2022-05-25T09:30:00+04:00') }, { time: at('2022-05-24T10:00:00+04:00') }];
    expect(correctionsInOrder(written).map((correction) => correction.time)).toEqual([
      written[1]!.time,
      written[0]!.time,
    ]);
    expect(written[0]!.time).toEqual(at('2022-05-25T09:30:00+04:00'));
  });
});

describe('lastChange', () => {
  const published = parseTimestamp('2022-05-23')!;
  const timezone = 'Asia/Dubai';

  it('is the publication for an article never updated or corrected', () => {
    expect(lastChange({ published, timezone })).toBe(published);
    expect(lastChange({ published, corrections: [], timezone })).toBe(published);
  });

  it('is the latest of the update and the corrections', () => {
    const updated = at('2022-05-23T15:25:00+04:00');
    const later = at('2022-05-24T10:00:00+04:00');
    expect(lastChange({ published, updated, corrections: [{ time: later }], timezone })).toBe(later);
    expect(lastChange({ published, updated: later, corrections: [{ time: updated }], timezone })).toBe(later);
  });

  it('keeps the update on a tie with the publication', () => {
    const publishedAt = at('2022-05-23T15:25:00+04:00');
    const updated = at('2022-05-23T15:25:00+04:00');
    expect(lastChange({ published: publishedAt, updated, timezone })).toBe(updated);
  });
});

describe('correctionLabel', () => {
  it('introduces a correction with its time and zone in the article zone', () => {
    expect(correctionLabel(at('2022-05-24T06:00:00Z'), 'Asia/Dubai')).toBe('Correction, May 24, 2022, 10:00 AM GMT+4');
  });
});
