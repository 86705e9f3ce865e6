/**
 * The pages of a list: articles numbered from the oldest end
 * (`archivePages`), so that a page keeps what it shows as newer articles
 * come; a live blog's pages as Astro's own `paginate()` numbers them, moved
 * to the site's URLs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article } from '@/lib/content/articles';
import { listingPaths, listPages } from '@/lib/routes/listings';
import {
  archivePages,
  laterPageParam,
  laterPageUrl,
  LIVE_PAGE_SIZE,
  PAGE_SIZE,
  pagePath,
} from '@/lib/routes/pagination';
import { astroPaginate } from './astro-paginate';

/** `count` items, newest first: the newest is `count`, the oldest 1. */
const newestFirst = (count: number) => Array.from({ length: count }, (_, index) => count - index);

/** What a reader sees of each page: where it is, where it links, what it holds. */
const shown = (base: string, count: number) =>
  archivePages(base, newestFirst(count)).map(({ url, number, newest, data }) => ({
    ...url,
    number,
    newest,
    items: data.length === 0 ? [] : [data[0], data.at(-1)],
  }));

describe('archivePages', () => {
  it('puts the newest articles at the list path and numbers the others from the oldest, linked both ways', () => {
    expect(shown('/', 45)).toEqual([
      { current: '/', newer: undefined, older: '/page/1/', number: 2, newest: true, items: [45, 21] },
      { current: '/page/1/', newer: '/', older: undefined, number: 1, newest: false, items: [20, 1] },
    ]);
    expect(shown('/world/', 60).map(({ current, items }) => [current, items])).toEqual([
      ['/world/', [60, 41]],
      ['/world/page/2/', [40, 21]],
      ['/world/page/1/', [20, 1]],
    ]);
  });

  it('keeps one page, empty or short, for a list of fewer than two pages', () => {
    expect(shown('/climate/', 0)).toEqual([
      { current: '/climate/', newer: undefined, older: undefined, number: 1, newest: true, items: [] },
    ]);
    expect(shown('/climate/', 2 * PAGE_SIZE - 1)).toHaveLength(1);
    expect(shown('/climate/', 2 * PAGE_SIZE)).toHaveLength(2);
  });

  it('splits any list into whole pages of its items, in order, the newest holding one to two pages of them', () => {
    fc.assert(
      fc.property(fc.nat(400), fc.integer({ min: 1, max: 30 }), (count, size) => {
        const pages = archivePages('/world/', newestFirst(count), size);
        expect(pages.flatMap((page) => page.data)).toEqual(newestFirst(count));
        expect(pages.map((page) => page.number)).toEqual(newestFirst(pages.length));
        const [newest, ...older] = pages;
        expect(newest?.newest).toBe(true);
        expect(newest?.url.current).toBe('/world/');
        expect(newest?.data.length).toBe(count < 2 * size ? count : size + (count % size));
        for (const page of older) {
          expect(page.data).toHaveLength(size);
          expect(page.url.current).toBe(`/world/page/${page.number}/`);
        }
        pages.forEach((page, index) => {
          expect(page.url.older).toBe(pages[index + 1]?.url.current);
          expect(page.url.newer).toBe(pages[index - 1]?.url.current);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('leaves every older page as it was when newer articles come, but the one the newest page gave up', () => {
    fc.assert(
      fc.property(
        fc.nat(400),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 30 }),
        (count, added, size) => {
          const before = archivePages('/world/', newestFirst(count), size);
          const after = archivePages('/world/', newestFirst(count + added), size);
          const byNumber = new Map(after.map((page) => [page.number, page]));
          const kept = before.filter((page) => !page.newest && page.number < before[0]!.number - 1);
          for (const page of kept) expect(byNumber.get(page.number)).toEqual(page);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("a list's routes and sitemap", () => {
  const articles = Array.from({ length: 61 }, (_, index) => ({ id: `a${index}` }) as unknown as Article);
  const list = { base: '/tags/2024/', title: 'Topic: 2024', description: 'News.', showSection: true, articles };

  it('give the rest parameter of each page under the route', () => {
    expect(listingPaths(list, { tag: '2024' }).map(({ params }) => params)).toEqual([
      { tag: '2024', page: undefined },
      { tag: '2024', page: 'page/2' },
      { tag: '2024', page: 'page/1' },
    ]);
    const front = { ...list, base: '/' };
    expect(listingPaths(front, {}, '/page/').map(({ params }) => params.page)).toEqual(['2', '1']);
  });

  it('agree on the pages and what each holds', () => {
    const built = listingPaths(list, { tag: '2024' }).map(({ props }) => ({
      path: props.page.url.current,
      newest: props.page.newest,
      articles: props.page.data,
    }));
    expect(listPages(list)).toEqual(built);
  });
});

describe("a live blog's pages from paginate()", () => {
  /** Each page's route parameter and links, as the live blog route gives them. */
  const pagesOf = (base: string, count: number) =>
    astroPaginate('/live/[slug]/[...page]')(newestFirst(count), {
      pageSize: LIVE_PAGE_SIZE,
      params: { slug: 'ukraine' },
      format: laterPageUrl(base),
    }).map((path) => ({
      page: laterPageParam(path.params.page),
      current: path.props.page.url.current,
      prev: path.props.page.url.prev,
      next: path.props.page.url.next,
    }));

  it('keeps page 1 at the blog path and later pages at page/<n>/, newest first, linked both ways', () => {
    expect(pagesOf('/live/ukraine/', 61)).toEqual([
      { page: undefined, current: '/live/ukraine/', prev: undefined, next: '/live/ukraine/page/2/' },
      { page: 'page/2', current: '/live/ukraine/page/2/', prev: '/live/ukraine/', next: '/live/ukraine/page/3/' },
      { page: 'page/3', current: '/live/ukraine/page/3/', prev: '/live/ukraine/page/2/', next: undefined },
    ]);
  });

  it('refuses a URL that is not a page of the blog', () => {
    expect(() => laterPageUrl('/live/ukraine/')('/live/other/2/')).toThrow(
      '/live/other/2/, which is not a page of the list at /live/ukraine/',
    );
    expect(() => laterPageUrl('/live/ukraine/')('/live/ukraine/page/2/')).toThrow('not a page of the list');
  });

  it('finds page n at the blog path or in its page/ folder', () => {
    expect(pagePath('/live/ukraine/', 1)).toBe('/live/ukraine/');
    expect(pagePath('/live/ukraine/', 7)).toBe('/live/ukraine/page/7/');
  });
});
