import { describe, expect, it } from 'vitest';
import { restoreWrittenDates } from '../../src/lib/content-loader-fs';

describe('restoreWrittenDates', () => {
  it('gives back the text of every date the YAML parser turned into an instant, at any depth', () => {
    const parsed = {
      published: new Date('2022-05-23T00:00:00Z'),
      updated: new Date('2022-05-23T11:25:00Z'),
      updates: [{ id: 'a', time: new Date('2022-05-23T06:05:00Z') }],
      title: 'Kept',
    };
    const raw = {
      published: '2022-05-23',
      updated: '2022-05-23T15:25:00+04:00',
      updates: [{ id: 'a', time: '2022-05-23T10:05:00+04:00' }],
      title: 'Kept',
    };
    expect(restoreWrittenDates(parsed, raw)).toEqual(raw);
  });

  it('tells a date alone apart from midnight UTC', () => {
    const midnight = new Date('2022-05-23T00:00:00Z');
    expect(restoreWrittenDates({ published: midnight }, { published: '2022-05-23' })).toEqual({
      published: '2022-05-23',
    });
    expect(restoreWrittenDates({ published: midnight }, { published: '2022-05-23T00:00:00Z' })).toEqual({
      published: '2022-05-23T00:00:00Z',
    });
  });

  it('leaves values that were not dates as the parser gave them', () => {
    expect(restoreWrittenDates({ draft: true, tags: ['a'] }, { draft: 'true', tags: ['a'] })).toEqual({
      draft: true,
      tags: ['a'],
    });
  });
});
