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
 * renders. What it cannot do the way a build would, it
 * says before writing anything, and exits with status 3; the publish then
 * runs Astro's build as before. A change naming an image its file did
 * not name before is one: the pages' code imports each content image for
 * the file that names it, and Astro's build generates the optimized files.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GIVEN_STORE } from '../src/lib/integrations/content-store-fs.ts';
import {
  outputFile,
  readPageRecord,
  siteRecordOf,
  writePageRecord,
  type StoredRecord,
} from '../src/lib/render/record.ts';
import { inPathScope } from '../src/lib/routes/path-scope.ts';
import { astroCacheDir } from '../src/lib/content/root.ts';
import { bundlePrerenderer, nameStaticImages, requestPath } from '../src/lib/render/bundle.ts';
import type { ContentSyncer } from '../src/lib/render/content-sync.ts';
import { site } from '../src/site.config.ts';
import { NEEDS_ASTRO, recordChange, recordChangeFile, recordWithKept } from './site-record.ts';

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
 * the content, and lists every path, so that the first publish costs what
 * the later ones do. The site and the content store are left as they are.
 */
export async function warmUp([bundleFolder]: readonly (string | undefined)[]): Promise<number> {
  if (!bundleFolder) throw new Error('warmUp: no bundle folder given');
  const { bundle } = await syncedRenderer(bundleFolder);
  await bundle.getStaticPaths();
  return 0;
}

/** The renderer of `bundleFolder`, its content synced and handed to the pages. */
async function syncedRenderer(bundleFolder: string) {
  const { bundle, syncer, given } = await readyRenderer(bundleFolder);
  const sync = await syncer.sync();
  given.clear();
  for (const [collection, entries] of sync.collections) given.set(collection, entries);
  return { bundle, sync };
}

/**
 * Renders the change into `staging`, over the site in place at `target`,
 * with the bundle in `bundleFolder`; the record of the site's pages is read
 * from `lastRecordFile`, the new one written to `newRecordFile` with the
 * same stamps (the same folder, changed in place, and the same code), ready
 * to be renamed into place, and what it changes of the site's files beside
 * it (`recordChangeFile`). Resolves with the process's exit status: 0, or
 * `NEEDS_ASTRO`.
 */
export async function publishPages([staging, target, bundleFolder, lastRecordFile, newRecordFile]: readonly (
  string | undefined
)[]): Promise<number> {
  if (!staging || !target || !bundleFolder || !lastRecordFile || !newRecordFile)
    throw new Error('usage: publish-pages.ts <staging> <site> <bundle> <record of the site> <new record>');
  const { bundle, sync } = await syncedRenderer(bundleFolder);
  if (sync.newImages.length > 0)
    return needsAstro(
      `the change names an image its file did not name before (${sync.newImages.slice(0, 3).join(', ')})`,
    );

  const images = new Set<string>();
  nameStaticImages(({ file }) => images.add(file));
  const last = readPageRecord(lastRecordFile);
  const { paths, now } = await listChange(bundle, last);
  // The first route to give a path generates it, as in Astro's build (and its record).
  const chosen = paths.filter(({ pathname, route }) => now.pages[pathname] === outputFile(pathname, route.type));
  const changed = chosen.filter(({ pathname }) => {
    const key = now.keys[pathname];
    return key === undefined || last.keys[pathname] !== key || last.pages[pathname] !== now.pages[pathname];
  });

  const pages: [file: string, body: Buffer][] = [];
  for (const { pathname, route } of changed) {
    const request = new Request(new URL(requestPath(pathname, route.type), site.url));
    const result = await bundle.render(request, { routeData: route, collectMetadata: false });
    const response = result instanceof Response ? result : result.response;
    pages.push([now.pages[pathname]!, Buffer.from(await response.arrayBuffer())]);
  }
  const missingImages = [...images].filter((file) => !existsSync(join(target, decodeURI(file))));
  if (missingImages.length > 0)
    return needsAstro(
      `its pages show image sizes the site does not have yet (${missingImages.slice(0, 3).join(', ')})`,
    );

  const written: string[] = [];
  for (const [file, body] of pages) {
    const path = join(staging, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, body);
    written.push(file);
  }
  // Astro's cache holds another version of these, for as long as Astro's build has not run again (scripts/build.ts).
  const change = recordChange(last.pages, now.pages);
  const gone = new Set(change.removed);
  const rendered = new Set([...last.rendered, ...written].filter((file) => !gone.has(file)));
  writePageRecord(newRecordFile, { ...last, ...now, rendered: [...rendered] });
  writeFileSync(recordChangeFile(newRecordFile), JSON.stringify(change));
  await sync.save();
  console.log(`Rendered ${pages.length} of ${Object.keys(now.pages).length} path(s) without Astro's build.`);
  return 0;
}

/**
 * The paths of the change and the record of the new site. The routes leave
 * out each keyed path the site in place holds with the same key
 * (src/lib/routes/path-scope.ts), and the record keeps it as `last` has it.
 * Should a path listed be one left out by another route, every path is
 * listed again, as in a build, for Astro's choice of the route that
 * generates it.
 */
async function listChange(
  bundle: Renderer['bundle'],
  last: StoredRecord,
): Promise<{
  paths: Awaited<ReturnType<Renderer['bundle']['getStaticPaths']>>;
  now: Pick<StoredRecord, 'pages' | 'keys'>;
}> {
  const kept = new Set<string>();
  const unchanged = (address: string, key: string) => {
    if (last.keys[address] !== key) return false;
    kept.add(address);
    return true;
  };
  const paths = await inPathScope({ unchanged }, () => bundle.getStaticPaths());
  const now = recordWithKept(last, kept, siteRecordOf(paths));
  if (now) return { paths, now };
  bundle.again();
  const all = await bundle.getStaticPaths();
  return { paths: all, now: siteRecordOf(all) };
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
