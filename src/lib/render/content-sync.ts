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
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseFrontmatter, unified } from '@astrojs/markdown-remark';
import type { DataStore, LoaderContext, MetaStore } from 'astro/loaders';
import { z } from 'astro/zod';
import xxhash from 'xxhash-wasm';
import { siteLoaders, siteSchemas, type CollectionName } from '../content/collections';
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
 * `data-store.json`), for the project at `root`. Rejects with the content
 * problems, as Astro's sync does.
 */
export async function syncContent(root: string, storeFile: string): Promise<ContentSync> {
  const [Store, hasher, renderMarkdown] = await Promise.all([astroStoreClass(), xxhash(), markdownRenderer()]);
  // Read from its file but not bound to it: a store bound to its file saves itself half a second after
  // each change, in the middle of the pages' rendering; this one is saved once, by `save()`.
  const saved = existsSync(storeFile) ? await readFile(storeFile, 'utf8') : undefined;
  const store = saved === undefined ? await Store.fromMap(new Map()) : await Store.fromString(saved);
  // Each entry's digest before the sync, and every image each file named.
  const digests = new Map<string, string | undefined>();
  const images = new Set<string>();
  for (const [collection, entries] of store.collections())
    for (const entry of entries.values()) {
      digests.set(`${collection}/${entry.id}`, entry.digest);
      for (const image of imagesOf(entry)) images.add(image);
    }
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
        parseData: async ({ data, filePath = '' }: { id: string; data: Record<string, unknown>; filePath?: string }) =>
          schema(imageField(filePath)).parseAsync(data),
      } as unknown as LoaderContext;
      return loaders[collection].load(context);
    }),
  );
  const collections = store.collections();
  const newImages = new Set<string>();
  for (const [collection, entries] of collections)
    for (const entry of entries.values())
      if (!entry.digest || digests.get(`${collection}/${entry.id}`) !== entry.digest)
        for (const image of imagesOf(entry)) if (!images.has(image)) newImages.add(image);
  const save = async () => {
    const text = store.toString();
    if (text === saved) return;
    await mkdir(dirname(storeFile), { recursive: true });
    await writeFile(`${storeFile}.tmp`, text);
    await rename(`${storeFile}.tmp`, storeFile);
  };
  return { collections, newImages: [...newImages], save };
}
