import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../src/lib/dates';
import { sitemapFacts, type SitemapArticle } from '../../src/lib/sitemap';

function article(id: string, data: Partial<SitemapArticle['data']>): SitemapArticle {
  return {
    id,
    data: {
      section: 'world',
      published: parseTimestamp('2022-05-23')!,
      timezone: 'Asia/Dubai',
      tags: [],
      redirectFrom: [],
      ...data,
    },
  };
}

describe('sitemapFacts', () => {
  const facts = sitemapFacts(
    [
      article('2022/seed', {
        updated: parseTimestamp('2022-05-23T15:25:00+04:00'),
        tags: ['diplomacy'],
        redirectFrom: ['/world/2022/05/23/old-seed', '/old/'],
      }),
      article('2022/later', { section: 'business', published: parseTimestamp('2022-05-24T08:00:00+04:00') }),
    ],
    [
      {
        id: 'russia-ukraine',
        data: {
          section: 'world',
          timezone: 'Asia/Dubai',
          coverageStart: parseTimestamp('2022-05-23T09:00:00+04:00')!,
          updates: [{ time: parseTimestamp('2022-05-23T16:00:00+04:00')! }],
        },
      },
    ],
  );
  const at = (path: string) => facts.lastmod.get(`https://broadside.example${path}`);

  it('dates an article by its update, else by its publication as written', () => {
    expect(at('/world/2022/05/23/seed/')).toBe('2022-05-23T15:25:00+04:00');
    expect(at('/business/2022/05/24/later/')).toBe('2022-05-24T08:00:00+04:00');
  });

  it('dates a live blog by its newest update, and list pages by the newest of what they list', () => {
    expect(at('/live/russia-ukraine/')).toBe('2022-05-23T16:00:00+04:00');
    expect(at('/world/')).toBe('2022-05-23T16:00:00+04:00');
    expect(at('/business/')).toBe('2022-05-24T08:00:00+04:00');
    expect(at('/tags/diplomacy/')).toBe('2022-05-23T15:25:00+04:00');
    expect(at('/')).toBe('2022-05-24T08:00:00+04:00');
    expect(at('/climate/')).toBeUndefined();
  });

  it('leaves out redirect pages (with the last slash added) and the 404 page', () => {
    expect([...facts.excluded].sort()).toEqual([
      'https://broadside.example/404/',
      'https://broadside.example/old/',
      'https://broadside.example/world/2022/05/23/old-seed/',
    ]);
  });
});
