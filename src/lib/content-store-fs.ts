/**
 * Keeps the content store out of the page bundle in a build.
 *
 * Astro hands its pages every collection's entries through one module,
 * `astro:data-layer-content`, whose code holds the whole store as a string
 * literal: 40 MB at 5,000 articles. The bundler held some eight copies of
 * that string at once while it built the pages' code, half a gigabyte of the
 * build's peak memory. In a build, this integration answers the import with
 * a module that reads the same file when the pages run, so the bundler never
 * holds the store. `astro dev` is left as it is: it reloads the store on
 * every edit.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

type VitePlugin = NonNullable<NonNullable<import('astro').AstroUserConfig['vite']>['plugins']>[number];

/** The file Astro's content sync writes the store to when it is kept in one file, the default. */
const STORE_FILE = 'data-store.json';
const STORE_MODULE = 'astro:data-layer-content';
const FROM_DISK = '\0broadside:content-store';

/** The module's code: the store file, parsed when the pages first import it. */
export function storeModuleCode(file: string): string {
  return [
    `import { readFileSync } from 'node:fs';`,
    `export default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));`,
  ].join('\n');
}

/** The Vite plugin that answers Astro's store module with `storeModuleCode(file)`. */
export function storeFromDiskPlugin(file: string): VitePlugin {
  return {
    name: 'broadside:content-store-from-disk',
    resolveId: {
      // Before Astro's own plugin, which would inline the store.
      order: 'pre',
      filter: { id: new RegExp(`^${STORE_MODULE}$`) },
      // With no store written (no entries at all), Astro's own module answers.
      handler: () => (existsSync(file) ? FROM_DISK : null),
    },
    load: {
      filter: { id: new RegExp(`^${FROM_DISK}$`) },
      handler: () => storeModuleCode(file),
    },
  };
}

export function contentStoreFromDisk(): AstroIntegration {
  return {
    name: 'broadside:content-store-from-disk',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build' || config.experimental.collectionStorage === 'chunked') return;
        const file = fileURLToPath(new URL(STORE_FILE, config.cacheDir));
        updateConfig({ vite: { plugins: [storeFromDiskPlugin(file)] } });
      },
    },
  };
}
