/**
 * What a publish needs of the site it changes, and how it makes the new one.
 *
 * Every build keeps, among the build caches, the record of its target's
 * pages (src/lib/render/record.ts) with two stamps: the folder it
 * describes, by device and inode (a rename keeps them, so the staging
 * folder's stamp is the target's once swapped in; a swap that never
 * happened leaves a record naming another folder), and the version of the
 * site's code. A publish trusts the record only when both match; otherwise
 * it builds the whole site.
 *
 * A change rendered without Astro's build is put into the site in place
 * (scripts/staged-output.ts). For one that goes through Astro's build, the
 * new site starts as a copy of the old one made of hard links (no file's
 * bytes are copied), Astro builds over it, and the files of pages that are
 * gone are deleted. A file is replaced by deleting its link and writing a
 * new file in its place, never by writing into it, so the old site's files
 * are never touched.
 */
import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import {
  oneAddress,
  readPageRecord,
  readRecordStamps,
  writePageRecord,
  type PageRecord,
  type StoredRecord,
} from '../src/lib/render/record.ts';
import { SEARCH_FOLDER } from './search-index.ts';
import { siteFiles, walkSite } from './site-files.ts';

/** The record of a site: its pages, with the folder it describes (`<device>:<inode>`) and the version of the site's code that built it. */
export type SiteRecord = Required<StoredRecord>;

/** Where the record of the site at `target` is kept: in the build caches under `cacheRoot`, named by the target's path. */
export function siteRecordFile(cacheRoot: string, target: string): string {
  const name = createHash('sha256').update(resolve(target)).digest('base64url').slice(0, 22);
  return join(cacheRoot, 'broadside-pages', `${name}.json`);
}

/** Where a build keeps the bundle that rendered the site at `target`, beside the record of its pages (`recordFile`). */
export const bundleFolder = (recordFile: string) => recordFile.replace(/\.json$/, '.bundle');

/** The status with which scripts/publish-pages.ts says a change needs Astro's build, before it has written anything. */
export const NEEDS_ASTRO = 3;

/** Where a build's Astro writes the record of the pages it generates, until the build has succeeded. */
export const newRecordFile = (recordFile: string) => recordFile.replace(/\.json$/, '.new.json');

/** The identity of `folder` that a rename keeps. */
export function folderId(folder: string): string {
  const { dev, ino } = statSync(folder);
  return `${dev}:${ino}`;
}

/** Writes the record of the site in `site` (its pages, built by code of version `code`) to `file`, whole or not at all. */
export function writeSiteRecord(
  file: string,
  site: string,
  code: string,
  { pages, keys, rendered }: Pick<SiteRecord, 'pages' | 'keys' | 'rendered'>,
): void {
  writePageRecord(file, { site: folderId(site), code, pages, keys, rendered });
}

/**
 * The record of the site at `target` if it describes that very folder,
 * built by code of version `code`, else why not. Only its stamps are read
 * here: `record()` reads the rest, which a change rendered without Astro's
 * build never needs in this process.
 */
export function lastSiteRecord(
  file: string,
  target: string,
  code: string,
): { record: () => SiteRecord; why?: never } | { record?: never; why: string } {
  if (!existsSync(target)) return { why: 'there is no site to change yet' };
  if (!existsSync(file)) return { why: 'no build has recorded the pages of the site' };
  let stamps: Pick<SiteRecord, 'site' | 'code'>;
  try {
    stamps = readRecordStamps(file) as Pick<SiteRecord, 'site' | 'code'>;
  } catch (error) {
    return { why: `the record of the site's pages cannot be read (${(error as Error).message})` };
  }
  if (stamps.site !== folderId(target))
    return { why: 'the record of the pages describes another build than the site in place' };
  if (stamps.code !== code) return { why: "the site's code changed since it was built" };
  return { record: () => readPageRecord(file) as SiteRecord };
}

/** What a publish rendered without Astro's build changes of the site's files (scripts/publish-pages.ts). */
export interface RecordChange {
  /** The files of the paths that are gone. */
  removed: string[];
  /** The files of the paths that are new, each of which the change holds. */
  added: string[];
}

/** Where a publish's render step says what its new record (`newRecordFile`) changes: beside it. */
export const recordChangeFile = (newRecordFile: string): string => `${newRecordFile}.change`;

/**
 * The files of `last` no path of `now` writes, and the files of `now` no
 * path of `last` wrote. Compared address by address first, so that a
 * publish at 50,000 articles does not make a set of each record's 110,000
 * files: a file can only have moved between the addresses that differ, as
 * no two paths of one record write one file.
 */
export function recordChange(last: PageRecord, now: PageRecord): RecordChange {
  const differing = (from: PageRecord, to: PageRecord) =>
    Object.keys(from)
      .filter((address) => to[address] !== from[address])
      .map((address) => from[address]!);
  return filesChange(differing(last, now), differing(now, last));
}

/** The change of files when the addresses that differ wrote `gone` and now write `come`: a file in both only moved. */
function filesChange(gone: readonly string[], come: readonly string[]): RecordChange {
  const [goneFiles, comeFiles] = [new Set(gone), new Set(come)];
  return { removed: gone.filter((file) => !comeFiles.has(file)), added: come.filter((file) => !goneFiles.has(file)) };
}

/**
 * `recordChange(last, now)` for the record `recordWithKept` makes of
 * `last`, the addresses `kept` and the paths `listed`, without walking
 * `now`: only a listed address, or one of `last` neither kept nor listed,
 * can differ between the two.
 */
export function keptRecordChange(last: PageRecord, kept: ReadonlySet<string>, listed: PageRecord): RecordChange {
  const gone: string[] = [];
  for (const address in last) if (!kept.has(address) && listed[address] !== last[address]) gone.push(last[address]!);
  const come: string[] = [];
  for (const address in listed) if (last[address] !== listed[address]) come.push(listed[address]!);
  return filesChange(gone, come);
}

type PagesAndKeys = Pick<StoredRecord, 'pages' | 'keys'>;

/**
 * The record of a site whose routes listed only some of its paths
 * (src/lib/routes/path-scope.ts): the record of the paths `listed`, and
 * the addresses `kept` as `last` has them. `undefined` when a path listed
 * is one kept (two routes giving one address, a trailing slash aside): only
 * a listing of every path says which route generates it.
 */
export function recordWithKept(
  last: PagesAndKeys,
  kept: ReadonlySet<string>,
  listed: PagesAndKeys,
): PagesAndKeys | undefined {
  const keptAddresses = new Set([...kept].map(oneAddress));
  if (Object.keys(listed.pages).some((address) => keptAddresses.has(oneAddress(address)))) return undefined;
  const now: PagesAndKeys = { pages: {}, keys: {} };
  for (const address of kept) {
    now.pages[address] = last.pages[address]!;
    now.keys[address] = last.keys[address]!;
  }
  Object.assign(now.pages, listed.pages);
  Object.assign(now.keys, listed.keys);
  return now;
}

/** Makes `to` a copy of the folder `from` made of hard links to its files, without the paths `leftOut` names (a folder with all it holds). */
export function linkCopy(from: string, to: string, leftOut?: (path: string) => boolean): void {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to);
  // A folder comes before what it holds, so its copy is made before its files are linked into it.
  for (const [path, entry] of walkSite(from, leftOut)) {
    if (entry.isDirectory()) mkdirSync(join(to, path));
    else linkSync(join(from, path), join(to, path));
  }
}

/**
 * Makes `staging` a copy of the site `target` made of hard links, for a
 * publish to build over, without the files every build writes whole again
 * by copying or bundling, which would write into the shared files: the
 * search index (scripts/search-index.ts), Astro's `_astro/` (scripts,
 * styles, images) and the files of the project's `public/` folder. Astro
 * itself deletes a page's file before writing it again
 * (src/lib/integrations/page-record.ts).
 */
export function copyForPublish(target: string, staging: string, project: string): void {
  const bundled = new Set(bundledPaths(project));
  linkCopy(target, staging, (path) => path === SEARCH_FOLDER || bundled.has(path));
}

/** The paths of the site Astro's bundling writes whole again: `_astro/` and the files of `public/`. */
function bundledPaths(project: string): string[] {
  const publicDir = join(project, 'public');
  return ['_astro', ...(existsSync(publicDir) ? siteFiles(publicDir, '') : [])];
}

/** Deletes `paths` from `site` (a folder with all it holds), and every folder that leaves empty. */
export function deleteFiles(site: string, paths: readonly string[]): void {
  for (const path of paths) {
    rmSync(join(site, path), { recursive: true, force: true });
    for (let folder = dirname(join(site, path)); relative(site, folder) !== ''; folder = dirname(folder)) {
      if (!existsSync(folder)) continue;
      if (readdirSync(folder).length > 0) break;
      rmdirSync(folder);
    }
  }
}

/** The files of `files` that are not in `site`. */
export const missingFiles = (site: string, files: readonly string[]): string[] =>
  files.filter((file) => !existsSync(join(site, file)));
