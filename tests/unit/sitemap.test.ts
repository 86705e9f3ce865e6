import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parseTimestamp, type Timestamp } from '@/lib/time/dates';
import {
  articleChange,
  change,
  liveBlogChange,
  newestChange,
  sitemapEntries,
  sitemapIndexXml,
  sitemapKey,
  sitemapXml,
  splitSitemap,
  type SitemapArticle,
  type SitemapEntry,
  type SitemapLiveBlog,
} from '@/lib/routes/sitemap';

const origin = 'https://broadside.example';
const time = (text: string) => parseTimestamp(text)!;
const dateTime = (text: string) => time(text) as Extract<Timestamp, { kind: 'datetime' }>;

function article(id: string, data: Partial<SitemapArticle['data']> = {}): SitemapArticle {
  return { id, data: { section: 'world', published: time('2022-05-23'), timezone: 'Asia/Dubai', ...data } };
}

/** A blog with updates at `updates` (any order), held newest first as the site holds them, each id'd by its index. */
function liveBlog(id: string, updates: string[], coverageStart = '2022-05-23T09:00:00+04:00'): SitemapLiveBlog {
  return {
    id,
    data: { timezone: 'Asia/Dubai', coverageStart: dateTime(coverageStart) },
    updates: updates
      .map((update, index) => ({ id: `u${index}`, data: { time: dateTime(update) } }))
      .sort((a, b) => b.data.time.instant.getTime() - a.data.time.instant.getTime()),
  };
}

const entry = (path: string, lastmod?: string, zone = 'Asia/Dubai'): SitemapEntry => ({
  loc: `${origin}${path}`,
  lastmod: lastmod === undefined ? undefined : change(time(lastmod), zone),
});

/** The `<loc>` and `<lastmod>` texts of a sitemap file or index, entities decoded, as a crawler's parser reads them. */
function read(xml: string, root: 'urlset' | 'sitemapindex', item: 'url' | 'sitemap') {
  const parsed = new XMLParser({ isArray: (name) => name === item, parseTagValue: false }).parse(xml) as Record<
    string,
    Record<string, { loc: string; lastmod?: string }[] | undefined>
  >;
  return parsed[root]![item] ?? [];
}

describe('the last change of a page, as the page shows it', () => {
  it('keeps a date alone a date, never midnight UTC', () => {
    expect(articleChange(article('2022/brief', { published: time('2022-05-24') })).text).toBe('2022-05-24');
  });

  it('writes a date-time with the offset of the article’s zone', () => {
    const written = article('2022/later', { published: time('2022-05-24T04:00:00Z') });
    expect(articleChange(written).text).toBe('2022-05-24T08:00:00+04:00');
    expect(articleChange({ ...written, data: { ...written.data, timezone: 'Europe/London' } }).text).toBe(
      '2022-05-24T05:00:00+01:00',
    );
  });

  it('takes an article’s update over its publication', () => {
    const updated = article('2022/seed', { updated: time('2022-05-23T15:25:00+04:00') });
    expect(articleChange(updated).text).toBe('2022-05-23T15:25:00+04:00');
  });

  it('takes a correction later than the update, and leaves an earlier one aside', () => {
    const corrected = article('2022/seed', {
      updated: time('2022-05-23T15:25:00+04:00'),
      corrections: [{ time: dateTime('2022-05-24T10:00:00+04:00') }, { time: dateTime('2022-05-23T16:00:00+04:00') }],
    });
    expect(articleChange(corrected).text).toBe('2022-05-24T10:00:00+04:00');
    const beforeUpdate = article('2022/seed', {
      updated: time('2022-05-25T09:00:00+04:00'),
      corrections: [{ time: dateTime('2022-05-24T10:00:00+04:00') }],
    });
    expect(articleChange(beforeUpdate).text).toBe('2022-05-25T09:00:00+04:00');
    const neverUpdated = article('2022/brief', { corrections: [{ time: dateTime('2022-05-23T08:00:00+04:00') }] });
    expect(articleChange(neverUpdated).text).toBe('2022-05-23T08:00:00+04:00');
  });

  it('takes a live blog’s newest update, in whatever order they are written, else its start', () => {
    const blog = liveBlog('russia-ukraine', [
      '2022-05-23T10:05:00+04:00',
      '2022-05-23T15:25:00+04:00',
      '2022-05-23T13:40:00+04:00',
    ]);
    expect(liveBlogChange(blog).text).toBe('2022-05-23T15:25:00+04:00');
    expect(liveBlogChange(liveBlog('quiet', [], '2022-05-23T09:00:00+04:00')).text).toBe('2022-05-23T09:00:00+04:00');
  });

  it('compares changes by instant, not by their text', () => {
    // The 24th alone starts at 20:00 UTC on the 23rd in Dubai, before 22:00 UTC the same evening.
    const day = change(time('2022-05-24'), 'Asia/Dubai');
    const evening = change(time('2022-05-23T22:00:00Z'), 'UTC');
    expect(newestChange([day, evening])).toBe(evening);
    expect(newestChange([evening, day])).toBe(evening);
    expect(newestChange([undefined])).toBeUndefined();
  });
});

describe('sitemapEntries', () => {
  const seed = article('2022/russian-diplomat-un-resigns', { updated: time('2022-05-23T15:25:00+04:00') });
  const brief = article('2022/brief', { published: time('2022-05-24') });
  const blog = liveBlog('russia-ukraine', ['2022-05-23T16:00:00+04:00']);
  const entries = sitemapEntries({
    articles: [brief, seed],
    liveBlogs: [blog],
    lists: [
      { path: '/', articles: [brief, seed], liveBlogs: [blog] },
      { path: '/page/2/', articles: [seed] },
      { path: '/page/3/', articles: [seed], liveBlogs: [blog] },
      { path: '/tags/diplomacy/', articles: [seed], liveBlogs: [] },
      { path: '/climate/', articles: [] },
    ],
    undated: ['/search/'],
  });
  const lastmods = Object.fromEntries(entries.map(({ loc, lastmod }) => [loc.slice(origin.length), lastmod?.text]));

  it('lists every page given, once, as absolute URLs sorted', () => {
    const locs = entries.map((entry) => entry.loc);
    expect(locs).toEqual(
      [
        '/',
        '/climate/',
        '/live/russia-ukraine/',
        '/live/russia-ukraine/updates/u0/',
        '/page/2/',
        '/page/3/',
        '/search/',
        '/tags/diplomacy/',
        '/world/2022/05/23/russian-diplomat-un-resigns/',
        '/world/2022/05/24/brief/',
      ].map((path) => `${origin}${path}`),
    );
  });

  it('dates articles and live blogs by their own last change', () => {
    expect(lastmods['/world/2022/05/24/brief/']).toBe('2022-05-24');
    expect(lastmods['/world/2022/05/23/russian-diplomat-un-resigns/']).toBe('2022-05-23T15:25:00+04:00');
    expect(lastmods['/live/russia-ukraine/']).toBe('2022-05-23T16:00:00+04:00');
    expect(lastmods['/live/russia-ukraine/updates/u0/']).toBe('2022-05-23T16:00:00+04:00');
  });

  it("lists a long blog's later pages and every update's own page, each dated by what it shows", () => {
    const times = Array.from(
      { length: 31 },
      (_, index) =>
        `2022-05-23T${String(9 + Math.floor(index / 6)).padStart(2, '0')}:${String((index % 6) * 10).padStart(2, '0')}:00+04:00`,
    );
    const long = liveBlog('long', times);
    const corrected = {
      ...long.updates[30]!,
      data: { ...long.updates[30]!.data, updated: dateTime('2022-05-23T20:00:00+04:00') },
    };
    const withCorrection = { ...long, updates: [...long.updates.slice(0, 30), corrected] };
    const dated = Object.fromEntries(
      sitemapEntries({ articles: [], liveBlogs: [withCorrection], lists: [], undated: [] }).map(({ loc, lastmod }) => [
        loc.slice(origin.length),
        lastmod?.text,
      ]),
    );
    expect(Object.keys(dated)).toHaveLength(1 + 1 + 31);
    // The oldest update is alone on page 2; its correction dates that page, its own page and the blog.
    expect(dated['/live/long/page/2/']).toBe('2022-05-23T20:00:00+04:00');
    expect(dated['/live/long/updates/u0/']).toBe('2022-05-23T20:00:00+04:00');
    expect(dated['/live/long/']).toBe('2022-05-23T20:00:00+04:00');
    expect(dated['/live/long/updates/u30/']).toBe('2022-05-23T14:00:00+04:00');
  });

  it('dates each page of a list by the newest of what it lists, and leaves undated what lists nothing', () => {
    expect(lastmods['/']).toBe('2022-05-24');
    expect(lastmods['/page/2/']).toBe('2022-05-23T15:25:00+04:00');
    expect(lastmods['/page/3/']).toBe('2022-05-23T16:00:00+04:00');
    expect(lastmods['/tags/diplomacy/']).toBe('2022-05-23T15:25:00+04:00');
    expect(lastmods['/climate/']).toBeUndefined();
    expect(lastmods['/search/']).toBeUndefined();
  });
});

describe('splitSitemap', () => {
  const entries = ['/a/', '/b/', '/c/', '/d/', '/e/'].map((path) => entry(path));

  it('splits at the limit, in order, the last file holding the rest', () => {
    expect(splitSitemap(entries, 2).map((file) => file.map((e) => e.loc.slice(origin.length)))).toEqual([
      ['/a/', '/b/'],
      ['/c/', '/d/'],
      ['/e/'],
    ]);
  });

  it('makes no extra file when the entries fill the last one exactly', () => {
    expect(splitSitemap(entries.slice(0, 4), 2)).toHaveLength(2);
    expect(splitSitemap(entries, 5)).toHaveLength(1);
  });

  it('keeps the protocol’s limit of 50,000 URLs by default', () => {
    const many = Array.from({ length: 50_001 }, (_, index) => entry(`/${index}/`));
    expect(splitSitemap(many).map((file) => file.length)).toEqual([50_000, 1]);
  });

  it('always has a first file, so /sitemap-0.xml never goes missing', () => {
    expect(splitSitemap([], 2)).toEqual([[]]);
  });

  it('refuses a limit that could hold no URL', () => {
    expect(() => splitSitemap(entries, 0)).toThrow(/at least 1 URL, not 0/);
  });
});

describe('sitemapXml', () => {
  it('writes each loc and lastmod as given, and no lastmod where there is none', () => {
    const xml = sitemapXml([entry('/brief/', '2022-05-24'), entry('/search/')]);
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
      ),
    ).toBe(true);
    expect(read(xml, 'urlset', 'url')).toEqual([
      { loc: `${origin}/brief/`, lastmod: '2022-05-24' },
      { loc: `${origin}/search/` },
    ]);
  });

  it('escapes what XML reserves, so a URL reads back exactly and cannot break out of its element', () => {
    const loc = `${origin}/q?a=1&b=<2>&c="3"&d='4'&e=&amp;</loc><loc>`;
    const xml = sitemapXml([{ loc }]);
    expect(xml).not.toContain('</loc><loc>');
    expect(read(xml, 'urlset', 'url')).toEqual([{ loc }]);
  });

  it('is a valid, empty urlset for no entries', () => {
    expect(read(sitemapXml([]), 'urlset', 'url')).toEqual([]);
  });
});

describe('sitemapKey', () => {
  it('is the same for the same addresses and dates, and another when either changes', () => {
    const listed = [entry('/brief/', '2022-05-24'), entry('/search/')];
    expect(sitemapKey([entry('/brief/', '2022-05-24'), entry('/search/')])).toBe(sitemapKey(listed));
    const others = [
      [entry('/brief/', '2022-05-25'), entry('/search/')],
      [entry('/brief-2/', '2022-05-24'), entry('/search/')],
      [entry('/search/'), entry('/brief/', '2022-05-24')],
      [entry('/brief/', '2022-05-24')],
    ];
    for (const other of others) expect(sitemapKey(other)).not.toBe(sitemapKey(listed));
    // The same instant, written in another zone: the file shows it otherwise.
    const at = (zone: string) => sitemapKey([entry('/brief/', '2022-05-24T10:00:00+04:00', zone)]);
    expect(at('America/New_York')).not.toBe(at('Asia/Dubai'));
  });
});

describe('sitemapIndexXml', () => {
  it('lists each file at its address, dated by the newest change it lists', () => {
    const xml = sitemapIndexXml([
      [entry('/a/', '2022-05-23T15:25:00+04:00'), entry('/b/', '2022-05-24'), entry('/c/')],
      [entry('/d/')],
    ]);
    expect(read(xml, 'sitemapindex', 'sitemap')).toEqual([
      { loc: `${origin}/sitemap-0.xml`, lastmod: '2022-05-24' },
      { loc: `${origin}/sitemap-1.xml` },
    ]);
  });
});
