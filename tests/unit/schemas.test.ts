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
