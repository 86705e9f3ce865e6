/**
 * The record of a build's pages: every path a build generates, the file it
 * becomes, and its key. Every build writes it (src/lib/integrations/page-record.ts),
 * and a publish reads it (scripts/build.ts, scripts/publish-pages.ts,
 * scripts/site-record.ts, scripts/search-index.ts) without loading Astro's
 * app.
 */
import { closeSync, openSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs';
import type { PathWithRoute, RouteData } from 'astro';
import { fileSignature, heldContent, holdContent } from '../file-memo.ts';

/** Every path a build generated, and the file it is written to, relative to the output folder. */
export type PageRecord = Record<string, string>;

/** The environment variable naming where a build writes its record. */
export const RECORD_OUT = 'BROADSIDE_PAGES_OUT';
/** The environment variable that, set to `1`, has the build write over the copy of the last site in its output folder. */
export const OVER_LAST_SITE = 'BROADSIDE_OVER_LAST_SITE';
/** The environment variable naming where a build keeps the bundle that rendered its pages (src/lib/render/bundle.ts). */
export const BUNDLE_OUT = 'BROADSIDE_BUNDLE_OUT';

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

/** What Astro counts two paths as one by: their address, a trailing slash aside. */
export const oneAddress = (pathname: string): string => pathname.replace(/\/+$/, '');

/**
 * The record of `paths`, as Astro lists them. Astro generates the first of
 * two routes giving the same path (ignoring a trailing slash), so the
 * record keeps the first too.
 */
export function recordOf(paths: readonly PathWithRoute[]): PageRecord {
  const record: PageRecord = {};
  const seen = new Set<string>();
  for (const { pathname, route } of paths) {
    const normalized = oneAddress(pathname);
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

/** A record as a build or a publish keeps it: its pages, their keys, and the stamps of the site it describes, if any. */
export interface StoredRecord {
  pages: PageRecord;
  keys: PageKeys;
  /** The files of pages written outside Astro's build (scripts/publish-pages.ts) since Astro's last build of the site. */
  rendered: string[];
  /** The folder the record describes and the version of the code that built it (scripts/site-record.ts). */
  site?: string;
  code?: string;
}

/**
 * The pages of the record in `file`, their keys, and the files of them
 * written outside Astro's build (scripts/publish-pages.ts): a build's own,
 * or the record of a site (scripts/site-record.ts), which also holds its
 * stamps. A process that publishes again and again (the publishing
 * service) reads the record its last publish wrote and renamed into place,
 * the same file, and gets the object it holds (`heldContent`): never
 * changed by its readers.
 */
export function readPageRecord(file: string): StoredRecord {
  const { signature, content } = heldContent(file);
  if (content) return content as StoredRecord;
  const read = JSON.parse(readFileSync(file, 'utf8')) as Omit<StoredRecord, 'rendered'> & { rendered?: string[] };
  const record = { ...read, rendered: read.rendered ?? [] };
  holdContent(file, signature, record);
  return record;
}

/**
 * Writes `record` to `file`, whole or not at all (beside its name, then
 * renamed), for `readPageRecord` to read; its stamps first, for
 * `readRecordStamps`.
 */
export function writePageRecord(file: string, record: StoredRecord): void {
  const { site, code, ...rest } = record;
  writeFileSync(`${file}.writing`, JSON.stringify({ site, code, ...rest }));
  renameSync(`${file}.writing`, file);
  holdContent(file, fileSignature(file), record);
}

/** How much of the start of a record `readRecordStamps` reads: more than two stamps take. */
const STAMPS_BYTES = 4096;

/** The stamps at the start of a record as `writePageRecord` writes them, as JSON strings. */
const STAMPS = /^\{"site":("(?:[^"\\]|\\.)*"),"code":("(?:[^"\\]|\\.)*"),/;

/**
 * The stamps of the record in `file` (`readPageRecord`), read from the
 * start of the file alone when `writePageRecord` put them there: a publish
 * asks whether it may change the site in place before anything else, and
 * at 50,000 articles parsing the whole record took 0.2 s of it.
 */
export function readRecordStamps(file: string): Pick<StoredRecord, 'site' | 'code'> {
  const start = Buffer.alloc(STAMPS_BYTES);
  const handle = openSync(file, 'r');
  let length: number;
  try {
    length = readSync(handle, start, 0, STAMPS_BYTES, 0);
  } finally {
    closeSync(handle);
  }
  const found = STAMPS.exec(start.toString('utf8', 0, length));
  if (found) return { site: JSON.parse(found[1]!) as string, code: JSON.parse(found[2]!) as string };
  const { site, code } = readPageRecord(file);
  return { site, code };
}
