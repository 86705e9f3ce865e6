/**
 * The record of a build's pages, and publishing only the pages a change
 * touches.
 *
 * Every build writes, for each path it generates, the file it becomes and
 * the page's `cacheKey` (the hash of what it shows, with the code's
 * version: src/lib/routes/site-code.ts), or none for a page that has no key
 * and is always rendered (the front page, feeds, the sitemap). A publish
 * (`npm run publish`) hands Astro the record of the site it changes: the
 * build then renders only the pages whose key is new or differs, and the
 * pages with no key, into an output folder of their own, and
 * scripts/build.ts lays them over a copy of the site made of hard links,
 * deleting the files of the paths that are gone (docs/decisions.md, "One
 * change is published by rendering only what shows it").
 *
 * Both sides go through Astro's public prerenderer hook
 * (`setPrerenderer` in `astro:build:start`): Astro's own prerenderer lists
 * every path and key, and renders what this one chooses.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { AstroIntegration, PathWithRoute, RouteData } from 'astro';

/** One generated path: the file it is written to, relative to the output folder, and its key if it has one. */
export interface RecordedPage {
  file: string;
  key?: string;
}

/** Every path a build generated, by pathname. */
export type PageRecord = Record<string, RecordedPage>;

/** The environment variable naming where a build writes its record. */
export const RECORD_OUT = 'BROADSIDE_PAGES_OUT';
/** The environment variable naming the record of the site a publish changes: set, the build renders only what changed. */
export const RECORD_LAST = 'BROADSIDE_PAGES_LAST';

/** Whether this build publishes a change over the site of an earlier build, rather than building the whole site. */
export const publishingChanges = (env: NodeJS.ProcessEnv = process.env): boolean => Boolean(env[RECORD_LAST]);

/** Astro's status-code pages, written as `404.html` rather than `404/index.html`. */
const STATUS_CODE_PAGES = new Set(['/404', '/500']);

/**
 * The file Astro writes `pathname` of a route of type `type` to, with this
 * site's `build.format: 'directory'`: an endpoint's path is its file (a
 * trailing slash dropped), a page's is a folder with `index.html`. A build checks every recorded file
 * is in its output (scripts/build.ts), so a change in Astro's naming fails
 * the build rather than a publish deleting the wrong file.
 */
export function outputFile(pathname: string, type: RouteData['type']): string {
  const path = pathname.replace(/^\/+|\/+$/g, '');
  if (type === 'endpoint') return path;
  if (STATUS_CODE_PAGES.has(`/${path}`)) return `${path}.html`;
  return path === '' ? 'index.html' : `${path}/index.html`;
}

/**
 * The record of `paths`, as Astro lists them. Astro generates the first of
 * two routes giving the same path (ignoring a trailing slash), so the
 * record keeps the first too.
 */
export function recordOf(paths: readonly PathWithRoute[]): PageRecord {
  const record: PageRecord = {};
  const seen = new Set<string>();
  for (const { pathname, route, cacheKey } of paths) {
    const normalized = pathname.replace(/\/+$/, '');
    if (seen.has(normalized)) continue;
    seen.add(normalized);
    record[pathname] =
      cacheKey === undefined
        ? { file: outputFile(pathname, route.type) }
        : { file: outputFile(pathname, route.type), key: cacheKey };
  }
  return record;
}

/** Whether the page at `pathname` must be rendered again over a site whose pages are `last`. */
export function mustRender(pathname: string, key: string | undefined, last: PageRecord): boolean {
  const before = last[pathname];
  return key === undefined || before?.key !== key;
}

/** The files of `last` that no path of `now` writes: the pages a change removed. */
export function removedFiles(last: PageRecord, now: PageRecord): string[] {
  const written = new Set(Object.values(now).map(({ file }) => file));
  return Object.values(last)
    .map(({ file }) => file)
    .filter((file) => !written.has(file));
}

/** The pages of the record in `file`: a build's own, or the record of a site (scripts/site-record.ts), which holds them. */
export const readPageRecord = (file: string): PageRecord =>
  (JSON.parse(readFileSync(file, 'utf8')) as { pages: PageRecord }).pages;

/**
 * Writes the record of every path to `BROADSIDE_PAGES_OUT`, and, when
 * `BROADSIDE_PAGES_LAST` names the record of the site being changed, has
 * Astro render only the paths `mustRender` chooses. Without the first, the
 * build is Astro's own.
 */
export function pageRecord(env: NodeJS.ProcessEnv = process.env): AstroIntegration {
  return {
    name: 'broadside:page-record',
    hooks: {
      'astro:build:start': ({ setPrerenderer, logger }) => {
        const out = env[RECORD_OUT];
        const lastFile = env[RECORD_LAST];
        if (!out) return;
        setPrerenderer((astros) => ({
          ...astros,
          name: 'broadside:page-record',
          async getStaticPaths() {
            const paths = await astros.getStaticPaths();
            const record = recordOf(paths);
            writeFileSync(out, JSON.stringify({ pages: record }));
            if (!lastFile) return paths;
            const last = readPageRecord(lastFile);
            const chosen = paths.filter(({ pathname, cacheKey }) => mustRender(pathname, cacheKey, last));
            logger.info(`publishing a change: ${chosen.length} of ${paths.length} paths to render`);
            return chosen;
          },
        }));
      },
    },
  };
}
