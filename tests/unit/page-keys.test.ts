/**
 * The keys by which Astro's incremental build reuses a page from the last
 * build: a key must change whenever what the page shows changes, and only then.
 */
import { describe, expect, it } from 'vitest';
import { articlePageKey, newestPublishedFirst, type Article } from '@/lib/content/articles';
import { keyWithAuthors, type Author } from '@/lib/content/authors';
import { authorListingPaths } from '@/lib/routes/author-listings';
import { listingPaths } from '@/lib/routes/listings';

const year = 365 * 24 * 3_600_000;

function article(id: string, digest: string | undefined, published: Date): Article {
  return {
    id,
    digest,
    collection: 'articles',
    data: { published: { kind: 'datetime', instant: published }, timezone: 'Europe/London' },
  } as unknown as Article;
}

const recent = () => new Date(Date.now() - 3_600_000);

describe('articlePageKey', () => {
  it('is the entry digest for an article still young at build time', () => {
    expect(articlePageKey(article('a', 'd1', recent()))).toBe('d1');
  });

  it('changes with the digest, so a corrected article is rendered again', () => {
    expect(articlePageKey(article('a', 'd2', recent()))).not.toBe(articlePageKey(article('a', 'd1', recent())));
  });

  it('changes once an article is old enough for the age notice, whose space the page reserves', () => {
    expect(articlePageKey(article('a', 'd1', new Date(Date.now() - 2 * year)))).toBe('d1:old');
  });

  it('gives no key, so the page is always rendered, for an entry without a digest', () => {
    expect(articlePageKey(article('a', undefined, recent()))).toBeUndefined();
  });
});

describe('the key of each list page', () => {
  /** 65 articles: the newest page holds 25, pages 2 and 1 hold 20 each. */
  const articles = Array.from({ length: 65 }, (_, index) => article(`a${index}`, `d${index}`, recent()));
  const keys = (items: Article[], title = 'World') =>
    listingPaths(
      { base: '/world/', title, description: 'News.', showSection: false, articles: items },
      { section: 'world' },
    ).map((path) => path.cacheKey);

  it('is given for every page', () => {
    expect(keys(articles)).toHaveLength(3);
    for (const key of keys(articles)) expect(key).toMatch(/^[\w-]{43}:[\w-]{43}$/);
  });

  it('is the same for the same pages', () => {
    expect(keys(articles)).toEqual(keys([...articles]));
  });

  it('changes only for the page that lists a corrected article', () => {
    const corrected = articles.map((item, index) => (index === 30 ? article(item.id, 'changed', recent()) : item));
    const [newest, second, first] = keys(corrected);
    const before = keys(articles);
    expect(newest).toBe(before[0]);
    expect(second).not.toBe(before[1]);
    expect(first).toBe(before[2]);
  });

  it('changes for the newest page alone when a new article comes', () => {
    const before = keys(articles);
    const after = keys([article('new', 'dn', recent()), ...articles]);
    expect(after[0]).not.toBe(before[0]);
    expect(after.slice(1)).toEqual(before.slice(1));
  });

  it('changes for the page before a page a new article adds, whose newer page it links, and for no older one', () => {
    const full = Array.from({ length: 79 }, (_, index) => article(`a${index}`, `d${index}`, recent()));
    const before = keys(full);
    const after = keys([article('new', 'dn', recent()), ...full]);
    expect(before).toHaveLength(3);
    expect(after).toHaveLength(4);
    expect(after[3]).toBe(before[2]);
    expect(after[2]).not.toBe(before[1]);
  });

  it('changes with the heading', () => {
    expect(keys(articles, 'Europe')[0]).not.toBe(keys(articles)[0]);
  });
});

describe('the key of an article page with a byline', () => {
  const jane = (digest: string | undefined) => ({ digest });

  it('adds the authors, so renaming an author re-renders the articles they wrote', () => {
    expect(keyWithAuthors('d1', [])).toBe('d1');
    expect(keyWithAuthors('d1', [jane('a1')])).toBe('d1:a1');
    expect(keyWithAuthors('d1', [jane('a2')])).not.toBe(keyWithAuthors('d1', [jane('a1')]));
  });

  it('gives no key when the article or an author has no digest', () => {
    expect(keyWithAuthors(undefined, [jane('a1')])).toBeUndefined();
    expect(keyWithAuthors('d1', [jane(undefined)])).toBeUndefined();
  });
});

describe('the key of each author page', () => {
  const articles = Array.from({ length: 45 }, (_, index) => article(`a${index}`, `d${index}`, recent()));
  const author = (digest: string) => ({ id: 'jane-doe', digest, data: { name: 'Jane Doe' } }) as unknown as Author;
  const paths = (digest: string) =>
    authorListingPaths({
      author: author(digest),
      base: '/authors/jane-doe/',
      title: 'Jane Doe',
      description: 'Covers the United Nations.',
      showSection: true,
      articles,
    });

  it('puts the older pages under page/ and gives every page the author', () => {
    expect(paths('a1').map((path) => path.params)).toEqual([
      { author: 'jane-doe', page: undefined },
      { author: 'jane-doe', page: 'page/1' },
    ]);
    expect(paths('a1').map((path) => path.props.author.id)).toEqual(['jane-doe', 'jane-doe']);
  });

  it("changes with the author's file, whose name, bio and links every page shows", () => {
    const before = paths('a1').map((path) => path.cacheKey);
    paths('a2').forEach((path, index) => expect(path.cacheKey).not.toBe(before[index]));
    expect(paths('a1').map((path) => path.cacheKey)).toEqual(before);
  });
});

describe('newestPublishedFirst', () => {
  it('orders by the instant of publication in each zone, newest first, ties by id', () => {
    const dated = (id: string, date: string, timezone: string) =>
      ({ id, data: { published: { kind: 'date', date }, timezone } }) as unknown as Article;
    const articles = [
      article('b', 'd', new Date('2024-03-01T12:00:00Z')),
      dated('tokyo', '2024-03-02', 'Asia/Tokyo'), // midnight in Tokyo: 2024-03-01T15:00Z
      article('a', 'd', new Date('2024-03-01T12:00:00Z')),
      dated('london', '2024-03-02', 'Europe/London'), // 2024-03-02T00:00Z
      article('c', 'd', new Date('2023-01-01T00:00:00Z')),
    ];
    expect(newestPublishedFirst(articles).map(({ id }) => id)).toEqual(['london', 'tokyo', 'a', 'b', 'c']);
    expect(articles.map(({ id }) => id)).toEqual(['b', 'tokyo', 'a', 'london', 'c']);
  });
});
