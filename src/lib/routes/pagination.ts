/**
 * Splits a list page into numbered pages so that no page grows with the
 * archive. Page 1 lives at the list's own path (`/world/`), the others at
 * `<path>page/<n>/`: stable URLs that never change as articles are added,
 * except for which articles a page holds.
 */

/** Articles per list page. */
export const PAGE_SIZE = 20;

export interface Page<Item> {
  items: Item[];
  /** 1-based. */
  number: number;
  /** How many pages the list has. */
  count: number;
  /** Site path of this page. */
  path: string;
  /** Site path of the newer page, if any. */
  previous?: string | undefined;
  /** Site path of the older page, if any. */
  next?: string | undefined;
}

/** The site path of page `number` of the list at `base` (which ends in `/`). */
export function pagePath(base: string, number: number): string {
  return number === 1 ? base : `${base}page/${number}/`;
}

/** Every page of `items` for the list at `base`; a list with no items still has its first, empty page. */
export function paginate<Item>(items: readonly Item[], base: string, size = PAGE_SIZE): Page<Item>[] {
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, index) => {
    const number = index + 1;
    return {
      items: items.slice(index * size, number * size),
      number,
      count,
      path: pagePath(base, number),
      previous: number > 1 ? pagePath(base, number - 1) : undefined,
      next: number < count ? pagePath(base, number + 1) : undefined,
    };
  });
}
