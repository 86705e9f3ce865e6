import { describe, expect, it } from 'vitest';
import { renderComponent as render } from './render-component';
import CopyLink from '@/components/CopyLink.astro';
import LiveUpdateEntry from '@/components/LiveUpdateEntry.astro';
import ShareLinks from '@/components/ShareLinks.astro';
import { liveUpdate } from './live-update-fixture';

const url = 'https://broadside.example/world/2022/05/23/seed/';

describe('ShareLinks', () => {
  it('is plain links for JavaScript off, never printed, with the buttons hidden until a script shows them', async () => {
    const html = await render(ShareLinks, { url, title: 'A "quoted" & headline', what: 'this article' });
    expect(html).toContain(
      `<share-links class="share screen-only" data-url="${url}" data-title="A &quot;quoted&quot; &amp; headline">`,
    );
    expect(html).toContain('<p class="share-label" id="share-label">Share this article</p>');
    expect(html.match(/<li><a /g)).toHaveLength(6);
    expect(html.match(/target="_blank" rel="noopener noreferrer"/g)).toHaveLength(5);
    expect(html).toContain('<button type="button" class="share-native" hidden>Share…</button>');
    expect(html).toMatch(
      /<button type="button" hidden>Copy link<span class="visually-hidden"> to this article<\/span><\/button>/,
    );
    expect(html).toContain('<span class="copy-status" role="status"></span>');
  });

  it('names each service and says which links open a new window', async () => {
    const html = await render(ShareLinks, { url, title: 'Headline', what: 'this article' });
    expect(html).toContain('<span class="visually-hidden">Share by </span>Email</a>');
    expect(html).toContain(
      '<span class="visually-hidden">Share on </span>Telegram<span class="visually-hidden"> (opens in a new window)</span></a>',
    );
  });
});

describe('CopyLink', () => {
  it('carries the URL to copy, and shows nothing without JavaScript', async () => {
    const html = await render(CopyLink, { url: `${url}#x`, what: 'this' });
    expect(html).toContain(`<copy-link class="copy-link screen-only" data-url="${url}#x">`);
    expect(html).toContain('<button type="button" hidden>');
  });
});

describe('LiveUpdateEntry', () => {
  const update = liveUpdate('bondarev-resigns', '<p>One.</p>', { title: 'Russian diplomat resigns' });

  it("offers to copy the update's own page, the link that never breaks", async () => {
    const html = await render(LiveUpdateEntry, { update, timeZone: 'Asia/Dubai' });
    expect(html).toContain('data-url="https://broadside.example/live/russia-ukraine/updates/bondarev-resigns/"');
    expect(html).toContain('Copy link<span class="visually-hidden"> to the update “Russian diplomat resigns”</span>');
  });
});
