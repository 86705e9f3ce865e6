import { describe, expect, it } from 'vitest';
import type { FeedUpdate, OlderUpdate } from '@/lib/live/live-feed';
import { updateChanges, type KnownUpdate } from '@/lib/live/update-changes';

const update = (id: string, modified = '2022-05-23T10:00:00.000Z'): FeedUpdate => ({
  id,
  modified,
  html: `<article id="update-${id}"></article>`,
});
const older = (id: string): OlderUpdate => ({
  id,
  modified: '2022-05-23T06:00:00.000Z',
  url: `/live/b/updates/${id}/`,
});
const known = (id: string, modified: string | undefined = '2022-05-23T10:00:00.000Z'): KnownUpdate => ({
  id,
  modified,
});
const ids = (updates: readonly { id: string }[]) => updates.map((item) => item.id);

describe('updateChanges', () => {
  it('finds nothing when the feed lists what the reader has', () => {
    expect(updateChanges([known('b'), known('a')], { updates: [update('b'), update('a')], older: [] })).toEqual({
      added: [],
      corrected: [],
      removed: [],
    });
  });

  it('adds the updates above the newest known one, newest first', () => {
    const changes = updateChanges([known('b'), known('a')], {
      updates: [update('d'), update('c'), update('b'), update('a')],
      older: [],
    });
    expect(ids(changes.added)).toEqual(['d', 'c']);
  });

  it('adds every update when the reader has none', () => {
    expect(ids(updateChanges([], { updates: [update('b'), update('a')], older: [] }).added)).toEqual(['b', 'a']);
  });

  it('leaves an unknown update below a known one (posted with an earlier time) for the next page load', () => {
    const changes = updateChanges([known('c'), known('a')], {
      updates: [update('c'), update('b'), update('a')],
      older: [],
    });
    expect(changes.added).toEqual([]);
  });

  it('adds above a known update even when the newest known one was withdrawn', () => {
    const changes = updateChanges([known('c'), known('b')], { updates: [update('d'), update('b')], older: [] });
    expect(ids(changes.added)).toEqual(['d']);
    expect(changes.removed).toEqual(['c']);
  });

  it('takes a new `modified` for a correction, however the instant is written', () => {
    const changes = updateChanges([known('b'), known('a', '2022-05-23T10:00:00.000Z')], {
      updates: [update('b', '2022-05-23T14:00:00+04:00'), update('a', '2022-05-23T10:30:00.000Z')],
      older: [],
    });
    expect(ids(changes.corrected)).toEqual(['a']);
  });

  it('never takes an update whose `modified` the page did not give for a correction', () => {
    const changes = updateChanges([known('a', undefined)], { updates: [update('a')], older: [] });
    expect(changes.corrected).toEqual([]);
  });

  it('removes a known update the feed lists nowhere, and keeps one that moved to the older list', () => {
    const changes = updateChanges([known('c'), known('b'), known('a')], {
      updates: [update('c')],
      older: [older('a')],
    });
    expect(changes.removed).toEqual(['b']);
  });
});
