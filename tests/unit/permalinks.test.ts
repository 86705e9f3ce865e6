import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '@/lib/time/dates';
import {
  linkPath,
  absoluteUrl,
  articlePermalink,
  articleSlug,
  liveBlogPermalink,
  liveUpdateAnchor,
  sectionPath,
  tagPath,
} from '@/lib/routes/permalinks';
import { entryPages } from '@/lib/routes/entry-pages';

const article = (published: string, extra: { slug?: string; timezone?: string } = {}) => ({
  id: '2022/russian-diplomat-un-resigns',
  data: { section: 'world', published: parseTimestamp(published)!, timezone: 'Asia/Dubai', ...extra },
});

describe('articlePermalink', () => {
  it('puts the seed article under its section and day', () => {
    expect(articlePermalink(article('2022-05-23'))).toBe('/world/2022/05/23/russian-diplomat-un-resigns/');
  });

  it('uses the day in the article zone, not in UTC', () => {
    expect(articlePermalink(article('2022-05-23T22:30:00Z'))).toBe('/world/2022/05/24/russian-diplomat-un-resigns/');
    expect(articlePermalink(article('2022-05-23T22:30:00Z', { timezone: 'Europe/London' }))).toBe(
      '/world/2022/05/23/russian-diplomat-un-resigns/',
    );
  });

  it('takes the slug field over the file name, and never the title', () => {
    expect(articleSlug(article('2022-05-23', { slug: 'bondarev' }))).toBe('bondarev');
    expect(articlePermalink(article('2022-05-23', { slug: 'bondarev' }))).toBe('/world/2022/05/23/bondarev/');
  });
});

describe('other paths', () => {
  it('builds every kind of site path with a trailing slash', () => {
    expect(liveBlogPermalink('russia-ukraine')).toBe('/live/russia-ukraine/');
    expect(liveUpdateAnchor('bondarev-resigns')).toBe('update-bondarev-resigns');
    expect(sectionPath('world')).toBe('/world/');
    expect(tagPath('diplomacy')).toBe('/tags/diplomacy/');
  });

  it('makes absolute URLs on the configured https origin', () => {
    expect(absoluteUrl('/world/')).toBe('https://broadside.example/world/');
  });
});

describe('linkPath', () => {
  it('keeps the path of a link and drops its query and fragment', () => {
    expect(linkPath('/live/russia-ukraine/#update-bondarev-resigns')).toBe('/live/russia-ukraine/');
    expect(linkPath('/world/?page=2#top')).toBe('/world/');
    expect(linkPath('/world/2022/05/23/russian-diplomat-un-resigns/')).toBe(
      '/world/2022/05/23/russian-diplomat-un-resigns/',
    );
    expect(linkPath('#update-x')).toBe('');
  });
});

describe('entryPages', () => {
  it("gives an article's page, a live blog's first page, and an update's own page with its blog's", () => {
    expect(entryPages('articles', article('2022-05-23'))).toEqual(['/world/2022/05/23/russian-diplomat-un-resigns/']);
    expect(entryPages('live', { id: 'russia-ukraine', data: {} })).toEqual(['/live/russia-ukraine/']);
    expect(entryPages('liveUpdates', { id: 'russia-ukraine/letter', data: {} })).toEqual([
      '/live/russia-ukraine/updates/letter/',
      '/live/russia-ukraine/',
    ]);
    // An update's `id:` names its page, not its file.
    expect(entryPages('liveUpdates', { id: 'russia-ukraine/letter', data: { id: 'letter-on-linkedin' } })).toEqual([
      '/live/russia-ukraine/updates/letter-on-linkedin/',
      '/live/russia-ukraine/',
    ]);
  });

  it('gives no page for a draft, an entry with no data, or an author', () => {
    expect(
      entryPages('articles', { ...article('2022-05-23'), data: { ...article('2022-05-23').data, draft: true } }),
    ).toEqual([]);
    expect(entryPages('liveUpdates', { id: 'russia-ukraine/letter', data: { draft: true } })).toEqual([]);
    expect(entryPages('live', { id: 'russia-ukraine' })).toEqual([]);
    expect(entryPages('authors', { id: 'jane-doe', data: {} })).toEqual([]);
  });
});
