/**
 * The site's search index, written in parts so that publishing one change
 * indexes one part again, not the archive (docs/decisions.md, "The search
 * index is written in parts").
 *
 * A page is searchable when it marks its text with `data-pagefind-body`.
 * Searchable pages are grouped by the day in their address (an article's
 * `/<section>/<year>/<month>/<day>/<slug>/`): whole days, oldest first,
 * until a part holds at least `partPages` pages; pages with no day in their
 * address (live blogs) go into the newest part. A new article or a live
 * update therefore changes the newest part only, and a correction the part
 * of its article's day, while the older parts keep their pages and so
 * their bounds. A part holds at most `partPages` pages and one day's more,
 * however large the archive, so what a publish indexes does not grow with
 * it.
 *
 * A part is keyed by what Pagefind reads of its pages: each page's bytes
 * without the elements marked `data-pagefind-ignore="all"`, which Pagefind
 * skips whole. The time of a live blog's latest update beside an article's
 * link to it is one, so a live update does not index the article's part
 * again.
 *
 * Each part is one Pagefind index in a folder of `pagefind/` named by its
 * first and last days and the start of its key
 * (`2024-03-02-to-2024-05-30.3f2a9c1d0b4e/`; `2025-01-07.…/` for a part of
 * one day), so a part indexed again is a new folder, and `pagefind/parts.json` lists them,
 * newest first, for the search page, which searches them all at once
 * (Pagefind's `mergeIndex`). A part is
 * written once for what it holds: its key is a hash of Pagefind's version
 * and of every page it indexes (address and bytes), and a part whose key is
 * in the cache is copied from there instead of indexed. Pagefind writes the
 * same files for the same pages in a folder the file system lists in the
 * same order, so a copied part is what indexing again would have written.
 * The folder its pages are linked into is in memory (`/dev/shm`), which
 * lists its entries in the reverse of the order they were made, and they
 * are made in path order; where there is none, it is the system's
 * temporary folder, whose file system may list them in another order
 * (ext4's depends on its hash seed), and Pagefind's index files, not its
 * fragments, with it: the same search, other bytes. The cache is among
 * the build's own (`buildCacheRoot`).
 */
import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import {
  cpSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Parser } from 'htmlparser2';
import { buildCacheRoot } from '../src/lib/content/root.ts';
import { fileSignature, readMemo, writeMemo } from '../src/lib/file-memo.ts';
import { READ_AHEAD, readAhead } from '../src/lib/read-ahead.ts';
import { siteFiles } from './site-files.ts';
import { processIsAlive } from './staged-output.ts';
import { readPageRecord } from '../src/lib/render/record.ts';

/** Whole days go into a part until it holds this many pages: see docs/decisions.md for the balance. */
export const PART_PAGES = Number(process.env.BROADSIDE_SEARCH_PART_PAGES ?? 1000);

/** The folder under the site's root that holds every part, and the list of them. */
export const SEARCH_FOLDER = 'pagefind';
export const PARTS_FILE = `${SEARCH_FOLDER}/parts.json`;

/** A page of the built site: its path under the output folder (`world/2022/05/23/slug/index.html`). */
export interface SearchPage {
  path: string;
  /** The day in the page's address (`2022-05-23`), when it has one. */
  day?: string;
}

/** One part of the index: its folder name under `pagefind/`, and its pages. */
export interface SearchPart<Page extends SearchPage = SearchPage> {
  name: string;
  pages: Page[];
}

const SEARCH_BODY = Buffer.from('data-pagefind-body');
const [LESS_THAN, GREATER_THAN] = [0x3c, 0x3e];

/**
 * Whether an HTML page marks text for the search index: `data-pagefind-body`
 * as an attribute, inside a start tag. Text on a page has its `<` escaped,
 * so an article about the attribute is not taken for one.
 */
export function isSearchable(html: Buffer | string): boolean {
  const bytes = typeof html === 'string' ? Buffer.from(html) : html;
  for (let at = bytes.indexOf(SEARCH_BODY); at !== -1; at = bytes.indexOf(SEARCH_BODY, at + 1)) {
    const after = bytes[at + SEARCH_BODY.length];
    const whole = after === undefined || /[\s=>/]/.test(String.fromCharCode(after));
    const inTag = bytes.lastIndexOf(LESS_THAN, at) > bytes.lastIndexOf(GREATER_THAN, at);
    if (whole && inTag && /\s/.test(String.fromCharCode(bytes[at - 1] ?? 0))) return true;
  }
  return false;
}

const IGNORED_WHOLE = Buffer.from('data-pagefind-ignore="all"');

/**
 * What Pagefind reads of a page, to key its part by: the page without the
 * elements marked `data-pagefind-ignore="all"`, which Pagefind skips with
 * everything in them (text, filters, metadata). A page with none is its
 * bytes; any other is parsed (htmlparser2) so that an element's end is
 * found as a browser would find it.
 */
export function searchedHtml(html: Buffer): Buffer {
  if (html.indexOf(IGNORED_WHOLE) === -1) return html;
  const text = html.toString('utf8');
  const skipped: [start: number, end: number][] = [];
  let depth = 0;
  let start = 0;
  const parser: Parser = new Parser({
    onopentag(_name, attributes) {
      if (depth > 0) depth += 1;
      else if (attributes['data-pagefind-ignore'] === 'all') [depth, start] = [1, parser.startIndex];
    },
    // An element closed by what follows it (`<p>` by the next `<p>`) ends where that begins.
    onclosetag(_name, implied) {
      if (depth > 0 && --depth === 0)
        skipped.push([start, Math.max(start, implied ? parser.startIndex : parser.endIndex + 1)]);
    },
  });
  parser.end(text);
  let kept = '';
  let from = 0;
  for (const [at, to] of skipped) [kept, from] = [kept + text.slice(from, at), to];
  return Buffer.from(kept + text.slice(from));
}

/** The day of an article's address (`world/2022/05/23/slug/index.html`: `2022-05-23`), or `undefined`. */
export function addressDay(path: string): string | undefined {
  const found = /^[^/]+\/(\d{4})\/(\d{2})\/(\d{2})\/[^/]+\/index\.html$/.exec(path);
  return found ? `${found[1]}-${found[2]}-${found[3]}` : undefined;
}

/**
 * The parts `pages` are indexed in, oldest first: whole days in order, a
 * part closed once it holds `partPages` pages, and the pages without a day
 * in the last part. Within a part, pages are in path order, so a part is
 * the same whatever order the pages were found in.
 */
export function searchParts<Page extends SearchPage>(
  pages: readonly Page[],
  partPages = PART_PAGES,
): SearchPart<Page>[] {
  const byDay = Map.groupBy(pages, (page) => page.day ?? '');
  const undated = byDay.get('') ?? [];
  byDay.delete('');
  const groups: { days: string[]; pages: Page[] }[] = [];
  let open: { days: string[]; pages: Page[] } | undefined;
  for (const day of [...byDay.keys()].sort()) {
    open ??= { days: [], pages: [] };
    open.days.push(day);
    for (const page of byDay.get(day)!) open.pages.push(page);
    if (open.pages.length >= partPages) {
      groups.push(open);
      open = undefined;
    }
  }
  if (open) groups.push(open);
  if (undated.length > 0) {
    const last = groups.at(-1);
    if (last) for (const page of undated) last.pages.push(page);
    else groups.push({ days: [], pages: undated });
  }
  const byPath = (a: SearchPage, b: SearchPage) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return groups.map(({ days, pages: inPart }) => ({
    name: days.length === 0 ? 'undated' : days.length === 1 ? days[0]! : `${days[0]}-to-${days.at(-1)}`,
    pages: inPart.sort(byPath),
  }));
}

const project = join(import.meta.dirname, '..');

/** Where a build keeps the search parts it indexed, among its caches (`buildCacheRoot`). */
export const searchCacheDir = (cacheRoot = buildCacheRoot(project)): string => join(cacheRoot, 'broadside-search');

const pagefindVersion = (): string =>
  (JSON.parse(readFileSync(join(project, 'node_modules/pagefind/package.json'), 'utf8')) as { version: string })
    .version;

/** A searchable page and the hash of its bytes. */
type HashedPage = SearchPage & { hash: string };

/**
 * What the last run read of each page, by its path: the file's signature
 * (src/lib/file-memo.ts) and the hash of what Pagefind reads of it if it is searchable
 * (`null` if not). A page whose file is the one read last time is not read.
 */
type PageRead = [signature: string, hash: string | null];
/**
 * What a run keeps of what it read: every page, and the signature of the
 * list of parts it wrote. A build or publish puts that list into the site
 * in place by renaming it, as it does every other file it wrote, so a site
 * in place whose list has that signature holds the pages that run read
 * (or wrote), untouched since: the next publish over it trusts what it
 * read of them without asking the file system about each.
 */
interface PagesRead {
  pages: Record<string, PageRead>;
  parts?: string | undefined;
}
const PAGES_READ = 'pages-read.json';

/** What the last run in `cacheDir` read of the pages (held by this process from then on: src/lib/file-memo.ts). */
export const readSearchMemo = async (cacheDir: string): Promise<Partial<PagesRead>> =>
  await readMemo<unknown>(join(cacheDir, PAGES_READ));

/** The key of a part: Pagefind's version, and every page's path and what Pagefind reads of it, in order. */
function partKey(pages: readonly HashedPage[], version: string): string {
  const hash = createHash('sha256').update(`pagefind ${version}\n`);
  for (const { path, hash: bytes } of pages) hash.update(`${path}\n${bytes}\n`);
  return hash.digest('hex').slice(0, 32);
}

/** Links `file` at `to`, or copies it where the file system cannot link. */
function linkFile(file: string, to: string): void {
  try {
    linkSync(file, to);
  } catch {
    cpSync(file, to);
  }
}

/** Copies the tree `from` to `to`, by hard links where the file system allows. */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.isDirectory()) linkTree(join(from, entry.name), join(to, entry.name));
    else linkFile(join(from, entry.name), join(to, entry.name));
  }
}

/**
 * Where a part's pages are gathered for Pagefind: a folder in memory where
 * the system has one (`/dev/shm`), since a part's thousand folders took
 * 0.1 s to make and as long to delete on disk, and a twentieth of that in
 * memory.
 */
export const PAGES_TEMP = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

/** The start of the name of every folder of links, which the id of the process that made it follows. */
const LINKS_FOLDER = 'broadside-search-pages-';

/** The start of the name of a folder of links made by the process `pid`. */
export const linksFolderPrefix = (pid: number): string => `${LINKS_FOLDER}${pid}-`;

/**
 * Deletes the folders of links left by processes no longer running: one
 * killed while Pagefind read its part never deleted its own, and a folder
 * in memory lasts until the machine restarts.
 */
function clearLeftLinks(): void {
  const named = new RegExp(`^${LINKS_FOLDER}(\\d+)-`);
  for (const name of readdirSync(PAGES_TEMP)) {
    const pid = named.exec(name)?.[1];
    if (pid !== undefined && !processIsAlive(Number(pid)))
      rmSync(join(PAGES_TEMP, name), { recursive: true, force: true });
  }
}

const runFile = promisify(execFile);

/**
 * Indexes `pages` into `outputDir`, each page's file at `locate(path)`:
 * Pagefind's own program over a folder holding those pages alone (links to
 * their files, at their paths), which reads and parses them in parallel,
 * natively. Pagefind follows the links and names each page by its path in
 * the folder, so the index is the one it writes over the files themselves.
 */
async function indexPart(
  locate: (path: string) => string,
  pages: readonly SearchPage[],
  outputDir: string,
  name: string,
): Promise<void> {
  // Made and started before the first wait: a caller that then holds the thread (a render listing every
  // path) does not hold Pagefind back.
  const pagesDir = mkdtempSync(join(PAGES_TEMP, linksFolderPrefix(process.pid)));
  try {
    for (const { path } of pages) {
      mkdirSync(dirname(join(pagesDir, path)), { recursive: true });
      symlinkSync(resolve(locate(path)), join(pagesDir, path));
    }
    const { stdout } = await runFile(
      join(project, 'node_modules/.bin/pagefind'),
      ['--site', pagesDir, '--output-path', outputDir],
      { maxBuffer: 64 * 1024 * 1024 },
    ).catch((error: unknown) => {
      const {
        stdout: out,
        stderr,
        code,
        signal,
      } = error as {
        stdout?: string;
        stderr?: string;
        code?: number | string;
        signal?: string | null;
      };
      const said = `${out ?? ''}\n${stderr ?? ''}`.trim().split('\n').slice(-5).join('\n');
      const end = signal ? `was killed by ${signal}` : `exited with status ${code}`;
      throw new Error(`Pagefind ${end} while indexing part ${name}${said ? `:\n${said}` : ''}`, { cause: error });
    });
    // A page it could not read is one it leaves out: such a part is not the part of these pages.
    const count = /Indexed (\d+) pages?\b/.exec(stdout)?.[1];
    if (count !== String(pages.length))
      throw new Error(`Pagefind indexed ${count ?? 'no'} page(s) of the ${pages.length} of part ${name}`);
  } finally {
    await rm(pagesDir, { recursive: true, force: true });
  }
}

/**
 * Puts a part into the cache folder `cached`, as `write` writes it into the
 * folder it is given: beside its final name, then renamed, so a cached part
 * is always whole.
 */
async function intoCache(cached: string, write: (folder: string) => void | Promise<void>): Promise<void> {
  const writing = `${cached}.${randomUUID()}.writing`;
  try {
    await write(writing);
    // Another run that wrote the same pages meanwhile wrote the same part.
    if (!existsSync(cached)) renameSync(writing, cached);
  } finally {
    rmSync(writing, { recursive: true, force: true });
  }
}

/** Indexes `part` into the cache folder `cached` (`intoCache`). */
const indexIntoCache = (cached: string, locate: (path: string) => string, part: SearchPart): Promise<void> =>
  intoCache(cached, (folder) => indexPart(locate, part.pages, folder, part.name));

/** The folder of the cache that what a run no longer needs is moved into, to be deleted once the run is done. */
const DISCARDED = '.discarded';

/** What indexing the site did: the parts, oldest first, and which were indexed and which copied. */
export interface SearchIndexResult {
  parts: string[];
  indexed: string[];
  copied: string[];
}

/**
 * The site in place, for a publish whose folder holds the files of its
 * change alone (scripts/staged-output.ts, `applyChange`): its folder, and
 * every page of the site once changed (src/lib/render/record.ts).
 */
export interface SiteInPlace {
  site: string;
  pages: readonly string[];
}

/** The folder of a part under `pagefind/`: its name and its key, so that a part indexed again is a new folder. */
export const partFolder = (name: string, key: string) => `${name}.${key.slice(0, 12)}`;

/** The name of the part `/pagefind/<name>.<key>/` of the list of parts. */
export function partName(listed: string): string {
  const name = /^\/pagefind\/(.+)\.[0-9a-f]{12}\/$/.exec(listed)?.[1];
  if (name === undefined) throw new Error(`${listed} is not the folder of a search part`);
  return name;
}

/** What a run finds of the site: what it read of each page, and the parts, oldest first, each with its key. */
interface SearchPlan {
  read: Record<string, PageRead>;
  parts: (SearchPart<HashedPage> & { key: string })[];
  /** Where a page's file is: in the site's folder, or in the site in place for a page the change leaves as it is. */
  locate: (path: string) => string;
}

/** The pages of the site in `siteDir`: its index's own folder is not walked, its files are no pages. */
const pagesIn = (siteDir: string): string[] => siteFiles(siteDir, '.html', (path) => path === SEARCH_FOLDER);

/**
 * What a plan was made from, but for the pages of the site in place: the
 * folders, the part size, and the signature of each page of the change, of
 * the list of parts in place and of what the last run read.
 */
function planInputs(siteDir: string, cacheDir: string, partPages: number, over: SiteInPlace): string {
  const files = pagesIn(siteDir).map((path) => `${path} ${fileSignature(join(siteDir, path))}`);
  const memos = [join(over.site, PARTS_FILE), join(cacheDir, PAGES_READ)].map(fileSignature);
  return JSON.stringify([siteDir, cacheDir, partPages, over.site, files, memos]);
}

/** The plan `startSearchIndex` made, for the search step over the same change to take rather than make again. */
let plannedAhead: { inputs: string; pages: readonly string[]; plan: SearchPlan } | undefined;

/** The plan made ahead for these arguments, if there is one and nothing it was made from has changed since. */
function takePlannedAhead(
  siteDir: string,
  cacheDir: string,
  partPages: number,
  over: SiteInPlace | undefined,
): SearchPlan | undefined {
  const ahead = plannedAhead;
  plannedAhead = undefined;
  if (!over || ahead?.pages.length !== over.pages.length) return undefined;
  if (ahead.inputs !== planInputs(siteDir, cacheDir, partPages, over)) return undefined;
  return ahead.pages.every((path, at) => path === over.pages[at]) ? ahead.plan : undefined;
}

/** Reads what it must of the pages of the site in `siteDir` (over the site in place `over`), and splits them into parts. */
async function planSearchIndex(
  siteDir: string,
  cacheDir: string,
  partPages: number,
  over: SiteInPlace | undefined,
): Promise<SearchPlan> {
  if (!Number.isInteger(partPages) || partPages < 1)
    throw new Error(
      `a part must hold a whole number of pages, 1 or more (BROADSIDE_SEARCH_PART_PAGES), not ${partPages}`,
    );
  const version = pagefindVersion();
  const written = pagesIn(siteDir);
  // In no order: a part sorts its pages (`searchParts`).
  const paths = over ? over.pages.filter((path) => path.endsWith('.html')) : written;
  const inChange = new Set(written);
  const locate = (path: string) => join(over && !inChange.has(path) ? over.site : siteDir, path);
  const last = await readSearchMemo(cacheDir);
  const lastRead = last.pages ?? {};
  const read: Record<string, PageRead> = {};
  const searchable: HashedPage[] = [];
  const add = (path: string, [, hash]: PageRead) => {
    if (hash !== null) searchable.push({ path, day: addressDay(path), hash });
  };
  // The pages in place that the last run read, when the site in place is the one it read.
  const trusted = over && last.parts !== undefined && last.parts === fileSignature(join(over.site, PARTS_FILE));
  const toRead: string[] = [];
  for (const path of paths) {
    const known = trusted && !inChange.has(path) ? lastRead[path] : undefined;
    if (known) {
      read[path] = known;
      add(path, known);
    } else toRead.push(path);
  }
  for await (const [path, known] of readAhead(toRead, READ_AHEAD, async (path): Promise<[string, PageRead]> => {
    const file = locate(path);
    const signature = fileSignature(file) ?? '';
    const known = lastRead[path];
    if (known?.[0] === signature) return [path, known];
    const bytes = await readFile(file);
    return [
      path,
      [signature, isSearchable(bytes) ? createHash('sha256').update(searchedHtml(bytes)).digest('hex') : null],
    ];
  })) {
    read[path] = known;
    add(path, known);
  }
  if (searchable.length === 0) throw new Error('no page of the site marks text for search (data-pagefind-body)');
  const parts = searchParts(searchable, partPages).map((part) => ({ ...part, key: partKey(part.pages, version) }));
  return { read, parts, locate };
}

/** The folder of the site in place that holds the part `folder` whole, if it does. */
function partInPlace(over: SiteInPlace | undefined, folder: string): string | undefined {
  const path = over && join(over.site, SEARCH_FOLDER, folder);
  return path && existsSync(join(path, 'pagefind-entry.json')) ? path : undefined;
}

/**
 * The parts this process started indexing into a cache before the run that
 * writes the index (`startSearchIndex`), by the folder each will have there;
 * each resolves with whether it was indexed.
 */
const indexedAhead = new Map<string, Promise<boolean>>();

/**
 * Starts indexing into `cacheDir` the parts that `writeSearchIndex` with the
 * same arguments would index, and resolves once they are under way, not
 * done: each part's Pagefind process is running by then, for the render
 * that called it goes on listing every path without giving the event loop
 * a turn (started on the loop's next turn, Pagefind waited 0.7 s for the
 * listing at 50,000 articles). A publish's render starts them as soon as
 * the pages of its change are written, so Pagefind runs while the render
 * finishes and the build moves on to the search step, which then waits
 * for them (scripts/publish-pages.ts). A part is keyed by its pages'
 * bytes, so what is indexed ahead is the part the search step needs, or a
 * part it does not ask for and drops from the cache. A part that fails is
 * left to the search step, which indexes it again and says why it fails.
 * The search step also takes the pages read and the parts found here, as
 * long as the change's pages, the site's pages and the memos they came
 * from are the same.
 */
export async function startSearchIndex(
  siteDir: string,
  cacheDir: string,
  over: SiteInPlace,
  partPages = PART_PAGES,
): Promise<void> {
  const plan = await planSearchIndex(siteDir, cacheDir, partPages, over);
  plannedAhead = { inputs: planInputs(siteDir, cacheDir, partPages, over), pages: over.pages, plan };
  const { parts, locate } = plan;
  mkdirSync(cacheDir, { recursive: true });
  for (const part of parts) {
    const cached = join(cacheDir, part.key);
    if (indexedAhead.has(cached) || existsSync(cached) || partInPlace(over, partFolder(part.name, part.key))) continue;
    indexedAhead.set(
      cached,
      indexIntoCache(cached, locate, part).then(
        () => true,
        () => false,
      ),
    );
  }
}

/** Resolves once every part started ahead (`startSearchIndex`) is indexed or has failed: their pages may then go. */
export async function searchAheadSettled(): Promise<void> {
  await Promise.all(indexedAhead.values());
}

/**
 * Writes the search index of the site in `siteDir` into its `pagefind/`
 * folder, part by part, copying from `cacheDir` each part already indexed
 * for the same pages, and lists the parts in `pagefind/parts.json`. The
 * cache keeps the parts of this build only: the others are moved aside and
 * deleted before it resolves or, with `clearLater`, after, so that the
 * publishing service answers first.
 */
export async function writeSearchIndex(
  siteDir: string,
  cacheDir: string,
  partPages = PART_PAGES,
  over?: SiteInPlace,
  clearLater = false,
): Promise<SearchIndexResult> {
  const { read, parts, locate } =
    takePlannedAhead(siteDir, cacheDir, partPages, over) ?? (await planSearchIndex(siteDir, cacheDir, partPages, over));
  const used = new Set<string>([PAGES_READ, DISCARDED]);
  const discarded = join(cacheDir, DISCARDED);
  const discard = (path: string) => {
    if (!existsSync(path)) return;
    mkdirSync(discarded, { recursive: true });
    renameSync(path, join(discarded, `${basename(path)}.${randomUUID()}`));
  };
  const indexed: string[] = [];
  const copied: string[] = [];
  const folders: string[] = [];
  mkdirSync(cacheDir, { recursive: true });
  for (const part of parts) {
    const { key } = part;
    const cached = join(cacheDir, key);
    const folder = partFolder(part.name, key);
    const ahead = indexedAhead.get(cached);
    const doneAhead = ahead !== undefined && (await ahead);
    // A part the site in place has already: kept there, and put back in the cache if it is not there.
    const inPlace = partInPlace(over, folder);
    if (inPlace && !existsSync(cached)) await intoCache(cached, (into) => linkTree(inPlace, into));
    if (existsSync(cached)) (doneAhead ? indexed : copied).push(part.name);
    else {
      await indexIntoCache(cached, locate, part);
      indexed.push(part.name);
    }
    used.add(key);
    if (!inPlace) linkTree(cached, join(siteDir, SEARCH_FOLDER, folder));
    folders.push(folder);
  }
  // Parts started ahead for another site than this one are done before the cache drops them.
  await searchAheadSettled();
  indexedAhead.clear();
  const listed = folders.reverse().map((folder) => `/${SEARCH_FOLDER}/${folder}/`);
  mkdirSync(join(siteDir, SEARCH_FOLDER), { recursive: true });
  await writeFile(join(siteDir, PARTS_FILE), `${JSON.stringify(listed)}\n`);
  await writeMemo(join(cacheDir, PAGES_READ), { pages: read, parts: fileSignature(join(siteDir, PARTS_FILE)) });
  for (const name of readdirSync(cacheDir)) if (!used.has(name)) discard(join(cacheDir, name));
  clearLeftLinks();
  // Deleted by the next run if this one cannot (a file in use, or the process ends first).
  const cleared = rm(discarded, { recursive: true, force: true }).catch(() => undefined);
  if (!clearLater) await cleared;
  return { parts: parts.map(({ name }) => name), indexed, copied };
}

/**
 * `node scripts/search-index.ts <site folder> <cache folder> [<site in place> <record of the pages>]`:
 * the build's Pagefind step (scripts/build.ts), run as a process of its own
 * like Astro's, so that its failure, however it comes (an error, the
 * Pagefind program dying, memory), ends one step with a status the build
 * reports. With the last two, the site folder holds a publish's change
 * alone, over the site in place, and the record lists the site's pages.
 */
export async function searchStep([siteDir, cacheDir, inPlace, recordFile]: readonly (
  string | undefined
)[]): Promise<number> {
  if (!siteDir || !cacheDir)
    throw new Error(
      'usage: node scripts/search-index.ts <site folder> <cache folder> [<site in place> <record of the pages>]',
    );
  try {
    const over =
      inPlace && recordFile ? { site: inPlace, pages: Object.values(readPageRecord(recordFile).pages) } : undefined;
    // A process of its own waits for the deletion before it ends; the publishing service answers before it.
    const { parts, indexed, copied } = await writeSearchIndex(siteDir, cacheDir, PART_PAGES, over, true);
    const kept = copied.length > 0 ? `; ${copied.length} unchanged, kept` : '';
    console.log(`\nSearch index in ${parts.length} part(s): indexed ${indexed.join(', ') || 'none'}${kept}.`);
    return 0;
  } catch (error) {
    console.error(`\nThe search index could not be written: ${(error as Error).message}`);
    return 1;
  }
}

if (import.meta.main) process.exitCode = await searchStep(process.argv.slice(2));
