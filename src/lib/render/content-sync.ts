/**
 * The content sync of a publish, without Astro's: the site's own loaders
 * (src/lib/content/collections.ts) run over the content store the last
 * build left, with a loader context made the way Astro makes it, so an
 * unchanged file is kept as it is and a changed one is checked and rendered
 * exactly as `astro build` would (docs/decisions.md, "One change is
 * rendered outside Astro's build").
 *
 * Three pieces are Astro's internals, because no public API gives them:
 * the store itself (`MutableDataStore`, read from the file Astro's build
 * reads, and saved to it as its own `toString()` serialises it), the digest (`xxhash-wasm`'s 64-bit hash, as Astro's
 * `generateDigest`) and what `parseData` makes of an `image()` field.
 * `tests/build/publish.test.ts` requires the store this sync writes to
 * be, entry for entry, the one `astro build` writes for the same content,
 * so an upgrade that changes any of them fails there.
 *
 * A publish changes a few entries of a store that holds the whole archive
 * (66 MB at 50,000 articles), and serialising all of it again took 2.7 s of
 * a 50,000-article publish. So a sync keeps what it changed beside the
 * store, in the store's own serialisation (`storeChangesFile`), and the
 * next sync reads the store and then those changes; the store is saved
 * whole again only once the changes pass `WHOLE_STORE_AFTER` entries. Astro's own
 * sync reads the store file alone, an older version of the content: the
 * site's loaders read again every file whose entry's digest is not the one
 * they last made of it (src/lib/content/markdown-loader-fs.ts), so it ends
 * with the same store, and saves it whole, which leaves the changes beside
 * it for a store they no longer apply to (each names the file it applies
 * to by its signature).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseFrontmatter, unified } from '@astrojs/markdown-remark';
import type { DataStore, LoaderContext, MetaStore } from 'astro/loaders';
import { z } from 'astro/zod';
import xxhash from 'xxhash-wasm';
import { siteLoaders, siteSchemas, type CollectionName } from '../content/collections';
import type { SiteLoaderContext } from '../content/markdown-loader-fs';
import { fileSignature } from '../file-memo';
import { markdownOptions } from '../markdown/plugins';

/** The prefix Astro's content layer gives an `image()` field's value, for the store to turn into an import. */
export const IMAGE_IMPORT_PREFIX = '__ASTRO_IMAGE_';

/** A collection's entries as the store holds them. */
export interface StoredEntry {
  id: string;
  digest?: string;
  filePath?: string;
  assetImports?: string[];
}

interface AstroStore {
  set(collection: string, id: string, entry: unknown): void;
  delete(collection: string, id: string): void;
  scopedStore(collection: string): DataStore;
  metaStore(collection: string): MetaStore;
  /** The store as Astro's writer serialises it to its file. */
  toString(): string;
  collections(): Map<string, Map<string, StoredEntry>>;
}

/** Astro's own content store class, from its package (not one of its public entry points). */
async function astroStoreClass(): Promise<
  { fromMap: (data: Map<string, unknown>) => Promise<AstroStore> } & {
    fromString: (text: string) => Promise<AstroStore>;
  }
> {
  const astro = dirname(createRequire(import.meta.url).resolve('astro/package.json'));
  const module = (await import(pathToFileURL(join(astro, 'dist/content/mutable-data-store.js')).href)) as {
    MutableDataStore: {
      fromString(text: string): Promise<AstroStore>;
      fromMap(data: Map<string, unknown>): Promise<AstroStore>;
    };
  };
  return {
    fromString: (text) => module.MutableDataStore.fromString(text),
    fromMap: (data) => module.MutableDataStore.fromMap(data),
  };
}

/**
 * What Astro's `parseData` makes of a field naming an image beside the
 * entry: the name, marked for the store, which turns it into an import of
 * the file.
 */
export function imageField(entryFile: string) {
  return z.string().transform((value) => {
    const local = value && !value.includes('://') && !value.startsWith('/') && !value.startsWith('.');
    const named = local && existsSync(resolve(dirname(entryFile), value)) ? `./${value}` : value;
    return `${IMAGE_IMPORT_PREFIX}${named}`;
  });
}

/**
 * The images an entry names (in its fields or its body), each with the
 * entry's file: the pages' code imports an image for the file that names
 * it (Astro's content image import), so the same image named by another
 * file is another import.
 */
function imagesOf(entry: StoredEntry): string[] {
  return (entry.assetImports ?? []).map((image) => `${image} in ${entry.filePath ?? 'no file'}`);
}

/** Astro's markdown renderer for loaders, with the site's plugins (astro.config.mjs). */
async function markdownRenderer(): Promise<LoaderContext['renderMarkdown']> {
  const renderer = await unified(markdownOptions).createRenderer({ image: {}, syntaxHighlight: false });
  return async (content, options) => {
    const { frontmatter, content: body } = parseFrontmatter(content);
    const { code, metadata } = await renderer.render(body, { frontmatter, fileURL: options?.fileURL });
    return {
      html: code,
      metadata: {
        ...metadata,
        imagePaths: [...metadata.localImagePaths, ...metadata.remoteImagePaths],
      },
    };
  };
}

export interface ContentSync {
  /** Every collection's entries, as pages read them. */
  collections: Map<string, Map<string, StoredEntry>>;
  /** The images that entries changed by this sync name and that their files did not name before: imports the pages' code does not have. */
  newImages: string[];
  /** Saves the store for the next build, if anything in it changed. */
  save(): Promise<void>;
}

/**
 * Runs every loader of the site over the store in `storeFile` (Astro's
 * `data-store.json`) and the changes kept beside it, for the project at
 * `root`. Rejects with the content problems, as Astro's sync does. Its
 * `save()` keeps the changes beside the store, or saves the store whole
 * once they would hold more than `wholeStoreAfter` entries.
 */
export async function syncContent(
  root: string,
  storeFile: string,
  wholeStoreAfter = WHOLE_STORE_AFTER,
): Promise<ContentSync> {
  return (await contentSyncer(root, storeFile, wholeStoreAfter)).sync();
}

/** Syncs the content again and again in one process (`contentSyncer`). */
export interface ContentSyncer {
  /** One sync, as `syncContent` makes it. */
  sync(): Promise<ContentSync>;
}

/** The store a syncer holds between its syncs, and the files it matches. */
interface HeldStore {
  store: AstroStore;
  /** The store file as read or last saved whole, and its signature. */
  saved: string | undefined;
  savedSignature: string | undefined;
  /** Each entry's digest in that file. */
  inFile: Map<string, string | undefined>;
  /** The signatures of the store file and of the changes beside it as this syncer last read or wrote them. */
  left: [store: string | undefined, changes: string | undefined];
}

/**
 * A content sync for a process that stays up between publishes
 * (scripts/publish-service.ts): the loaders' code, the digest and the
 * Markdown renderer are made once, and the store stays in memory from one
 * sync to the next as long as its files on disk are the ones this syncer
 * left (no other build has synced since); otherwise, or after a sync that
 * failed, the next one reads them again. Every sync runs the loaders, which
 * read only the files that changed.
 */
export async function contentSyncer(
  root: string,
  storeFile: string,
  wholeStoreAfter = WHOLE_STORE_AFTER,
): Promise<ContentSyncer> {
  const [Store, hasher, renderMarkdown] = await Promise.all([astroStoreClass(), xxhash(), markdownRenderer()]);
  const changesFile = storeChangesFile(storeFile);
  const onDisk = (): HeldStore['left'] => [fileSignature(storeFile), fileSignature(changesFile)];
  let held: HeldStore | undefined;

  const readStore = async (): Promise<HeldStore> => {
    const left = onDisk();
    // Read from its file but not bound to it: a store bound to its file saves itself half a second after
    // each change, in the middle of the pages' rendering; this one is saved once, by `save()`.
    const saved = existsSync(storeFile) ? await readFile(storeFile, 'utf8') : undefined;
    const savedSignature = fileSignature(storeFile);
    const store = saved === undefined ? await Store.fromMap(new Map()) : await Store.fromString(saved);
    const inFile = digestsOf(store);
    await applyChanges(store, Store, await readChanges(changesFile, savedSignature));
    return { store, saved, savedSignature, inFile, left };
  };

  const sync = async (): Promise<ContentSync> => {
    const now = onDisk();
    const kept = held !== undefined && held.left[0] === now[0] && held.left[1] === now[1] ? held : await readStore();
    held = kept;
    const { store } = kept;
    // Each entry's digest before the sync, and every image each file named.
    const digests = digestsOf(store);
    const images = new Set<string>();
    for (const entries of store.collections().values())
      for (const entry of entries.values()) for (const image of imagesOf(entry)) images.add(image);
    const config = { root: pathToFileURL(`${root}/`) };
    const logger = {
      info: (message: string) => console.log(message),
      warn: (message: string) => console.warn(message),
      error: (message: string) => console.error(message),
      debug: () => undefined,
    };
    const loaders = siteLoaders();
    await Promise.all(
      (Object.keys(loaders) as CollectionName[]).map((collection) => {
        const schema = siteSchemas[collection];
        const context = {
          collection,
          store: store.scopedStore(collection),
          meta: store.metaStore(collection),
          logger,
          config,
          generateDigest: (data: Record<string, unknown> | string) =>
            hasher.h64ToString(typeof data === 'string' ? data : JSON.stringify(data)),
          renderMarkdown,
          leavesUnchangedEntries: true,
          parseData: async ({
            data,
            filePath = '',
          }: {
            id: string;
            data: Record<string, unknown>;
            filePath?: string;
          }) => schema(imageField(filePath)).parseAsync(data),
        } as unknown as SiteLoaderContext;
        return loaders[collection].load(context);
      }),
    );
    const collections = store.collections();
    const newImages = new Set<string>();
    for (const [collection, entries] of collections)
      for (const entry of entries.values())
        if (!entry.digest || digests.get(entryKey(collection, entry.id)) !== entry.digest)
          for (const image of imagesOf(entry)) if (!images.has(image)) newImages.add(image);
    const save = async () => {
      const changes = changesSince(kept.inFile, collections);
      if (kept.saved !== undefined && kept.savedSignature !== undefined && changes.count <= wholeStoreAfter) {
        const entries = (await Store.fromMap(changes.entries)).toString();
        const written: StoreChanges = { store: kept.savedSignature, entries, deleted: changes.deleted };
        await writeFile(`${changesFile}.tmp`, JSON.stringify(written));
        await rename(`${changesFile}.tmp`, changesFile);
      } else {
        const text = store.toString();
        if (text !== kept.saved) {
          await mkdir(dirname(storeFile), { recursive: true });
          await writeFile(`${storeFile}.tmp`, text);
          await rename(`${storeFile}.tmp`, storeFile);
        }
        await rm(changesFile, { force: true });
        Object.assign(kept, { saved: text, savedSignature: fileSignature(storeFile), inFile: digestsOf(store) });
      }
      kept.left = onDisk();
    };
    return { collections, newImages: [...newImages], save };
  };

  return {
    async sync() {
      try {
        return await sync();
      } catch (error) {
        // The loaders stored nothing, but the next sync starts from the files, whatever this one left.
        held = undefined;
        throw error;
      }
    },
  };
}

/**
 * How many entries the changes kept beside the store may hold before a sync
 * saves the store whole again: each sync reads and writes them all, so they
 * stay a small part of the store (a thousand entries are about 1.3 MB, and
 * a fiftieth of a 50,000-article store).
 */
export const WHOLE_STORE_AFTER = 1_000;

/** Where a sync keeps the entries it changed since the store at `storeFile` was saved whole. */
export const storeChangesFile = (storeFile: string): string => `${storeFile}.changes`;

/** The changes kept beside the store: the file's signature they apply to, the entries to put in, and those to take out. */
interface StoreChanges {
  store: string;
  /** The changed entries, as Astro serialises a store. */
  entries: string;
  deleted: [collection: string, id: string][];
}

const entryKey = (collection: string, id: string) => `${collection}\0${id}`;

/** Each entry's digest, by collection and id. */
function digestsOf(store: AstroStore): Map<string, string | undefined> {
  const digests = new Map<string, string | undefined>();
  for (const [collection, entries] of store.collections())
    for (const [id, entry] of entries) digests.set(entryKey(collection, id), entry.digest);
  return digests;
}

/**
 * The changes kept beside the store file whose signature is `signature`;
 * none if they were kept for another, or cannot be read: the loaders then
 * read again every file the store is older than, as Astro's sync does.
 */
async function readChanges(file: string, signature: string | undefined): Promise<StoreChanges | undefined> {
  if (signature === undefined || !existsSync(file)) return undefined;
  try {
    const changes = JSON.parse(await readFile(file, 'utf8')) as StoreChanges;
    return changes.store === signature ? changes : undefined;
  } catch {
    return undefined;
  }
}

async function applyChanges(
  store: AstroStore,
  Store: Awaited<ReturnType<typeof astroStoreClass>>,
  changes: StoreChanges | undefined,
): Promise<void> {
  if (!changes) return;
  for (const [collection, entries] of (await Store.fromString(changes.entries)).collections())
    for (const [id, entry] of entries) store.set(collection, id, entry);
  for (const [collection, id] of changes.deleted) store.delete(collection, id);
}

/**
 * The entries of `collections` that are not in the store file (`inFile`, by
 * their digests) as they are now: new, changed (an entry with no digest
 * counts as changed), or gone.
 */
function changesSince(
  inFile: ReadonlyMap<string, string | undefined>,
  collections: ReadonlyMap<string, ReadonlyMap<string, StoredEntry>>,
): { entries: Map<string, Map<string, unknown>>; deleted: [string, string][]; count: number } {
  const entries = new Map<string, Map<string, unknown>>();
  const present = new Set<string>();
  let count = 0;
  for (const [collection, inCollection] of collections)
    for (const [id, entry] of inCollection) {
      const key = entryKey(collection, id);
      present.add(key);
      if (entry.digest !== undefined && inFile.get(key) === entry.digest) continue;
      if (!entries.has(collection)) entries.set(collection, new Map());
      entries.get(collection)!.set(id, entry);
      count += 1;
    }
  const deleted: [string, string][] = [];
  for (const key of inFile.keys()) if (!present.has(key)) deleted.push(key.split('\0') as [string, string]);
  return { entries, deleted, count: count + deleted.length };
}

/**
 * The store a publish's sync left at `storeFile`, as the next one reads it:
 * the file, and the changes kept beside it when they apply to it.
 */
export async function readSyncedStore(storeFile: string): Promise<Map<string, Map<string, StoredEntry>>> {
  const Store = await astroStoreClass();
  const store = await Store.fromString(await readFile(storeFile, 'utf8'));
  await applyChanges(store, Store, await readChanges(storeChangesFile(storeFile), fileSignature(storeFile)));
  return store.collections();
}
