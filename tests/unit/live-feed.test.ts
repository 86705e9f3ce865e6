import { describe, expect, it } from 'vitest';
import { parseLiveFeed, type LiveFeed } from '@/lib/live/live-feed';

const feed: LiveFeed = {
  live: true,
  statusHtml: '<span class="live-badge">Live</span> <span>Coverage is live</span>',
  keyEventsHtml: '',
  latest: { datetime: '2022-05-23T15:25:00+04:00', text: '3:25 PM' },
  updates: [
    {
      id: 'mission-silent',
      modified: '2022-05-23T11:25:00.000Z',
      html: '<article class="live-update" id="update-mission-silent">…</article>',
    },
  ],
  older: [
    {
      id: 'bondarev-resigns',
      modified: '2022-05-23T06:05:00.000Z',
      url: '/live/russia-ukraine/updates/bondarev-resigns/',
    },
  ],
};
const text = (value: unknown) => JSON.stringify(value);
/** A copy of `value` with `key` left out. */
const without = <Value extends object>(value: Value, key: keyof Value) =>
  Object.fromEntries(Object.entries(value).filter(([name]) => name !== key));

describe('parseLiveFeed', () => {
  it('reads the feed the build writes', () => {
    expect(parseLiveFeed(text(feed))).toEqual(feed);
  });

  it('ignores fields the contract does not name, at the top and in entries', () => {
    const extended = { ...feed, pinned: 'x', updates: [{ ...feed.updates[0], keyEvent: true }] };
    expect(parseLiveFeed(text(extended))).toEqual(feed);
  });

  it('refuses text that is not JSON, or JSON that is not an object', () => {
    for (const bad of ['', '<!doctype html><title>404</title>', '{"live": true,', 'null', '[]', '"live"', '42']) {
      expect(parseLiveFeed(bad), bad).toBeUndefined();
    }
  });

  it('refuses a feed with a field missing or of the wrong type', () => {
    for (const bad of [
      without(feed, 'live'),
      without(feed, 'older'),
      without(feed, 'statusHtml'),
      { ...feed, live: 'true' },
      { ...feed, keyEventsHtml: null },
      { ...feed, latest: { datetime: '2022-05-23T15:25:00+04:00' } },
      { ...feed, latest: null },
      { ...feed, updates: {} },
      { ...feed, older: null },
    ]) {
      expect(parseLiveFeed(text(bad)), text(bad)).toBeUndefined();
    }
  });

  it('refuses the whole feed for one malformed update, so nothing shown is taken for withdrawn', () => {
    for (const bad of [
      { ...feed, updates: [...feed.updates, without(feed.updates[0]!, 'html')] },
      { ...feed, updates: [...feed.updates, null] },
      { ...feed, updates: [{ ...feed.updates[0], id: 7 }] },
      { ...feed, older: [{ id: 'bondarev-resigns', modified: '2022-05-23T06:05:00.000Z' }] },
    ]) {
      expect(parseLiveFeed(text(bad)), text(bad)).toBeUndefined();
    }
  });
});
