import { describe, expect, it } from 'vitest';
import LiveLinkStatus from '@/components/LiveLinkStatus.astro';
import { liveStateWord, readLiveState } from '@/lib/live/live-state';
import { renderComponent } from './render-component';

const props = {
  src: '/live/russia-ukraine/updates.json',
  latest: { datetime: '2022-05-23T15:25:00+04:00', text: '3:25 PM' },
};
/** The words a reader sees: hidden parts left out, white space folded. */
const shownText = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<(\w+)[^>]*\shidden[^>]*>[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();

describe('liveStateWord', () => {
  it('says Live while coverage goes on and Ended after', () => {
    expect(liveStateWord(true)).toBe('Live');
    expect(liveStateWord(false)).toBe('Ended');
  });
});

describe('readLiveState', () => {
  const latest = { datetime: '2022-05-23T15:25:00+04:00', text: '3:25 PM' };

  it('reads whether the blog is live and its latest time from the feed, whatever else it holds', () => {
    expect(readLiveState(JSON.stringify({ live: false, latest, updates: [], older: [] }))).toEqual({
      live: false,
      latest,
    });
  });

  it('reads nothing from text that is not the contract', () => {
    for (const bad of [
      '',
      '<!doctype html>',
      'null',
      '[]',
      JSON.stringify({ live: 'yes', latest }),
      JSON.stringify({ latest }),
      JSON.stringify({ live: true }),
      JSON.stringify({ live: true, latest: null }),
      JSON.stringify({ live: true, latest: { datetime: 1653305100000, text: '3:25 PM' } }),
      JSON.stringify({ live: true, latest: { datetime: latest.datetime } }),
    ]) {
      expect(readLiveState(bad), bad).toBeUndefined();
    }
  });
});

describe('LiveLinkStatus', () => {
  it('shows a live blog as live, with its latest update time', async () => {
    const html = await renderComponent(LiveLinkStatus, { ...props, live: true });
    expect(shownText(html)).toBe('Live · Updated 3:25 PM');
    expect(html).toContain('<time datetime="2022-05-23T15:25:00+04:00">3:25 PM</time>');
    expect(html).toContain('data-src="/live/russia-ukraine/updates.json"');
  });

  it('shows an ended blog as ended, without a time', async () => {
    const html = await renderComponent(LiveLinkStatus, { ...props, live: false });
    expect(shownText(html)).toBe('Ended');
  });
});
