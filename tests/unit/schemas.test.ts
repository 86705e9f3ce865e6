import { z } from 'astro/zod';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { articleSchema } from '@/lib/schemas/article';
import { liveBlogSchema, liveUpdateSchema } from '@/lib/schemas/live';

// The content config passes Astro's image() helper; here any string stands in for a file path.
const schema = articleSchema(z.string());

const valid = {
  title: 'Russian diplomat to UN resigns',
  standfirst: 'Boris Bondarev says he is leaving.',
  section: 'world',
  published: '2022-05-23',
  updated: '2022-05-23T15:25:00+04:00',
};

/** The messages Zod gives, as "path: message" lines. */
function problems(result: { success: boolean; error?: z.ZodError }): string[] {
  return result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];
}

describe('articleSchema', () => {
  it('accepts the seed frontmatter and fills in the defaults', () => {
    const result = schema.safeParse(valid);
    expect(problems(result)).toEqual([]);
    expect(result.data).toMatchObject({
      published: { kind: 'date', date: '2022-05-23' },
      updated: { kind: 'datetime', instant: new Date('2022-05-23T11:25:00Z') },
      timezone: 'Asia/Dubai',
      lang: 'en',
      authors: [],
      agencies: [],
      tags: [],
      redirectFrom: [],
      draft: false,
    });
  });

  it('leaves translation.from empty when the source language is not given', () => {
    const result = schema.parse({ ...valid, translation: { automated: true } });
    expect(result.translation).toEqual({ automated: true });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a missing title', { title: undefined }, 'title: is required'],
    ['an empty title', { title: '  ' }, 'title: must not be empty'],
    ['a title over 200 characters', { title: 'x'.repeat(201) }, 'title: must be at most 200 characters'],
    ['a missing standfirst', { standfirst: undefined }, 'standfirst: is required'],
    ['an unknown section', { section: 'sport' }, 'section: unknown section "sport": use one of world'],
    ['a missing published', { published: undefined }, 'published: is required: an ISO 8601 date'],
    ['a malformed published', { published: '23/05/2022' }, 'published: "23/05/2022" is not an ISO 8601 date'],
    ['an updated without a time', { updated: '2022-05-24' }, 'updated: needs a time and an offset'],
    ['an updated without an offset', { updated: '2022-05-23T15:25:00' }, 'updated: "2022-05-23T15:25:00" is not'],
    ['an updated the day before published', { updated: '2022-05-22T23:59:00+04:00' }, 'updated: is before `published`'],
    [
      'an updated before a published date-time',
      { published: '2022-05-23T15:25:00+04:00', updated: '2022-05-23T15:24:00+04:00' },
      'updated: is before `published`',
    ],
    ['an unknown time zone', { timezone: 'Asia/Atlantis' }, 'timezone: is not an IANA time zone'],
    ['an image with no alt', { image: { src: 'a.jpg' } }, 'image.alt: is required'],
    ['a tag that cannot be in a URL', { tags: ['Russia Ukraine'] }, 'tags.0: a tag may hold only lower-case letters'],
    ['a slug with a slash', { slug: 'a/b' }, 'slug: slug may hold only'],
    ['a live link over http', { liveUpdates: { label: 'x', href: 'http://a.example/' } }, 'liveUpdates.href: must be'],
    ['a live link with no label', { liveUpdates: { href: '/live/x/' } }, 'liveUpdates.label: is required'],
    ['a misspelt field', { updatd: '2022-05-23T15:25:00+04:00' }, 'Unrecognized key: "updatd"'],
    ['a language that is not BCP 47', { lang: 'english!' }, 'lang: is not a BCP 47 language tag'],
    ['a draft flag that is not a boolean', { draft: 'yes' }, 'draft: '],
    ['a redirect that is not text', { redirectFrom: [404] }, 'redirectFrom.0: '],
    [
      'a correction before a date-only published',
      { corrections: [{ time: '2022-05-22T23:00:00+04:00', text: 'A fix.' }] },
      'corrections.0.time: is before `published`: a correction comes after the article it corrects',
    ],
    [
      'a correction before a published date-time',
      {
        published: '2022-05-23T15:25:00+04:00',
        updated: undefined,
        corrections: [
          { time: '2022-05-24T10:00:00+04:00', text: 'Fine.' },
          { time: '2022-05-23T15:00:00+04:00', text: 'Too early.' },
        ],
      },
      'corrections.1.time: is before `published`',
    ],
    [
      'a correction without an offset',
      { corrections: [{ time: '2022-05-24T10:00', text: 'A fix.' }] },
      'corrections.0.time: ',
    ],
    [
      'a correction with no text',
      { corrections: [{ time: '2022-05-24T10:00:00+04:00', text: ' ' }] },
      'corrections.0.text: must not be empty',
    ],
    [
      'a correction with a misspelt field',
      { corrections: [{ time: '2022-05-24T10:00:00+04:00', txt: 'x' }] },
      'corrections.0: Unrecognized key: "txt"',
    ],
    ['an empty note', { note: '' }, 'note: must not be empty'],
    [
      'an edition given as a full URL',
      { editions: { ar: 'https://broadside.example/world/2022/05/23/x/' } },
      'editions.ar: "https://broadside.example/world/2022/05/23/x/" is not an article\'s permalink on this site',
    ],
    [
      'an edition path without its last slash',
      { editions: { ar: '/world/2022/05/23/x' } },
      'editions.ar: "/world/2022/05/23/x" is not',
    ],
    [
      'an edition in a language the site cannot name',
      { editions: { 'arabic!': '/world/2022/05/23/x/' } },
      'editions.arabic!: "arabic!" is not a BCP 47 language tag',
    ],
    [
      "an edition in the article's own language",
      { lang: 'en', editions: { en: '/world/2022/05/23/x/', ar: '/world/2022/05/23/y/' } },
      "editions.en: is the article's own language (`lang: en`): list only editions in other languages",
    ],
    [
      "an edition in the article's own language, written otherwise",
      { lang: 'pt-BR', editions: { 'pt-br': '/world/2022/05/23/x/' } },
      "editions.pt-br: is the article's own language",
    ],
  ])('refuses %s', (_, change, expected) => {
    const result = schema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(problems(result).join('\n')).toContain(expected);
  });

  it('accepts an updated on the same day as a date-only published, at any hour', () => {
    expect(schema.safeParse({ ...valid, updated: '2022-05-23T00:05:00+04:00' }).success).toBe(true);
  });

  describe('a published time in the future', () => {
    afterEach(() => vi.useRealTimers());

    it('is accepted within the allowance (24 hours) and refused beyond it', () => {
      vi.useFakeTimers({ now: new Date('2022-05-23T08:00:00Z') });
      const at = (published: string) => schema.safeParse({ ...valid, published, updated: undefined });
      expect(problems(at('2022-05-24T11:59:00+04:00'))).toEqual([]);
      expect(problems(at('2022-05-24T12:01:00+04:00'))).toEqual([
        'published: is more than 24 hours in the future: check the date, or keep the article as a draft until then',
      ]);
      // A date alone counts from midnight in the article zone.
      expect(problems(at('2022-05-24'))).toEqual([]);
      expect(problems(at('2022-05-26'))).toHaveLength(1);
    });
  });

  it("accepts corrections after publication in any order, an editor's note and editions in other languages", () => {
    const result = schema.safeParse({
      ...valid,
      corrections: [
        { time: '2022-05-25T09:00:00+04:00', text: 'Second.' },
        { time: '2022-05-23T00:10:00+04:00', text: 'First, on the day of publication.' },
      ],
      note: 'This article was written with reporting from Geneva.',
      editions: { ar: '/world/2022/05/23/diplomat-ar/', 'pt-BR': '/world/2022/05/23/diplomat-pt/' },
    });
    expect(problems(result)).toEqual([]);
    expect(result.data?.corrections.map((correction) => correction.text)).toEqual([
      'Second.',
      'First, on the day of publication.',
    ]);
    expect(result.data?.editions).toEqual({
      ar: '/world/2022/05/23/diplomat-ar/',
      'pt-BR': '/world/2022/05/23/diplomat-pt/',
    });
    expect(schema.parse(valid)).toMatchObject({ corrections: [], editions: {} });
  });

  it("gives the headline, standfirst, caption, note and corrections the body's typography", () => {
    const result = schema.parse({
      ...valid,
      title: "Russian diplomat to UN resigns with LinkedIn broadside at 'warmongering' Moscow",
      standfirst: 'He says "enough" -- and leaves...',
      image: { src: 'a.jpg', alt: "The 'alt' stays as written", caption: "Bondarev's letter" },
      note: "The diplomat's letter was published on LinkedIn.",
      corrections: [{ time: '2022-05-24T10:00:00+04:00', text: 'An earlier version said "Tuesday".' }],
    });
    expect(result.title).toBe('Russian diplomat to UN resigns with LinkedIn broadside at ‘warmongering’ Moscow');
    expect(result.standfirst).toBe('He says “enough” — and leaves…');
    expect(result.image).toMatchObject({ alt: "The 'alt' stays as written", caption: 'Bondarev’s letter' });
    expect(result.note).toBe('The diplomat’s letter was published on LinkedIn.');
    expect(result.corrections[0]?.text).toBe('An earlier version said “Tuesday”.');
  });

  it('accepts an empty alt for a decorative image', () => {
    expect(schema.safeParse({ ...valid, image: { src: 'a.jpg', alt: '' } }).success).toBe(true);
  });
});

const validBlog = {
  title: 'Russia-Ukraine: live updates',
  standfirst: 'The latest.',
  section: 'world',
  coverageStart: '2022-05-23T09:00:00+04:00',
};

describe('liveBlogSchema', () => {
  const schema = liveBlogSchema(z.string());

  it('accepts a live blog, live until it has an end', () => {
    const result = schema.safeParse(validBlog);
    expect(problems(result)).toEqual([]);
    expect(result.data?.coverageEnd).toBeUndefined();
    expect(result.data?.tags).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an end before the start', { coverageEnd: '2022-05-22T10:00:00+04:00' }, 'coverageEnd: is before `coverageStart`'],
    ['a coverage start with no time', { coverageStart: '2022-05-23' }, 'coverageStart: needs a time'],
    ['updates written in the blog file', { updates: [] }, 'updates'],
    ['an image with no alt text', { image: { src: './a.png' } }, 'image.alt'],
  ])('refuses %s', (_, change, expected) => {
    const result = schema.safeParse({ ...validBlog, ...change });
    expect(result.success).toBe(false);
    expect(problems(result).join('\n')).toContain(expected);
  });
});

describe('liveUpdateSchema', () => {
  const update = { time: '2022-05-23T10:00:00+04:00' };

  it('needs only a time: no title, id or flags', () => {
    const result = liveUpdateSchema().safeParse(update);
    expect(problems(result)).toEqual([]);
    expect(result.data).toMatchObject({ keyEvent: false, pinned: false, authors: [], draft: false });
    expect(result.data?.title).toBeUndefined();
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['no time', { time: undefined }, 'time'],
    ['a time with no offset', { time: '2022-05-23T10:00' }, 'time'],
    ['an id with spaces', { id: 'a b' }, 'id: an update id'],
    ['a correction before the update', { updated: '2022-05-23T09:00:00+04:00' }, 'updated: is before `time`'],
    ['an empty title', { title: ' ' }, 'title'],
    ['a misspelt field', { keyevent: true }, 'keyevent'],
  ])('refuses %s', (_, change, expected) => {
    const result = liveUpdateSchema().safeParse({ ...update, ...change });
    expect(result.success).toBe(false);
    expect(problems(result).join('\n')).toContain(expected);
  });
});

describe('live blog typography', () => {
  it("curls the quotes of a blog's title and standfirst and of an update's title, as the body's", () => {
    const blog = liveBlogSchema(z.string()).parse({
      ...validBlog,
      title: "Russia-Ukraine: 'live'",
      standfirst: 'The "latest".',
    });
    expect([blog.title, blog.standfirst]).toEqual(['Russia-Ukraine: ‘live’', 'The “latest”.']);
    const update = liveUpdateSchema().parse({ time: '2022-05-23T10:00:00+04:00', title: "UN Watch: 'a hero'" });
    expect(update.title).toBe('UN Watch: ‘a hero’');
  });
});
