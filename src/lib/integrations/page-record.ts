/**
 * The record of a build's pages, and a build over the last site.
 *
 * Every build writes, for each path it generates, the file it becomes. A publish
 * (`npm run publish`) builds into a copy of the site in place made of hard
 * links (scripts/site-record.ts) instead of an empty folder: Astro's
 * incremental build finds each page it keeps already there and leaves it,
 * instead of copying it from its cache, and renders the pages whose key or
 * code changed, each into a new file; the record of the last site says which
 * files belong to pages that are gone (docs/decisions.md, "One change is
 * published over a copy of the last site").
 *
 * Both go through Astro's public integration API: the prerenderer hook
 * (`setPrerenderer` in `astro:build:start`) lists every path, and in a
 * publish deletes a page's old file before Astro writes the new one, so no
 * file shared with the site in place is ever written into; the publish
 * keeps Astro from emptying the output folder with Vite's `emptyOutDir`.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, PathWithRoute, RouteData } from 'astro';
import { bundlePrerenderer, keepBundle } from '../render/bundle.ts';
import { renderBundleFolder } from './render-bundle.ts';

/** Every path a build generated, and the file it is written to, relative to the output folder. */
export type PageRecord = Record<string, string>;

/** The environment variable naming where a build writes its record. */
export const RECORD_OUT = 'BROADSIDE_PAGES_OUT';
/** The environment variable that, set to `1`, has the build write over the copy of the last site in its output folder. */
export const OVER_LAST_SITE = 'BROADSIDE_OVER_LAST_SITE';

/** Whether this build writes over a copy of the last site (a publish) rather than into an empty folder. */
export const overLastSite = (env: NodeJS.ProcessEnv = process.env): boolean => env[OVER_LAST_SITE] === '1';

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
  for (const { pathname, route } of paths) {
    const normalized = pathname.replace(/\/+$/, '');
    if (seen.has(normalized)) continue;
    seen.add(normalized);
    record[pathname] = outputFile(pathname, route.type);
  }
  return record;
}

/** Each path's key (its `cacheKey`, src/lib/routes/site-code.ts), for the paths that have one. */
export type PageKeys = Record<string, string>;

/** The record of `paths` and their keys. */
export function siteRecordOf(paths: readonly (PathWithRoute & { cacheKey?: string | undefined })[]): {
  pages: PageRecord;
  keys: PageKeys;
} {
  const pages = recordOf(paths);
  const keys: PageKeys = {};
  for (const { pathname, cacheKey } of paths)
    if (cacheKey !== undefined && pathname in pages) keys[pathname] = cacheKey;
  return { pages, keys };
}

/** The files of `last` that no path of `now` writes: the pages a change removed. */
export function removedFiles(last: PageRecord, now: PageRecord): string[] {
  const written = new Set(Object.values(now));
  return Object.values(last).filter((file) => !written.has(file));
}

/**
 * The pages of the record in `file`, their keys, and the files of them
 * written outside Astro's build (scripts/publish-pages.ts): a build's own,
 * or the record of a site (scripts/site-record.ts), which holds them.
 */
export function readPageRecord(file: string): { pages: PageRecord; keys: PageKeys; rendered: string[] } {
  const record = JSON.parse(readFileSync(file, 'utf8')) as { pages: PageRecord; keys: PageKeys; rendered?: string[] };
  return { ...record, rendered: record.rendered ?? [] };
}

/** The environment variable naming where a build keeps the bundle that rendered its pages (src/lib/render/bundle.ts). */
export const BUNDLE_OUT = 'BROADSIDE_BUNDLE_OUT';

/**
 * Renders the build's pages with the bundle of src/lib/render/entry.ts
 * (src/lib/integrations/render-bundle.ts) and keeps that bundle in
 * `BROADSIDE_BUNDLE_OUT` (when set); writes the record of every path, with
 * each path's key, to `BROADSIDE_PAGES_OUT` (when set); and, over the last
 * site (`BROADSIDE_OVER_LAST_SITE=1`), keeps the output folder and deletes
 * each page's file before Astro writes it again.
 */
export function pageRecord(env: NodeJS.ProcessEnv = process.env): AstroIntegration {
  let outDir = '';
  return {
    name: 'broadside:page-record',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command === 'build' && overLastSite(env)) updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': ({ setPrerenderer }) => {
        const out = env[RECORD_OUT];
        const over = overLastSite(env);
        const bundleOut = env[BUNDLE_OUT];
        setPrerenderer(() => {
          const bundle = bundlePrerenderer(renderBundleFolder);
          return {
            ...bundle,
            name: 'broadside:page-record',
            async getStaticPaths() {
              const paths = await bundle.getStaticPaths();
              if (out) writeFileSync(out, JSON.stringify(siteRecordOf(paths)));
              return paths;
            },
            async render(request, options) {
              // The file may be a link to the site in place: a new file, never a write into it.
              if (over)
                rmSync(join(outDir, outputFile(decodeURI(new URL(request.url).pathname), options.routeData.type)), {
                  force: true,
                });
              return bundle.render(request, options);
            },
            teardown() {
              if (bundleOut) keepBundle(renderBundleFolder(), bundleOut);
              return Promise.resolve();
            },
          };
        });
      },
    },
  };
}
