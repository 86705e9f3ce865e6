import { describe, expect, it } from 'vitest';
import { pagePath, paginate } from '@/lib/routes/pagination';

describe('paginate', () => {
  const items = Array.from({ length: 45 }, (_, index) => index + 1);

  it('splits a list into pages with stable paths and neighbours', () => {
    const pages = paginate(items, '/world/', 20);
    expect(
      pages.map(({ number, count, path, previous, next, items }) => [
        number,
        count,
        path,
        previous,
        next,
        items.length,
      ]),
    ).toEqual([
      [1, 3, '/world/', undefined, '/world/page/2/', 20],
      [2, 3, '/world/page/2/', '/world/', '/world/page/3/', 20],
      [3, 3, '/world/page/3/', '/world/page/2/', undefined, 5],
    ]);
    expect(pages.flatMap((page) => page.items)).toEqual(items);
  });

  it('keeps one empty first page for an empty list', () => {
    expect(paginate([], '/climate/', 20)).toEqual([
      { items: [], number: 1, count: 1, path: '/climate/', previous: undefined, next: undefined },
    ]);
  });

  it('does not make an empty last page when the list fills its pages exactly', () => {
    expect(paginate(items.slice(0, 40), '/', 20)).toHaveLength(2);
  });
});

describe('pagePath', () => {
  it('keeps page 1 at the list path', () => {
    expect(pagePath('/tags/diplomacy/', 1)).toBe('/tags/diplomacy/');
    expect(pagePath('/', 7)).toBe('/page/7/');
  });
});
