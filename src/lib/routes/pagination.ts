/**
 * Where the pages of a list live. Astro's `paginate()` splits a list in the
 * routes; this file keeps its pages at the site's stable URLs: page 1 at the
 * list's own path (`/world/`), the others at `<path>page/<n>/`, URLs that
 * never change as articles are added, except for which articles a page holds.
 */

/** Articles per list page. */
export const PAGE_SIZE = 20;

/** The folder, under a list's path, that holds pages 2 onwards. */
const LATER_PAGES_FOLDER = 'page';

/**
 * The site path of page `number` of the list at `base` (which ends in `/`):
 * the sitemap and the redirect rules need the list folders where no route's
 * `paginate()` is at hand.
 */
export function pagePath(base: string, number: number): string {
  return number === 1 ? base : `${base}${LATER_PAGES_FOLDER}/${number}/`;
}

/**
 * The `[...page]` rest parameter for the page number `paginate()` gives
 * (none for page 1): `page/<n>`, so later pages sit in the list's `page/`
 * folder rather than beside the list's other children (`/world/2/`).
 */
export function laterPageParam(page: string | undefined): string | undefined {
  return page === undefined ? undefined : `${LATER_PAGES_FOLDER}/${page}`;
}

/**
 * The `format` for `paginate()` on the list at `base`: it writes page n's
 * URL as `<base><n>/`, and this moves it to `pagePath(base, n)`, so the
 * links between pages match the parameters `laterPageParam` gives.
 */
export function laterPageUrl(base: string): (url: string) => string {
  return (url) => {
    if (url === base) return url;
    const number = url.startsWith(base) ? /^(\d+)\/$/.exec(url.slice(base.length))?.[1] : undefined;
    if (number === undefined) throw new Error(`paginate() gave ${url}, which is not a page of the list at ${base}`);
    return pagePath(base, Number(number));
  };
}
