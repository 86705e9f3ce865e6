import { describe, expect, it } from 'vitest';
import { renderComponent as render } from './render-component';
import AgeNotice from '@/components/AgeNotice.astro';
import ReadingTime from '@/components/ReadingTime.astro';
import TableOfContents from '@/components/TableOfContents.astro';
import Timestamp from '@/components/Timestamp.astro';
import { parseTimestamp } from '@/lib/time/dates';

describe('Timestamp with relative', () => {
  it('leaves an empty <relative-time> for the browser beside a date-time, never a relative text', async () => {
    const html = await render(Timestamp, {
      label: 'Updated',
      timestamp: parseTimestamp('2022-05-23T15:25:00+04:00'),
      timeZone: 'Asia/Dubai',
      relative: true,
    });
    expect(html).toContain('<relative-time data-datetime="2022-05-23T15:25:00+04:00"></relative-time>');
    expect(html).not.toMatch(/\bago\b/);
  });

  it('adds nothing to a date alone, or without the prop', async () => {
    const dateOnly = await render(Timestamp, {
      label: 'Published',
      timestamp: parseTimestamp('2022-05-23'),
      timeZone: 'Asia/Dubai',
      relative: true,
    });
    const plain = await render(Timestamp, {
      label: 'Updated',
      timestamp: parseTimestamp('2022-05-23T15:25:00+04:00'),
      timeZone: 'Asia/Dubai',
    });
    expect(dateOnly).not.toContain('<relative-time');
    expect(plain).not.toContain('<relative-time');
  });

  it('marks the label English and isolates the time left to right', async () => {
    const html = await render(Timestamp, {
      label: 'Updated',
      timestamp: parseTimestamp('2022-05-23T15:25:00+04:00'),
      timeZone: 'Asia/Dubai',
    });
    expect(html).toMatch(/^<p class="timestamp" lang="en"><span dir="ltr">/);
  });
});

describe('AgeNotice', () => {
  /** The opening tag's attributes, in any order. */
  const attributes = (html: string) =>
    Object.fromEntries(
      [.../<age-notice([^>]*)>/.exec(html)![1]!.matchAll(/([\w-]+)(?:="([^"]*)")?/g)].map((m) => [m[1], m[2] ?? '']),
    ) as Record<string, string>;

  it('is hidden and empty in the HTML, with the date and zone for the browser', async () => {
    const html = await render(AgeNotice, { published: parseTimestamp('2022-05-23'), timeZone: 'Asia/Dubai' });
    expect(attributes(html)).toEqual({
      class: 'age-notice old-at-build',
      'data-date': '2022-05-23',
      'data-zone': 'Asia/Dubai',
      hidden: '',
    });
    expect(html).toContain('<strong></strong>');
    expect(html).not.toContain('years old');
  });

  it('reserves no box for an article not yet a year old at build time', async () => {
    const html = await render(AgeNotice, {
      published: { kind: 'datetime', instant: new Date(Date.now() - 60_000) },
      timeZone: 'Asia/Dubai',
    });
    expect(attributes(html).class).toBe('age-notice');
    expect(attributes(html)).toHaveProperty('hidden');
    expect(attributes(html)['data-instant']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(attributes(html)).not.toHaveProperty('data-date');
  });
});

describe('TableOfContents', () => {
  it('renders nothing without entries', async () => {
    expect((await render(TableOfContents, { entries: [], lang: 'en' })).trim()).toBe('');
  });

  it('is a closed <details> with a named navigation of links to the sections, nested', async () => {
    const html = await render(TableOfContents, {
      entries: [
        { slug: 'one', text: 'One', children: [{ slug: 'one-a', text: 'One A', children: [] }] },
        { slug: 'two', text: 'Two', children: [] },
        { slug: 'three', text: 'Three', children: [] },
      ],
      lang: 'ar',
    });
    expect(html).toMatch(/^<details class="toc screen-only"><summary lang="en">In this article<\/summary>/);
    expect(html).not.toContain(' open');
    expect(html).toContain('<nav aria-label="In this article" lang="en"><ol lang="ar">');
    expect(html.match(/<a href="#[^"]+">/g)).toEqual([
      '<a href="#one">',
      '<a href="#one-a">',
      '<a href="#two">',
      '<a href="#three">',
    ]);
    expect(html).toContain('<a href="#one">One</a><ol><li><a href="#one-a">One A</a></li></ol>');
  });
});

describe('ReadingTime', () => {
  it('states minutes and words in English', async () => {
    const html = await render(ReadingTime, { reading: { words: 675, minutes: 3 } });
    expect(html).toBe('<p class="reading-time" lang="en"><bdi>3-minute read · 675 words</bdi></p>');
  });
});
