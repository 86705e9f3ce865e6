import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderComponent as render } from './render-component';
import Byline from '@/components/Byline.astro';
import LiveBadge from '@/components/LiveBadge.astro';
import LiveUpdateEntry from '@/components/LiveUpdateEntry.astro';
import LiveUpdatesLink from '@/components/LiveUpdatesLink.astro';
import TagList from '@/components/TagList.astro';
import Timestamp from '@/components/Timestamp.astro';
import TranslationNotice from '@/components/TranslationNotice.astro';
import { bodiesFolder, bodyFileName, setBodyAside } from '@/lib/content/body-fs';
import { parseTimestamp } from '@/lib/time/dates';
import { liveUpdate } from './live-update-fixture';

/** What a reader sees: tags dropped, white space folded. */
const visibleText = (html: string) =>
  html
    .replace(/<span class="visually-hidden">[^<]*<\/span>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();

describe('Timestamp', () => {
  it('shows a date-time with its zone, the offset in a tooltip and the long zone name for screen readers', async () => {
    const html = await render(Timestamp, {
      label: 'Updated',
      timestamp: parseTimestamp('2022-05-23T15:25:00+04:00'),
      timeZone: 'Asia/Dubai',
    });
    expect(html).toContain('<time datetime="2022-05-23T15:25:00+04:00" title="Gulf Standard Time (UTC+04:00)">');
    expect(visibleText(html)).toBe('Updated: May 23, 2022, 3:25 PM GMT+4');
    expect(html).toContain('<span aria-hidden="true">GMT+4</span>');
    expect(html).toContain('<span class="visually-hidden">Gulf Standard Time</span>');
  });

  it('shows a date alone with no time, no zone and no tooltip', async () => {
    const html = await render(Timestamp, {
      label: 'Published',
      timestamp: parseTimestamp('2022-05-23'),
      timeZone: 'Asia/Dubai',
    });
    expect(html).toContain('<time datetime="2022-05-23">May 23, 2022</time>');
    expect(html).not.toContain('title=');
    expect(visibleText(html)).toBe('Published: May 23, 2022');
  });
});

describe('LiveBadge', () => {
  it('says "Live" in words while coverage runs', async () => {
    expect(visibleText(await render(LiveBadge, {}))).toBe('Live');
  });
  it('says "Ended" once it is over', async () => {
    const html = await render(LiveBadge, { live: false });
    expect(visibleText(html)).toBe('Ended');
    expect(html).toContain('class="live-badge ended"');
  });
});

describe('LiveUpdatesLink', () => {
  // A blog no content holds, so the test reads the same whether or not `astro dev` has left a content store in .astro/.
  it('labels the link as live updates, in text', async () => {
    const html = await render(LiveUpdatesLink, {
      label: 'follow the latest news on Russia-Ukraine',
      href: '/live/no-such-blog/',
    });
    expect(html).toContain('href="/live/no-such-blog/"');
    expect(visibleText(html)).toBe('Live Live updates: follow the latest news on Russia-Ukraine');
  });
});

describe('Byline', () => {
  it('renders nothing when no one is credited', async () => {
    expect((await render(Byline, { authors: [], agencies: [] })).trim()).toBe('');
  });
  const jane = { name: 'Jane Doe', path: '/authors/jane-doe/' };
  const john = { name: 'John Roe', path: '/authors/john-roe/' };
  it('lists authors, then agencies', async () => {
    const html = await render(Byline, { authors: [jane, john], agencies: ['AFP'] });
    expect(visibleText(html)).toBe('By Jane Doe, John Roe, and AFP');
  });
  it('links each author to their page, and leaves an agency plain text', async () => {
    const html = await render(Byline, { authors: [jane, john], agencies: ['AFP'] });
    expect(html).toContain('<a href="/authors/jane-doe/" rel="author">Jane Doe</a>');
    expect(html).toContain('<a href="/authors/john-roe/" rel="author">John Roe</a>');
    expect(html).not.toMatch(/<a[^>]*>AFP/);
    expect(visibleText(await render(Byline, { authors: [jane], agencies: [] }))).toBe('By Jane Doe');
  });
  it('credits an agency alone', async () => {
    expect(visibleText(await render(Byline, { authors: [], agencies: ['AP'] }))).toBe('By AP');
  });
});

describe('TranslationNotice', () => {
  it('says the text was machine-translated', async () => {
    expect(visibleText(await render(TranslationNotice, { translation: { automated: true } }))).toBe(
      'Powered by automated translation',
    );
  });
  it('names the source language when known', async () => {
    expect(visibleText(await render(TranslationNotice, { translation: { automated: true, from: 'ar' } }))).toBe(
      'Powered by automated translation from Arabic',
    );
  });
  it('says nothing of a text translated by people, or of none', async () => {
    expect((await render(TranslationNotice, { translation: { automated: false, from: 'ar' } })).trim()).toBe('');
    expect((await render(TranslationNotice, { translation: undefined })).trim()).toBe('');
  });
});

describe('TagList', () => {
  it('links each tag to its page', async () => {
    const html = await render(TagList, { tags: ['united-nations', 'diplomacy'] });
    expect(html).toContain('<a href="/tags/united-nations/" rel="tag">united nations</a>');
    expect(html).toContain('aria-label="Topics"');
  });
  it('renders nothing without tags', async () => {
    expect((await render(TagList, { tags: [] })).trim()).toBe('');
  });
});

describe('LiveUpdateEntry', () => {
  const update = liveUpdate(
    'bondarev-resigns',
    '<p>First paragraph.</p>\n<p>Second <a href="/world/">paragraph</a>.</p>',
    {
      title: 'Russian diplomat resigns',
    },
  );

  it('has its own anchor and time, and links to its own page', async () => {
    const html = await render(LiveUpdateEntry, { update, timeZone: 'Asia/Dubai' });
    expect(html).toContain('id="update-bondarev-resigns" data-update-id="bondarev-resigns"');
    expect(html).toContain('data-modified="2022-05-23T06:05:00.000Z"');
    expect(html).toContain('<time datetime="2022-05-23T10:05:00+04:00"');
    expect(html).toContain('<h2 id="update-bondarev-resigns-title">Russian diplomat resigns</h2>');
    expect(html).toContain(
      '<a href="/live/russia-ukraine/updates/bondarev-resigns/">Link to this update<span class="visually-hidden">: Russian diplomat resigns</span>',
    );
    expect(html).toContain(
      '<p class="update-print-url print-only">https://broadside.example/live/russia-ukraine/updates/bondarev-resigns/</p>',
    );
  });

  it('shows the body as the Markdown pipeline rendered it', async () => {
    const html = await render(LiveUpdateEntry, { update, timeZone: 'Asia/Dubai' });
    expect(html).toContain('<p>Second <a href="/world/">paragraph</a>.</p>');
  });

  describe('with its body kept outside the store, as the loader keeps it', () => {
    // A collection of its own in the build's body folder, deleted afterwards.
    const collection = 'component-test';
    afterAll(() => rmSync(join(bodiesFolder(), collection), { recursive: true, force: true }));

    it("shows the body from its file, through Astro's render()", async () => {
      const body = '<p>Read from <em>its own file</em>.</p>';
      const setAside = liveUpdate('set-aside', '', { title: 'Kept outside the store' });
      const file = bodyFileName(collection, setAside.entry.id, 'digest');
      const rendered = await setBodyAside({ html: body, metadata: { headings: [], frontmatter: {} } }, file);
      const html = await render(LiveUpdateEntry, {
        update: { ...setAside, entry: { ...setAside.entry, rendered } },
        timeZone: 'Asia/Dubai',
      });
      expect(rendered.html).toBe('');
      expect(html).toContain(body);
      expect(html).toContain('Link to this update<span class="visually-hidden">: Kept outside the store</span>');
    });
  });

  it('gives an update without a title a heading only screen readers see, and says when it was corrected', async () => {
    const corrected = liveUpdate('untitled', '<p>Polls close.</p>', {
      updated: '2022-05-23T11:00:00+04:00',
      keyEvent: true,
    });
    const html = await render(LiveUpdateEntry, { update: corrected, timeZone: 'Asia/Dubai' });
    expect(html).toContain(
      '<h2 id="update-untitled-title" class="visually-hidden">Update posted May 23, 2022, 10:05 AM</h2>',
    );
    expect(visibleText(html)).toContain('Updated: May 23, 2022, 11:00 AM');
    expect(html).toContain('data-modified="2022-05-23T07:00:00.000Z"');
    expect(html).toContain('<p class="key-event-label">Key event</p>');
    expect(html).toContain('Link to this update<span class="visually-hidden">: Polls close.</span>');
  });

  it('credits its writers, never an invented one', async () => {
    const credited = liveUpdate('credited', '<p>Text.</p>', { authors: ['jane-example'] });
    const html = await render(LiveUpdateEntry, { update: credited, timeZone: 'Asia/Dubai' });
    expect(visibleText(html)).toContain('By Jane Example');
    expect(html).toContain('href="/authors/jane-example/"');
    expect(visibleText(await render(LiveUpdateEntry, { update, timeZone: 'Asia/Dubai' }))).not.toContain('By ');
  });

  it('as the pinned copy carries no anchor, and on its own page is the h1 with no link to itself', async () => {
    const pinned = await render(LiveUpdateEntry, { update, timeZone: 'Asia/Dubai', anchored: false });
    expect(pinned).not.toContain('id="update-bondarev-resigns"');
    expect(pinned).not.toContain('data-update-id');
    expect(pinned).toContain('aria-label="Russian diplomat resigns"');
    const own = await render(LiveUpdateEntry, { update, timeZone: 'Asia/Dubai', level: 1, anchored: false });
    expect(own).toContain('<h1>Russian diplomat resigns</h1>');
    expect(own).not.toContain('Link to this update');
  });
});
