/**
 * The version of the code that makes the site's pages, and the key of a page
 * for Astro's incremental build with it.
 *
 * Astro's Content-Security-Policy `<meta>` lists, on every page, the hash of
 * every inline script and style the build emits anywhere on the site, so a
 * change to one page's style changes that list on every page. Astro keeps a
 * page whose own modules and key are unchanged, with the list it had: after
 * such a change the kept pages differed from a full build's. With the code's
 * version in every page's key, a change to the code renders every page again;
 * a change to the content alone still renders only the pages that show it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** What the pages are made of, relative to the project: its code, its config and its dependencies. */
export const SITE_CODE = ['src', 'astro.config.mjs', 'package-lock.json'];

/**
 * A hash of the files at `paths` under `root` (a folder stands for every
 * file in it; a missing path counts as missing), their names and contents.
 */
export function filesVersion(root: string, paths: readonly string[]): string {
  const hash = createHash('sha256');
  const files = paths.flatMap((path) => {
    const found = statSync(join(root, path), { throwIfNoEntry: false });
    if (!found) return [];
    if (!found.isDirectory()) return [path];
    return readdirSync(join(root, path), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(root, join(entry.parentPath, entry.name)));
  });
  for (const file of files.sort()) {
    const text = readFileSync(join(root, file));
    hash.update(`${file}\0${text.length}\0`).update(text);
  }
  return hash.digest('base64url');
}

/** A hash of every file of `SITE_CODE` under `root`. */
export const siteCodeVersion = (root: string): string => filesVersion(root, SITE_CODE);

/**
 * `key`, a page's key from what it shows, joined with the version of the
 * code (`import.meta.env.BROADSIDE_SITE_CODE`, which astro.config.mjs
 * defines). `undefined` (a page never kept) stays `undefined`.
 */
export function pageKey(key: string, code?: unknown): string;
export function pageKey(key: string | undefined, code?: unknown): string | undefined;
export function pageKey(
  key: string | undefined,
  code: unknown = import.meta.env.BROADSIDE_SITE_CODE,
): string | undefined {
  if (key === undefined) return undefined;
  if (typeof code !== 'string' || code === '') {
    throw new Error('import.meta.env.BROADSIDE_SITE_CODE is not defined: astro.config.mjs defines it for every build');
  }
  return `${code}:${key}`;
}
