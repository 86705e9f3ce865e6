/**
 * The pages of one change, rendered without Astro's build:
 * `node scripts/publish-pages.ts <staging> <site in place> <bundle> <record of the site> <new record>`.
 *
 * A publish (scripts/build.ts) runs this in place of `astro build` when the
 * site's code is the code that built the site in place and the build kept
 * its bundle (src/lib/render/bundle.ts). It syncs the content with the
 * site's own loaders (src/lib/render/content-sync.ts), lists every path of
 * the site with its key, and renders only the paths whose key changed, that
 * have none (the front page, feeds, sitemaps), or that are new, each into
 * the staging folder, which holds the files of the change alone (the publish
 * then puts them into the site in place). A publishing service
 * (scripts/publish-service.ts) runs it again and again in one process,
 * keeping the bundle loaded and the content store in memory between its
 * renders. What it cannot do the way a build would, it says before
 * writing anything but pages into the staging folder (a build then starts
 * that folder again), and exits with status 3; the publish then
 * runs Astro's build as before. A change naming an image its file did
 * not name before is one: the pages' code imports each content image for
 * the file that names it, and Astro's build generates the optimized files.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { RouteData } from 'astro';
import { dirname, join } from 'node:path';
import { GIVEN_STORE } from '../src/lib/integrations/content-store-fs.ts';
import {
  outputFile,
  readPageRecord,
  siteRecordOf,
  type PageRecord,
  writePageRecord,
  type StoredRecord,
} from '../src/lib/render/record.ts';
import { inPathScope } from '../src/lib/routes/path-scope.ts';
import { readAhead } from '../src/lib/read-ahead.ts';
import { astroCacheDir } from '../src/lib/content/root.ts';
import type { CollectionName } from '../src/lib/content/collections.ts';
import { bundlePrerenderer, nameStaticImages, requestPath } from '../src/lib/render/bundle.ts';
import type { ContentSync, ContentSyncer, StoredEntry } from '../src/lib/render/content-sync.ts';
import { site } from '../src/site.config.ts';
import {
  keptRecordChange,
  NEEDS_ASTRO,
  recordChange,
  recordChangeFile,
  recordWithKept,
  type RecordChange,
} from './site-record.ts';
import { readSearchMemo, searchAheadSettled, searchCacheDir, startSearchIndex } from './search-index.ts';

const project = join(import.meta.dirname, '..');

/** What a process keeps from one render to the next: the loaded bundle, its content sync, and the collections the pages read. */
interface Renderer {
  folder: string;
  bundle: ReturnType<typeof bundlePrerenderer>;
  syncer: ContentSyncer;
  /** The collections the pages read, the same map every time (Astro's content runtime keeps the first it is given). */
  given: Map<string, unknown>;
}
let renderer: Renderer | undefined;

async function readyRenderer(bundleFolder: string): Promise<Renderer> {
  if (renderer) {
    if (renderer.folder !== bundleFolder)
      throw new Error(`this process renders with the bundle in ${renderer.folder}, not ${bundleFolder}`);
    renderer.bundle.again();
    return renderer;
  }
  const bundle = bundlePrerenderer(() => bundleFolder);
  await bundle.setup?.();
  const syncer = await bundle.entry().contentSyncer(project, join(astroCacheDir(project), 'data-store.json'));
  const given = new Map<string, unknown>();
  // Read by the pages when they first ask for content (src/lib/integrations/content-store-fs.ts).
  (globalThis as Record<symbol, unknown>)[Symbol.for(GIVEN_STORE)] = given;
  renderer = { folder: bundleFolder, bundle, syncer, given };
  return renderer;
}

/**
 * Readies this process to render the site with the bundle in `bundleFolder`
 * before a publish asks (the publishing service's start): loads it, syncs
 * the content, lists every path, renders one path of each route and drops
 * it, and reads the record of the site's pages (`recordFile`) and the
 * search step's memo, which it then holds, so that the first publish runs
 * code already compiled over what is already parsed, and costs what the
 * later ones do (it took 0.5 s more before). The site, the content store
 * and the memos are left as they are.
 */
export async function warmUp([bundleFolder, recordFile]: readonly (string | undefined)[]): Promise<number> {
  if (!bundleFolder) throw new Error('warmUp: no bundle folder given');
  const { bundle } = await syncedRenderer(bundleFolder);
  const rendered = new Set<string>();
  for (const { pathname, route } of await bundle.getStaticPaths()) {
    if (rendered.has(route.route)) continue;
    rendered.add(route.route);
    await renderedPath(bundle, pathname, route).catch(() => undefined);
  }
  if (recordFile && existsSync(recordFile)) readPageRecord(recordFile);
  await readSearchMemo(searchCacheDir());
  return 0;
}

/**
 * The renderer of `bundleFolder`, its content synced and handed to the
 * pages, and the pages whose text the entries the sync changed (new ones
 * included) are (`entryPages`), when the renderer synced before.
 */
async function syncedRenderer(bundleFolder: string) {
  const { bundle, syncer, given } = await readyRenderer(bundleFolder);
  const before = new Map(
    [...given].map(([collection, entries]) => [collection, new Map(entries as ReadonlyMap<string, StoredEntry>)]),
  );
  const sync = await syncer.sync();
  given.clear();
  for (const [collection, entries] of sync.collections) given.set(collection, entries);
  if (before.size === 0) return { bundle, sync, changedPages: undefined };
  const changedPages = new Set<string>();
  for (const [collection, entries] of sync.collections)
    for (const entry of entries.values())
      if (before.get(collection)?.get(entry.id)?.digest !== entry.digest)
        for (const page of bundle.entry().entryPages(collection as CollectionName, entry)) changedPages.add(page);
  return { bundle, sync, changedPages: [...changedPages] };
}

/** The bytes of the path `pathname` of `route`, requested as Astro's build requests it. */
async function renderedPath(bundle: Renderer['bundle'], pathname: string, route: RouteData): Promise<Buffer> {
  const request = new Request(new URL(requestPath(pathname, route.type), site.url));
  const result = await bundle.render(request, { routeData: route, collectMetadata: false });
  return Buffer.from(await (result instanceof Response ? result : result.response).arrayBuffer());
}

/** How many of a change's paths render at once. */
const RENDERED_AT_ONCE = 4;

/** A change of more pages than this is no correction, and a publish renders none of them ahead. */
const AHEAD_PAGES = 10;

/**
 * Renders the pages at `pathnames` (those of the entries a sync changed)
 * and writes them into `staging`, before the routes list every path, and
 * starts Pagefind on their search part (scripts/search-index.ts,
 * `startSearchIndex`) over the pages of the site in place: Pagefind then
 * indexes while the routes list and the rest of the change renders. Run in
 * the listing's scope, a page is rendered only if its route lists it, its
 * key changed; it is the page the change renders, and so kept for it, by
 * its address. A page of another route, or none, is left to the listing.
 * What Pagefind indexed ahead is keyed by its pages' bytes, and used only
 * where the search step finds that key.
 */
async function renderAhead(
  bundle: Renderer['bundle'],
  pathnames: readonly string[],
  staging: string,
  over: { site: string; pages: PageRecord },
): Promise<Map<string, { route: RouteData; file: string }>> {
  const ahead = new Map<string, { route: RouteData; file: string }>();
  for (const pathname of pathnames) {
    const route = bundle.routeOf(new Request(new URL(pathname, site.url)));
    if (!route) continue;
    let body: Buffer;
    try {
      body = await renderedPath(bundle, pathname, route);
    } catch {
      continue;
    }
    const file = outputFile(pathname, route.type);
    mkdirSync(dirname(join(staging, file)), { recursive: true });
    writeFileSync(join(staging, file), body);
    ahead.set(pathname, { route, file });
  }
  if (ahead.size > 0) {
    // The site's pages, and those of new addresses.
    const pages = Object.values(over.pages);
    for (const [pathname, { file }] of ahead) if (over.pages[pathname] !== file) pages.push(file);
    await startSearchIndex(staging, searchCacheDir(), { site: over.site, pages }).catch(() => undefined);
  }
  return ahead;
}

/**
 * Renders the change into `staging`, over the site in place at `target`,
 * with the bundle in `bundleFolder`; the record of the site's pages is read
 * from `lastRecordFile`, the new one written to `newRecordFile` with the
 * same stamps (the same folder, changed in place, and the same code), ready
 * to be renamed into place, and what it changes of the site's files beside
 * it (`recordChangeFile`). Resolves with the process's exit status: 0, or
 * `NEEDS_ASTRO`. With `indexAhead` (the publishing service, where the
 * search step runs next in the same process), Pagefind starts on the
 * change's search part as soon as its pages are written
 * (scripts/search-index.ts, `startSearchIndex`).
 */
export async function publishPages(
  [staging, target, bundleFolder, lastRecordFile, newRecordFile]: readonly (string | undefined)[],
  { indexAhead = false } = {},
): Promise<number> {
  if (!staging || !target || !bundleFolder || !lastRecordFile || !newRecordFile)
    throw new Error('usage: publish-pages.ts <staging> <site> <bundle> <record of the site> <new record>');
  // Pagefind may still be reading the pages of a publish that failed after this step, in this staging folder.
  await searchAheadSettled();
  const { bundle, sync, changedPages } = await syncedRenderer(bundleFolder);
  if (sync.newImages.length > 0)
    return needsAstro(
      `the change names an image its file did not name before (${sync.newImages.slice(0, 3).join(', ')})`,
    );
  // Once this step has written its change, Pagefind may still read it: the search step waits for it, and a
  // build that goes on without the change (Astro's, or none) only once it is done.
  let code = 1;
  try {
    code = await renderChange(bundle, sync, [staging, target, newRecordFile], readPageRecord(lastRecordFile), {
      ahead: indexAhead && changedPages && changedPages.length <= AHEAD_PAGES ? changedPages : [],
      indexAhead,
    });
    return code;
  } finally {
    if (code !== 0) await searchAheadSettled();
  }
}

async function renderChange(
  bundle: Renderer['bundle'],
  sync: ContentSync,
  [staging, target, newRecordFile]: [string, string, string],
  last: StoredRecord,
  { ahead, indexAhead }: { ahead: readonly string[]; indexAhead: boolean },
): Promise<number> {
  const images = new Set<string>();
  nameStaticImages(({ file }) => images.add(file));
  const { paths, now, change, early } = await listChange(bundle, last, () =>
    renderAhead(bundle, ahead, staging, { site: target, pages: last.pages }),
  );
  // The first route to give a path generates it, as in Astro's build (and its record).
  const chosen = paths.filter(({ pathname, route }) => now.pages[pathname] === outputFile(pathname, route.type));
  const changed = chosen.filter(({ pathname }) => {
    const key = now.keys[pathname];
    return key === undefined || last.keys[pathname] !== key || last.pages[pathname] !== now.pages[pathname];
  });

  type Rendered = [file: string, body: Buffer | undefined];
  const render = async ({ pathname, route }: (typeof changed)[number]): Promise<Rendered> => {
    // A page rendered ahead by the route that generates it is already in the staging folder.
    const file = now.pages[pathname]!;
    const earlier = early.get(pathname);
    if (earlier?.file === file && earlier.route.route === route.route) {
      early.delete(pathname);
      return [file, undefined];
    }
    return [file, await renderedPath(bundle, pathname, route)];
  };
  // A few at a time: a share card is rasterised off the thread (src/lib/share-card/draw-fs.ts), and the
  // other paths render meanwhile. Astro's app renders each request in a scope of its own.
  const renderAll = async (paths: typeof changed): Promise<Rendered[]> => {
    const all: Rendered[] = [];
    for await (const one of readAhead(paths, RENDERED_AT_ONCE, render)) all.push(one);
    return all;
  };
  const written: string[] = [];
  const writeAll = (files: readonly Rendered[]) => {
    for (const [file, body] of files) {
      const path = join(staging, file);
      if (body) {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, body);
      }
      written.push(file);
    }
  };
  // The pages first, and Pagefind started on their search part, then the other files (feeds, sitemaps,
  // cards), which no part holds: a part whose pages were not all rendered ahead (a live update that moved
  // others to another page of its blog) is indexed while they render. Written before the check of their
  // images, as the pages rendered ahead are: a change that needs Astro's build starts its staging again.
  const isPage = ({ route }: (typeof changed)[number]) => route.type === 'page';
  const pages = await renderAll(changed.filter(isPage));
  // Pages rendered ahead that the change does not hold: gone, once Pagefind no longer reads them.
  if (early.size > 0) {
    await searchAheadSettled();
    for (const { file } of early.values()) rmSync(join(staging, file), { force: true });
  }
  writeAll(pages);
  // The search step that follows in this process waits for the part Pagefind indexes meanwhile.
  if (indexAhead)
    await startSearchIndex(staging, searchCacheDir(), { site: target, pages: Object.values(now.pages) }).catch(
      () => undefined,
    );
  const files = await renderAll(changed.filter((path) => !isPage(path)));
  const missingImages = [...images].filter((file) => !existsSync(join(target, decodeURI(file))));
  if (missingImages.length > 0)
    return needsAstro(
      `its pages show image sizes the site does not have yet (${missingImages.slice(0, 3).join(', ')})`,
    );
  writeAll(files);
  // Astro's cache holds another version of these, for as long as Astro's build has not run again (scripts/build.ts).
  const gone = new Set(change.removed);
  const rendered = new Set([...last.rendered, ...written].filter((file) => !gone.has(file)));
  writePageRecord(newRecordFile, { ...last, ...now, rendered: [...rendered] });
  writeFileSync(recordChangeFile(newRecordFile), JSON.stringify(change));
  await sync.save();
  const first = pages.filter(([, body]) => !body).length;
  const firstNote = first > 0 ? `, ${first} of them before the others, for Pagefind to index meanwhile` : '';
  console.log(
    `Rendered ${written.length} of ${Object.keys(now.pages).length} path(s) without Astro's build${firstNote}.`,
  );
  return 0;
}

/**
 * The paths of the change, the record of the new site and what it changes
 * of the site's files, with what `first` gives, run in the listing's scope
 * before the routes list their paths. The routes leave out each keyed path
 * the site in place holds with the same key (src/lib/routes/path-scope.ts),
 * and the record keeps it as `last` has it. Should a path listed be one
 * left out by another route, every path is listed again, as in a build,
 * for Astro's choice of the route that generates it.
 */
async function listChange<Early>(
  bundle: Renderer['bundle'],
  last: StoredRecord,
  first: () => Promise<Early>,
): Promise<{
  paths: Awaited<ReturnType<Renderer['bundle']['getStaticPaths']>>;
  now: Pick<StoredRecord, 'pages' | 'keys'>;
  change: RecordChange;
  early: Early;
}> {
  const kept = new Set<string>();
  const unchanged = (address: string, key: string) => {
    if (last.keys[address] !== key) return false;
    kept.add(address);
    return true;
  };
  const { paths, early } = await inPathScope({ unchanged }, async () => {
    const done = await first();
    return { paths: await bundle.getStaticPaths(), early: done };
  });
  const listed = siteRecordOf(paths);
  const now = recordWithKept(last, kept, listed);
  if (now) return { paths, now, change: keptRecordChange(last.pages, kept, listed.pages), early };
  bundle.again();
  const all = await bundle.getStaticPaths();
  const record = siteRecordOf(all);
  return { paths: all, now: record, change: recordChange(last.pages, record.pages), early };
}

function needsAstro(why: string): number {
  console.log(`Publish: ${why}, so Astro's build renders it.`);
  return NEEDS_ASTRO;
}

// The process ends by its exit code, never by `process.exit()`, which drops what a pipe has not taken yet.
if (import.meta.main) {
  try {
    process.exitCode = await publishPages(process.argv.slice(2));
  } catch (error) {
    // A content problem's list is already printed; its error only counts them, with no stack.
    console.error(error instanceof Error && error.stack ? error.stack : String(error));
    process.exitCode = 1;
  }
}
