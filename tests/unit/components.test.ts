import { describe, expect, it } from 'vitest';
import { renderComponent as render } from './render-component';
import Byline from '@/components/Byline.astro';
import LiveBadge from '@/components/LiveBadge.astro';
import LiveUpdateEntry from '@/components/LiveUpdateEntry.astro';
import LiveUpdatesLink from '@/components/LiveUpdatesLink.astro';
import TagList from '@/components/TagList.astro';
import Timestamp from '@/components/Timestamp.astro';
import TranslationNotice from '@/components/TranslationNotice.astro';
import { parseTimestamp } from '@/lib/time/dates';

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
  it('labels the link as live updates, in text', async () => {
    const html = await render(LiveUpdatesLink, {
      label: 'follow the latest news on Russia-Ukraine',
      href: '/live/russia-ukraine/',
    });
    expect(html).toContain('href="/live/russia-ukraine/"');
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
  const update = {
    id: 'bondarev-resigns',
    time: parseTimestamp('2022-05-23T10:05:00+04:00'),
    title: 'Russian diplomat resigns',
    body: 'First paragraph.\n\nSecond <b>paragraph</b>.',
  };

  it('has its own anchor, time and permalink', async () => {
    const html = await render(LiveUpdateEntry, { update, timeZone: 'Asia/Dubai' });
    expect(html).toContain('id="update-bondarev-resigns"');
    expect(html).toContain('<time datetime="2022-05-23T10:05:00+04:00"');
    expect(html).toContain('href="#update-bondarev-resigns"');
    expect(html).toContain('Link to this update<span class="visually-hidden">: Russian diplomat resigns</span>');
  });

  it('keeps the body as text: paragraphs split on blank lines, HTML shown, never run', async () => {
    const html = await render(LiveUpdateEntry, { update, timeZone: 'Asia/Dubai' });
    expect(html).toContain('<p>First paragraph.</p>');
    expect(html).toContain('<p>Second &lt;b&gt;paragraph&lt;/b&gt;.</p>');
  });

  it('links to more when a link is given', async () => {
    const html = await render(LiveUpdateEntry, {
      update: { ...update, link: { label: 'Read the full story', href: '/world/2022/05/23/x/' } },
      timeZone: 'Asia/Dubai',
    });
    expect(html).toContain(
      '<a href="/world/2022/05/23/x/" data-print-url="https://broadside.example/world/2022/05/23/x/">Read the full story</a>',
    );
  });
});
