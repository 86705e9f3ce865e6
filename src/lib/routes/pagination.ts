/**
 * Where the pages of a list live. Astro's `paginate()` splits a list in the
 * routes; this file keeps its pages at the site's stable URLs: page 1 at the
 * list's own path (`/world/`), the others at `<path>page/<n>/`, URLs that
 * never change as articles are added, except for which articles a page holds.
 */

/** Articles per list page. */
export const PAGE_SIZE = 20;

/**
 * Updates per page of a live blog: a day of busy coverage on the first
 * page, which the browser keeps fresh; older updates follow on later pages
 * and each on a page of its own.
 */
export const LIVE_PAGE_SIZE = 30;

/** The folder, under a list's path, that holds pages 2 onwards. */
const LATER_PAGES_FOLDER = 'page';

/**
 * The site path of page `number` of the list at `base` (which ends in `/`):
 * the sitemap and the redirect rules need the list folders where no route's
 * `paginate()` is at hand.
 */
export function pagePath(base: string, number: number): string {
  return number === 1 ? base : `${laterPagesFolder(base)}${number}/`;
}

/**
 * The `[...page]` rest parameter for the page number `paginate()` gives
 * (none for page 1): `page/<n>`, so later pages sit in the list's `page/`
 * folder rather than beside the list's other children (`/world/2/`).
 */
export function laterPageParam(page: string | undefined): string | undefined {
  return page === undefined ? undefined : `${LATER_PAGES_FOLDER}/${page}`;
}

/** The folder that holds pages 2 onwards of the list at `base` (`/world/page/`). */
export function laterPagesFolder(base: string): string {
  return `${base}${LATER_PAGES_FOLDER}/`;
}

/**
 * The `format` for `paginate()` on the list at `base`, in a route whose
 * page 1 is at `routeBase`: `paginate()` writes page n's URL as
 * `<routeBase><n>/`, and this moves each page to `pagePath(base, n)`. A
 * `[...page]` route in the list's own folder has `routeBase` = `base`; one in
 * its `page/` folder has `laterPagesFolder(base)`.
 */
export function laterPageUrl(base: string, routeBase = base): (url: string) => string {
  return (url) => {
    if (url === routeBase) return base;
    const number = url.startsWith(routeBase) ? /^(\d+)\/$/.exec(url.slice(routeBase.length))?.[1] : undefined;
    if (number === undefined) throw new Error(`paginate() gave ${url}, which is not a page of the list at ${base}`);
    return pagePath(base, Number(number));
  };
}
