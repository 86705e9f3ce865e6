import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '@/lib/time/dates';
import { z } from 'astro/zod';
import {
  articleCard,
  articleMeta,
  authorMeta,
  liveBlogMeta,
  liveUpdateMeta,
  websiteMeta,
} from '@/lib/metadata/page-meta';
import { articleSchema } from '@/lib/schemas/article';

const datetime = (text: string) =>
  parseTimestamp(text) as Extract<ReturnType<typeof parseTimestamp>, { kind: 'datetime' }>;

const article = {
  id: '2022/russian-diplomat-un-resigns',
  data: {
    title: "Russian diplomat to UN resigns with LinkedIn broadside at 'warmongering' Moscow",
    standfirst: 'Boris Bondarev says he is leaving because he disagrees with the invasion of Ukraine',
    section: 'world' as const,
    published: parseTimestamp('2022-05-23')!,
    updated: parseTimestamp('2022-05-23T15:25:00+04:00'),
    timezone: 'Asia/Dubai',
    authors: [],
    agencies: [],
    tags: ['diplomacy'],
    lang: 'en',
  },
};

const update = (id: string, time: string, html: string, extra: { title?: string; updated?: string } = {}) => ({
  id,
  data: {
    time: datetime(time),
    title: extra.title,
    updated: extra.updated ? datetime(extra.updated) : undefined,
  },
  entry: { rendered: { html } },
  credits: [],
});

const blog = {
  id: 'russia-ukraine',
  data: {
    title: 'Russia-Ukraine: live updates',
    standfirst: 'The resignation and the reactions to it.',
    section: 'world' as const,
    coverageStart: datetime('2022-05-23T09:00:00+04:00'),
    timezone: 'Asia/Dubai',
    lang: 'en',
  },
  // Newest first, as the blog holds them.
  updates: [
    update('last', '2022-05-23T15:25:00+04:00', '<p>Two.</p>', { title: 'Last' }),
    update('first', '2022-05-23T10:05:00+04:00', '<p>One <em>word</em>.</p>'),
  ],
};

const tag = (meta: ReturnType<typeof articleMeta>, key: string) =>
  meta.tags.filter((item) => item.key === key).map((item) => item.content);

describe('the headline in every copy', () => {
  it('is the typographic one the build reads: page title, Open Graph, JSON-LD and share card alike', () => {
    const data = articleSchema(z.string()).parse({
      title: article.data.title,
      standfirst: article.data.standfirst,
      section: 'world',
      published: '2022-05-23',
    });
    const typeset = 'Russian diplomat to UN resigns with LinkedIn broadside at ‘warmongering’ Moscow';
    const meta = articleMeta({ id: article.id, data }, []);
    expect(tag(meta, 'og:title')).toEqual([typeset]);
    expect(meta.jsonLd[0]).toMatchObject({ headline: typeset });
    expect(articleCard({ id: article.id, data }).headline).toBe(typeset);
  });
});

describe('articleMeta of a corrected article with editions', () => {
  const corrected = {
    ...article,
    id: '2023/library',
    data: {
      ...article.data,
      corrections: [
        { time: datetime('2022-05-25T09:30:00+04:00'), text: 'A later correction.' },
        { time: datetime('2022-05-24T10:00:00+04:00'), text: 'An earlier version gave the wrong day.' },
      ],
      editions: {
        fr: '/world/2022/05/23/bibliotheque/',
        ar: '/world/2022/05/23/maktaba/',
        'pt-BR': '/world/2022/05/23/biblioteca/',
      },
    },
  };
  const meta = articleMeta(corrected, []);
  const [news] = meta.jsonLd;

  it('carries each correction as a CorrectionComment, oldest first, and dates the change by the latest', () => {
    expect(news).toMatchObject({
      datePublished: '2022-05-23',
      dateModified: '2022-05-25T09:30:00+04:00',
      correction: [
        {
          '@type': 'CorrectionComment',
          text: 'An earlier version gave the wrong day.',
          datePublished: '2022-05-24T10:00:00+04:00',
        },
        { '@type': 'CorrectionComment', text: 'A later correction.', datePublished: '2022-05-25T09:30:00+04:00' },
      ],
    });
    expect(tag(meta, 'article:modified_time')).toEqual(['2022-05-25T09:30:00+04:00']);
  });

  it('names every language of the page for hreflang, itself first, each URL absolute', () => {
    expect(meta.alternates).toEqual([
      { hreflang: 'en', href: 'https://broadside.example/world/2022/05/23/library/' },
      { hreflang: 'ar', href: 'https://broadside.example/world/2022/05/23/maktaba/' },
      { hreflang: 'fr', href: 'https://broadside.example/world/2022/05/23/bibliotheque/' },
      { hreflang: 'pt-BR', href: 'https://broadside.example/world/2022/05/23/biblioteca/' },
    ]);
  });

  it("gives og:locale:alternate for each other edition, after the page's own og:locale", () => {
    expect(tag(meta, 'og:locale')).toEqual(['en_US']);
    expect(tag(meta, 'og:locale:alternate')).toEqual(['ar', 'fr', 'pt_BR']);
    const keys = meta.tags.map((item) => item.key);
    expect(keys.indexOf('og:locale:alternate')).toBe(keys.indexOf('og:locale') + 1);
  });

  it('leaves out corrections, alternates and alternate locales an article has not got', () => {
    const plain = articleMeta(article, []);
    expect(plain.jsonLd[0]).not.toHaveProperty('correction');
    expect(plain.alternates).toEqual([]);
    expect(tag(plain, 'og:locale:alternate')).toEqual([]);
  });
});

describe('articleMeta', () => {
  const meta = articleMeta(article, []);
  const [news, crumbs] = meta.jsonLd;

  it('uses one canonical URL for the canonical link, og:url and the structured data', () => {
    const canonical = 'https://broadside.example/world/2022/05/23/russian-diplomat-un-resigns/';
    expect(meta.canonical).toBe(canonical);
    expect(tag(meta, 'og:url')).toEqual([canonical]);
    expect(news).toMatchObject({ url: canonical, mainEntityOfPage: { '@id': canonical } });
    expect(crumbs).toMatchObject({ itemListElement: [{}, {}, { item: canonical }] });
  });

  it('keeps a date-only publication a date, and the update with its offset', () => {
    expect(tag(meta, 'article:published_time')).toEqual(['2022-05-23']);
    expect(tag(meta, 'article:modified_time')).toEqual(['2022-05-23T15:25:00+04:00']);
    expect(news).toMatchObject({ datePublished: '2022-05-23', dateModified: '2022-05-23T15:25:00+04:00' });
  });

  it('counts an article never updated as modified when it was published', () => {
    const never = articleMeta({ ...article, data: { ...article.data, updated: undefined } }, []);
    expect(tag(never, 'article:modified_time')).toEqual(['2022-05-23']);
  });

  it('points og:image and the structured data at the share card, with size and alt text', () => {
    const card = 'https://broadside.example/cards/world/2022/05/23/russian-diplomat-un-resigns.png';
    expect(tag(meta, 'og:image')).toEqual([card]);
    expect(tag(meta, 'twitter:image')).toEqual([card]);
    expect(tag(meta, 'og:image:width')).toEqual(['1200']);
    expect(tag(meta, 'og:image:height')).toEqual(['630']);
    expect(tag(meta, 'og:image:alt')).toEqual([`Broadside card: World, May 23, 2022. ${article.data.title}`]);
    expect(news).toMatchObject({ image: [{ url: card, width: 1200, height: 630 }] });
  });

  it('advertises the site feed', () => {
    expect(meta.feeds).toEqual([{ title: 'Broadside: latest articles', href: 'https://broadside.example/feed.xml' }]);
  });

  it("links each credited author's Person to their author page", () => {
    const jane = { name: 'Jane Doe', url: 'https://broadside.example/authors/jane-doe/' };
    expect(articleMeta(article, [jane]).jsonLd[0]).toMatchObject({ author: [{ '@type': 'Person', ...jane }] });
  });

  it('gives a right-to-left article its own locale', () => {
    expect(tag(articleMeta({ ...article, data: { ...article.data, lang: 'ar' } }, []), 'og:locale')).toEqual(['ar']);
    expect(tag(meta, 'og:locale')).toEqual(['en_US']);
  });
});

describe('liveBlogMeta', () => {
  const meta = liveBlogMeta(blog, '/live/russia-ukraine/', blog.updates);
  const [posting] = meta.jsonLd;

  it("lists the page's updates, each at its own page, and dates the blog by its newest change", () => {
    expect(posting).toMatchObject({
      '@type': 'LiveBlogPosting',
      url: 'https://broadside.example/live/russia-ukraine/',
      coverageStartTime: '2022-05-23T09:00:00+04:00',
      dateModified: '2022-05-23T15:25:00+04:00',
      liveBlogUpdate: [
        {
          headline: 'Last',
          url: 'https://broadside.example/live/russia-ukraine/updates/last/',
          datePublished: '2022-05-23T15:25:00+04:00',
          articleBody: 'Two.',
        },
        {
          // No title: its first words stand for one.
          headline: 'One word.',
          url: 'https://broadside.example/live/russia-ukraine/updates/first/',
          datePublished: '2022-05-23T10:05:00+04:00',
        },
      ],
    });
    expect(posting).not.toHaveProperty('coverageEndTime');
  });

  it('dates the blog by a correction later than every update, and gives the update its dateModified', () => {
    const corrected = update('first', '2022-05-23T10:05:00+04:00', '<p>One.</p>', {
      updated: '2022-05-23T16:00:00+04:00',
    });
    const changed = liveBlogMeta({ ...blog, updates: [blog.updates[0]!, corrected] }, '/live/russia-ukraine/', [
      corrected,
    ]);
    expect(changed.jsonLd[0]).toMatchObject({
      dateModified: '2022-05-23T16:00:00+04:00',
      liveBlogUpdate: [{ datePublished: '2022-05-23T10:05:00+04:00', dateModified: '2022-05-23T16:00:00+04:00' }],
    });
  });

  it('gives a later page its own URL, with the blog as its breadcrumb', () => {
    const later = liveBlogMeta(blog, '/live/russia-ukraine/page/2/', [blog.updates[1]!]);
    expect(later.canonical).toBe('https://broadside.example/live/russia-ukraine/page/2/');
    expect(later.jsonLd[1]).toMatchObject({
      itemListElement: [{}, {}, { item: 'https://broadside.example/live/russia-ukraine/' }],
    });
  });

  it('ends the coverage once the blog is closed', () => {
    const closed = liveBlogMeta(
      { ...blog, data: { ...blog.data, coverageEnd: datetime('2022-05-24T09:00:00+04:00') } },
      '/live/russia-ukraine/',
      blog.updates,
    );
    expect(closed.jsonLd[0]).toMatchObject({
      coverageEndTime: '2022-05-24T09:00:00+04:00',
      dateModified: '2022-05-24T09:00:00+04:00',
    });
  });

  it('advertises its own feed beside the site feed, and a Live card', () => {
    expect(meta.feeds.map((feed) => feed.href)).toEqual([
      'https://broadside.example/feed.xml',
      'https://broadside.example/live/russia-ukraine/feed.xml',
    ]);
    expect(meta.tags.find((item) => item.key === 'og:image:alt')?.content).toBe(
      'Broadside card: Live, World, May 23, 2022. Russia-Ukraine: live updates',
    );
  });
});

describe('liveUpdateMeta', () => {
  const meta = liveUpdateMeta(blog, blog.updates[1]!);

  it("is the update's own page, with a card of its own headline", () => {
    expect(meta.canonical).toBe('https://broadside.example/live/russia-ukraine/updates/first/');
    expect(tag(meta, 'og:title')).toEqual(['One word.']);
    expect(tag(meta, 'og:image')).toEqual(['https://broadside.example/cards/live/russia-ukraine/updates/first.png']);
  });

  it('describes the update as a BlogPosting within its live blog', () => {
    expect(meta.jsonLd[0]).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'BlogPosting',
      url: 'https://broadside.example/live/russia-ukraine/updates/first/',
      isPartOf: { '@type': 'LiveBlogPosting', url: 'https://broadside.example/live/russia-ukraine/' },
      publisher: { name: 'Broadside' },
    });
  });
});

describe('authorMeta', () => {
  const author = {
    id: 'jane-doe',
    data: {
      name: 'Jane Doe',
      role: 'Diplomatic correspondent',
      bio: 'Covers the United Nations.',
      links: [{ href: 'https://example.com/jane' }, { href: 'mailto:jane@example.com' }],
    },
  };

  it('describes a Person named by the first page, on every page, with web links as sameAs and the address as email', () => {
    const later = authorMeta(author, '/authors/jane-doe/page/2/');
    expect(later.canonical).toBe('https://broadside.example/authors/jane-doe/page/2/');
    expect(later.jsonLd).toEqual([
      expect.objectContaining({
        '@type': 'Person',
        name: 'Jane Doe',
        url: 'https://broadside.example/authors/jane-doe/',
        jobTitle: 'Diplomatic correspondent',
        sameAs: ['https://example.com/jane'],
        email: 'jane@example.com',
      }),
    ]);
  });

  it("advertises the author's feed after the site's", () => {
    expect(authorMeta(author, '/authors/jane-doe/').feeds).toEqual([
      { title: 'Broadside: latest articles', href: 'https://broadside.example/feed.xml' },
      { title: 'Jane Doe: latest articles', href: 'https://broadside.example/authors/jane-doe/feed.xml' },
    ]);
  });
});

describe('websiteMeta', () => {
  it('gives other pages a canonical URL and website tags, with no structured data', () => {
    const meta = websiteMeta('/world/', 'World', 'Conflict and diplomacy.');
    expect(meta.canonical).toBe('https://broadside.example/world/');
    expect(meta.tags.find((item) => item.key === 'og:type')?.content).toBe('website');
    expect(meta.jsonLd).toEqual([]);
  });
});
