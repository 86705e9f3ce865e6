/**
 * Where the pages of a list live, and what each holds.
 *
 * A list of articles (front page, section, tag, author) is numbered from its
 * oldest end (`archivePages`): page 1 holds its 20 oldest articles, page 2
 * the next 20, and a page keeps its articles once it is full, at
 * `<path>page/<n>/`. The newest articles are on the list's own path
 * (`/world/`). A new article changes that page alone (one in 20 also adds
 * a page, and links the one before it to it), so a link to an older page
 * shows tomorrow what it shows today.
 *
 * A live blog's pages are Astro's `paginate()`'s, newest first: page 1 at the
 * blog's path, the others at `<path>page/<n>/`.
 */

/** Articles per list page. */
export const PAGE_SIZE = 20;

/**
 * Updates per page of a live blog: a day of busy coverage on the first
 * page, which the browser keeps fresh; older updates follow on later pages
 * and each on a page of its own.
 */
export const LIVE_PAGE_SIZE = 30;

/** The folder, under a list's path, that holds its older pages. */
const LATER_PAGES_FOLDER = 'page';

/**
 * One page of a list numbered from its oldest end, as `archivePages` splits
 * it. Nothing on it says how many pages the list has, so a page stays as it
 * is while newer articles are added.
 */
export interface ListPage<T> {
  /** What the page shows, newest first. */
  data: T[];
  /** Its number, counting from the oldest page, 1; the newest page's is the highest. */
  number: number;
  /** Whether it is the list's newest page, at the list's own path. */
  newest: boolean;
  url: {
    current: string;
    /** The page of the next newer articles; none on the newest page. */
    newer: string | undefined;
    /** The page of the next older articles; none on page 1. */
    older: string | undefined;
  };
}

/** The site path of the older page `number` of the list at `base`: `/world/page/7/`. */
export function archivePagePath(base: string, number: number): string {
  return `${laterPagesFolder(base)}${number}/`;
}

/**
 * The pages of the list at `base` (which ends in `/`) of `newestFirst`,
 * newest page first. Counted from the oldest item, every `size` items make a
 * page; the newest page, at `base`, holds the newest full page's items and
 * those newer than it, `size` to `2 * size - 1` of them (fewer only while the
 * whole list is shorter). An empty list has one empty page.
 *
 * Astro's `paginate()` numbers pages from the start of what it is given,
 * gives every page one size and tells each how many pages there are, so a
 * new article would change every page; this split is the site's own.
 */
export function archivePages<T>(base: string, newestFirst: readonly T[], size = PAGE_SIZE): ListPage<T>[] {
  const count = newestFirst.length;
  const newestNumber = Math.max(1, Math.floor(count / size));
  const path = (number: number) => (number === newestNumber ? base : archivePagePath(base, number));
  return Array.from({ length: newestNumber }, (_, index) => {
    const number = newestNumber - index;
    return {
      data: newestFirst.slice(number === newestNumber ? 0 : count - number * size, count - (number - 1) * size),
      number,
      newest: number === newestNumber,
      url: {
        current: path(number),
        newer: number === newestNumber ? undefined : path(number + 1),
        older: number === 1 ? undefined : path(number - 1),
      },
    };
  });
}

/**
 * The site path of page `number` of the live blog at `base` (which ends in `/`):
 * the sitemap and the link to an update need them where no route's
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

/** The folder that holds the list at `base`'s other pages (`/world/page/`). */
export function laterPagesFolder(base: string): string {
  return `${base}${LATER_PAGES_FOLDER}/`;
}

/**
 * The `format` for `paginate()` on the live blog at `base`, in its
 * `[...page]` route: `paginate()` writes page n's URL as `<base><n>/`, and
 * this moves each page to `pagePath(base, n)`.
 */
export function laterPageUrl(base: string): (url: string) => string {
  return (url) => {
    if (url === base) return base;
    const number = url.startsWith(base) ? /^(\d+)\/$/.exec(url.slice(base.length))?.[1] : undefined;
    if (number === undefined) throw new Error(`paginate() gave ${url}, which is not a page of the list at ${base}`);
    return pagePath(base, Number(number));
  };
}
