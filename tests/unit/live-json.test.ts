import { describe, expect, it } from 'vitest';
import { parseLiveFeed } from '@/lib/live/live-feed';
import { liveBlogJson, withoutScripts } from '@/lib/metadata/live-json';
import { LIVE_PAGE_SIZE } from '@/lib/routes/pagination';

const at = (iso: string) => ({ kind: 'datetime' as const, instant: new Date(iso) });
const blog = (count: number) => ({
  id: 'vote',
  data: { timezone: 'Europe/London', coverageStart: at('2024-06-01T06:00:00Z') },
  // Newest first, a minute apart; the oldest corrected.
  updates: Array.from({ length: count }, (_, index) => {
    const minute = count - 1 - index;
    return {
      id: `u${minute}`,
      data: {
        time: at(new Date(Date.UTC(2024, 5, 1, 7, minute)).toISOString()),
        updated: minute === 0 ? at('2024-06-01T09:00:00Z') : undefined,
      },
    };
  }),
});

function json(count: number) {
  const source = blog(count);
  return liveBlogJson({
    blog: source,
    live: true,
    statusHtml: ' <span class="live-badge">Live</span> <span>Coverage is live</span>\n',
    keyEventsHtml: '',
    updates: source.updates.slice(0, LIVE_PAGE_SIZE).map((update) => ({
      id: update.id,
      modified: (update.data.updated ?? update.data.time).instant,
      html: `<article class="live-update" id="update-${update.id}"><p>Text.</p><script type="module" src="/src/x.ts"></script></article>`,
    })),
  });
}

describe('liveBlogJson', () => {
  it('is what the browser accepts: the build and the page keep one contract', () => {
    const written = JSON.stringify(json(40));
    expect(parseLiveFeed(written)).toEqual(JSON.parse(written));
  });

  it('holds the newest updates as HTML without scripts, and every older one by id, change and page', () => {
    const feed = json(40);
    expect(feed.updates).toHaveLength(LIVE_PAGE_SIZE);
    expect(feed.updates[0]).toEqual({
      id: 'u39',
      modified: '2024-06-01T07:39:00.000Z',
      html: '<article class="live-update" id="update-u39"><p>Text.</p></article>',
    });
    expect(feed.older.map((update) => update.id)).toEqual(['u9', 'u8', 'u7', 'u6', 'u5', 'u4', 'u3', 'u2', 'u1', 'u0']);
    expect(feed.older.at(-1)).toEqual({
      id: 'u0',
      modified: '2024-06-01T09:00:00.000Z',
      url: '/live/vote/updates/u0/',
    });
    expect(feed.latest).toEqual({ datetime: '2024-06-01T08:39:00+01:00', text: 'June 1, 2024, 8:39 AM' });
    expect(feed.statusHtml).toBe('<span class="live-badge">Live</span> <span>Coverage is live</span>');
  });

  it('gives a blog with no updates yet its start as its latest news, which the browser still accepts', () => {
    const feed = json(0);
    expect(feed.latest).toEqual({ datetime: '2024-06-01T07:00:00+01:00', text: 'June 1, 2024, 7:00 AM' });
    expect(parseLiveFeed(JSON.stringify(feed))).toBeDefined();
  });
});

describe('withoutScripts', () => {
  it('drops script and style elements and keeps everything else as it was', () => {
    expect(withoutScripts('<p a="1">x<script>1</script><style>p{}</style></p><script src="/y.js"></script>')).toBe(
      '<p a="1">x</p>',
    );
  });
});
