/**
 * Keeps the content store out of the page bundle in a build.
 *
 * Astro hands its pages every collection's entries through one module,
 * `astro:data-layer-content`, whose code holds the whole store as a string
 * literal, and the bundler held several copies of that string at once while
 * it built the pages' code (figures in docs/benchmarks.md). In a build, this
 * integration answers the import with a module that reads the same file when
 * the pages run, so the bundler never holds the store. `astro dev` is left as
 * it is: it reloads the store on every edit.
 *
 * The module id and the file name are Astro's internals, not its public API
 * (docs/decisions.md says why no public API does this). So that an upgrade
 * cannot quietly undo it, a build whose pages never asked for the module
 * fails, naming docs/upgrading-astro.md, and a unit test reads both names
 * from Astro's own code.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

type VitePlugin = NonNullable<NonNullable<import('astro').AstroUserConfig['vite']>['plugins']>[number];

/** The file Astro's content sync writes the store to when it is kept in one file, the default. */
const STORE_FILE = 'data-store.json';
const STORE_MODULE = 'astro:data-layer-content';
const FROM_DISK = '\0broadside:content-store';

/**
 * Where a process rendering pages outside a build (a publish's, src/lib/render/)
 * puts the collections it synced itself, for the pages to read instead of the file.
 */
export const GIVEN_STORE = 'broadside:content-store';

/** The module's code: the collections given in this process, else the store file, parsed when the pages first import it. */
export function storeModuleCode(file: string): string {
  return [
    `import { readFileSync } from 'node:fs';`,
    `const given = globalThis[Symbol.for(${JSON.stringify(GIVEN_STORE)})];`,
    `export default given ?? JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));`,
  ].join('\n');
}

/** The Vite plugin that answers Astro's store module with `storeModuleCode(file)`; `onResolve` hears each time it does. */
export function storeFromDiskPlugin(file: string, onResolve: () => void = () => undefined): VitePlugin {
  return {
    name: 'broadside:content-store-from-disk',
    resolveId: {
      // Before Astro's own plugin, which would inline the store.
      order: 'pre',
      filter: { id: new RegExp(`^${STORE_MODULE}$`) },
      // With no store written (no entries at all), Astro's own module answers.
      handler: () => {
        if (!existsSync(file)) return null;
        onResolve();
        return FROM_DISK;
      },
    },
    load: {
      filter: { id: new RegExp(`^${FROM_DISK}$`) },
      handler: () => storeModuleCode(file),
    },
  };
}

export function contentStoreFromDisk(): AstroIntegration {
  let file: string | undefined;
  let resolved = false;
  return {
    name: 'broadside:content-store-from-disk',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build' || config.experimental.collectionStorage === 'chunked') return;
        file = fileURLToPath(new URL(STORE_FILE, config.cacheDir));
        updateConfig({ vite: { plugins: [storeFromDiskPlugin(file, () => (resolved = true))] } });
      },
      'astro:build:done': () => {
        if (file && existsSync(file) && !resolved) {
          throw new Error(
            `Astro wrote its content store (${STORE_FILE}) but its pages never imported ${STORE_MODULE}: Astro has changed how pages get their content, and the store is bundled into the pages again. Follow docs/upgrading-astro.md.`,
          );
        }
      },
    },
  };
}
