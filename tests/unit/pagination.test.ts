/**
 * List pages as Astro's own `paginate()` numbers them, moved to the site's
 * URLs: page 1 at the list's path, later pages under its `page/` folder,
 * with links and route parameters that agree.
 */
import { describe, expect, it } from 'vitest';
import type { Article } from '@/lib/content/articles';
import { listingPaths, listPages } from '@/lib/routes/listings';
import { laterPageParam, laterPagesFolder, laterPageUrl, PAGE_SIZE, pagePath } from '@/lib/routes/pagination';
import { astroPaginate } from './astro-paginate';

/** Each page's route parameter and links, as the list routes give them. */
function pagesOf(route: string, base: string, count: number, params: Record<string, string> = {}, routeBase = base) {
  const items = Array.from({ length: count }, (_, index) => index + 1);
  const format = laterPageUrl(base, routeBase);
  return astroPaginate(route)(items, { pageSize: PAGE_SIZE, params, format }).map((path) => ({
    page: routeBase === base ? laterPageParam(path.params.page) : path.params.page,
    current: path.props.page.url.current,
    prev: path.props.page.url.prev,
    next: path.props.page.url.next,
    items: path.props.page.data.length,
  }));
}

describe('list pages from paginate()', () => {
  it('keeps the front page at / and its later pages at /page/<n>/, linked both ways', () => {
    expect(pagesOf('/[...page]', '/', 45)).toEqual([
      { page: undefined, current: '/', prev: undefined, next: '/page/2/', items: 20 },
      { page: 'page/2', current: '/page/2/', prev: '/', next: '/page/3/', items: 20 },
      { page: 'page/3', current: '/page/3/', prev: '/page/2/', next: undefined, items: 5 },
    ]);
  });

  it('gives the same pages from a route in the page/ folder, whose page 1 is left out', () => {
    expect(pagesOf('/page/[...page]', '/', 45, {}, laterPagesFolder('/')).slice(1)).toEqual(
      pagesOf('/[...page]', '/', 45)
        .slice(1)
        .map((page) => ({ ...page, page: page.page?.replace('page/', '') })),
    );
  });

  it('does the same under a section and a tag, even a tag that is a number', () => {
    expect(pagesOf('/[section]/[...page]', '/world/', 21, { section: 'world' }).map((page) => page.current)).toEqual([
      '/world/',
      '/world/page/2/',
    ]);
    expect(pagesOf('/tags/[tag]/[...page]', '/tags/2024/', 41, { tag: '2024' }).map((page) => page.prev)).toEqual([
      undefined,
      '/tags/2024/',
      '/tags/2024/page/2/',
    ]);
  });

  it('keeps one empty first page for an empty list, and no empty last page for a full one', () => {
    expect(pagesOf('/[section]/[...page]', '/climate/', 0, { section: 'climate' })).toEqual([
      { page: undefined, current: '/climate/', prev: undefined, next: undefined, items: 0 },
    ]);
    expect(pagesOf('/[...page]', '/', 2 * PAGE_SIZE)).toHaveLength(2);
  });

  it('refuses a URL that is not a page of the list', () => {
    expect(() => laterPageUrl('/world/')('/business/2/')).toThrow(
      '/business/2/, which is not a page of the list at /world/',
    );
    expect(() => laterPageUrl('/world/')('/world/page/2/')).toThrow('not a page of the list');
  });
});

describe('pagePath', () => {
  it('keeps page 1 at the list path and the others in its page/ folder', () => {
    expect(pagePath('/tags/diplomacy/', 1)).toBe('/tags/diplomacy/');
    expect(pagePath('/', 7)).toBe('/page/7/');
  });
});

describe("the sitemap's list pages", () => {
  it('are the pages the list routes build, with the same articles', () => {
    const articles = Array.from({ length: 41 }, (_, index) => ({ id: `a${index}` }) as unknown as Article);
    const list = { base: '/tags/2024/', title: 'Topic: 2024', description: 'News.', showSection: true, articles };
    const built = listingPaths(astroPaginate('/tags/[tag]/[...page]'), list, { tag: '2024' }).map(({ props }) => ({
      path: props.page.url.current,
      number: props.page.currentPage,
      articles: props.page.data,
    }));
    expect(listPages(list)).toEqual(built);
    expect(built.map((page) => page.path)).toEqual(['/tags/2024/', '/tags/2024/page/2/', '/tags/2024/page/3/']);
  });
});
