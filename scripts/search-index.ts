/**
 * The site's search index, written in parts so that publishing one change
 * indexes one part again, not the archive (docs/decisions.md, "The search
 * index is written in parts").
 *
 * A page is searchable when it marks its text with `data-pagefind-body`.
 * Searchable pages are grouped by the year in their address (an article's
 * `/<section>/<year>/<month>/<day>/<slug>/`): whole years, oldest first,
 * until a part holds at least `partPages` pages; pages with no year in their
 * address (live blogs) go into the newest part. A new article or a live
 * update therefore changes the newest part only, and a correction the part
 * of its article's year, while the older parts keep their pages and so
 * their bounds.
 *
 * Each part is one Pagefind index under `pagefind/<first year>-<last year>/`,
 * and `pagefind/parts.json` lists them, newest first, for the search page,
 * which searches them all at once (Pagefind's `mergeIndex`). A part is
 * written once for what it holds: its key is a hash of Pagefind's version
 * and of every page it indexes (address and bytes), and a part whose key is
 * in the cache is copied from there instead of indexed. Pagefind writes the
 * same files for the same pages, so a copied part is what indexing again
 * would have written.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';

/** Whole years go into a part until it holds this many pages: see docs/decisions.md for the balance. */
export const PART_PAGES = Number(process.env.BROADSIDE_SEARCH_PART_PAGES ?? 2000);

/** The folder under the site's root that holds every part, and the list of them. */
export const SEARCH_FOLDER = 'pagefind';
export const PARTS_FILE = `${SEARCH_FOLDER}/parts.json`;

/** A page of the built site: its path under the output folder (`world/2022/05/23/slug/index.html`). */
export interface SearchPage {
  path: string;
  /** The year in the page's address, when it has one. */
  year?: string;
}

/** One part of the index: its folder name under `pagefind/`, and its pages. */
export interface SearchPart {
  name: string;
  pages: SearchPage[];
}

/** A start tag carrying `data-pagefind-body`: text on a page has its `<` escaped, so cannot look like one. */
const SEARCH_BODY = /<[a-z][a-z0-9-]*\s[^<>]*?\bdata-pagefind-body(?=[\s=>/])/i;

/** Whether an HTML page marks text for the search index. */
export const isSearchable = (html: string): boolean => SEARCH_BODY.test(html);

/** The year of an article's address (`world/2022/05/23/slug/index.html`), or `undefined`. */
export function addressYear(path: string): string | undefined {
  return /^[^/]+\/(\d{4})\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.exec(path)?.[1];
}

/**
 * The parts `pages` are indexed in, oldest first: whole years in order,
 * a part closed once it holds `partPages` pages, and the pages without a
 * year in the last part. Within a part, pages are in path order, so a part
 * is the same whatever order the pages were found in.
 */
export function searchParts(pages: readonly SearchPage[], partPages = PART_PAGES): SearchPart[] {
  const byYear = new Map<string, SearchPage[]>();
  const undated: SearchPage[] = [];
  for (const page of pages) {
    if (page.year === undefined) undated.push(page);
    else byYear.set(page.year, [...(byYear.get(page.year) ?? []), page]);
  }
  const groups: { years: string[]; pages: SearchPage[] }[] = [];
  let open: { years: string[]; pages: SearchPage[] } | undefined;
  for (const year of [...byYear.keys()].sort()) {
    open ??= { years: [], pages: [] };
    open.years.push(year);
    open.pages.push(...byYear.get(year)!);
    if (open.pages.length >= partPages) {
      groups.push(open);
      open = undefined;
    }
  }
  if (open) groups.push(open);
  if (undated.length > 0) {
    const last = groups.at(-1);
    if (last) last.pages.push(...undated);
    else groups.push({ years: [], pages: undated });
  }
  const byPath = (a: SearchPage, b: SearchPage) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return groups.map(({ years, pages: inPart }) => ({
    name: years.length === 0 ? 'undated' : years.length === 1 ? years[0]! : `${years[0]}-${years.at(-1)}`,
    pages: inPart.sort(byPath),
  }));
}

/** Every HTML file under `dir`, as paths relative to it with `/` between folders, in no set order. */
async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

const pagefindVersion = (): string =>
  (
    JSON.parse(readFileSync(join(import.meta.dirname, '../node_modules/pagefind/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;

/** The key of a part: Pagefind's version, and every page's path and bytes, in order. */
function partKey(pages: readonly { path: string; html: string }[], version: string): string {
  const hash = createHash('sha256').update(`pagefind ${version}\n`);
  for (const { path, html } of pages) hash.update(`${path}\n${createHash('sha256').update(html).digest('hex')}\n`);
  return hash.digest('hex').slice(0, 32);
}

/** Copies `from` to `to` by hard links where the file system allows, else by copying. */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else {
      try {
        linkSync(source, target);
      } catch {
        cpSync(source, target);
      }
    }
  }
}

/** Indexes `pages` with Pagefind into `outputDir`; throws with Pagefind's errors. */
async function indexPart(pages: readonly { path: string; html: string }[], outputDir: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    for (const { path, html } of pages) {
      const added = await index.addHTMLFile({ sourcePath: path, content: html });
      if (added.errors.length > 0) throw new Error(`Pagefind could not index ${path}: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: outputDir });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
  } finally {
    await index.deleteIndex();
  }
}

/** What indexing the site did: the parts, oldest first, and which were indexed and which copied. */
export interface SearchIndexResult {
  parts: string[];
  indexed: string[];
  copied: string[];
}

/**
 * Writes the search index of the site in `siteDir` into its `pagefind/`
 * folder, part by part, copying from `cacheDir` each part already indexed
 * for the same pages, and lists the parts in `pagefind/parts.json`. The
 * cache keeps the parts of this build only.
 */
export async function writeSearchIndex(
  siteDir: string,
  cacheDir: string,
  partPages = PART_PAGES,
): Promise<SearchIndexResult> {
  const version = pagefindVersion();
  const searchable: (SearchPage & { html: string })[] = [];
  for (const path of (await htmlFiles(siteDir)).sort()) {
    if (path.startsWith(`${SEARCH_FOLDER}/`)) continue;
    const html = await readFile(join(siteDir, path), 'utf8');
    if (isSearchable(html)) searchable.push({ path, year: addressYear(path), html });
  }
  if (searchable.length === 0) throw new Error('no page of the site marks text for search (data-pagefind-body)');
  const htmlOf = new Map(searchable.map((page) => [page.path, page.html]));
  const parts = searchParts(searchable, partPages);
  const used = new Set<string>();
  const indexed: string[] = [];
  const copied: string[] = [];
  mkdirSync(cacheDir, { recursive: true });
  try {
    for (const part of parts) {
      const pages = part.pages.map(({ path }) => ({ path, html: htmlOf.get(path)! }));
      const key = partKey(pages, version);
      const cached = join(cacheDir, key);
      if (existsSync(cached)) copied.push(part.name);
      else {
        // Written beside its final name, then renamed, so a cached part is always whole.
        const writing = `${cached}.writing`;
        rmSync(writing, { recursive: true, force: true });
        await indexPart(pages, writing);
        renameSync(writing, cached);
        indexed.push(part.name);
      }
      used.add(key);
      linkTree(cached, join(siteDir, SEARCH_FOLDER, part.name));
    }
  } finally {
    await pagefind.close();
  }
  const listed = [...parts].reverse().map(({ name }) => `/${SEARCH_FOLDER}/${name}/`);
  await writeFile(join(siteDir, PARTS_FILE), `${JSON.stringify(listed)}\n`);
  for (const name of readdirSync(cacheDir))
    if (!used.has(name)) rmSync(join(cacheDir, name), { recursive: true, force: true });
  return { parts: parts.map(({ name }) => name), indexed, copied };
}

/**
 * `node scripts/search-index.ts <site folder> <cache folder>`: the build's
 * Pagefind step (scripts/build.ts), run as a process of its own like
 * Astro's, so that its failure, however it comes (an error, the Pagefind
 * program dying, memory), ends one step with a status the build reports.
 */
if (import.meta.main) {
  const [siteDir, cacheDir] = process.argv.slice(2);
  if (!siteDir || !cacheDir) throw new Error('usage: node scripts/search-index.ts <site folder> <cache folder>');
  try {
    const { parts, indexed, copied } = await writeSearchIndex(siteDir, cacheDir);
    const kept = copied.length > 0 ? `; ${copied.length} unchanged, kept` : '';
    console.log(`\nSearch index in ${parts.length} part(s): indexed ${indexed.join(', ') || 'none'}${kept}.`);
  } catch (error) {
    console.error(`\nThe search index could not be written: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
