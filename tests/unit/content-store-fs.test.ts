/**
 * In a build, Astro's content store module is answered by one that reads the
 * store file when the pages run, so the bundler never copies the store.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { contentStoreFromDisk, storeFromDiskPlugin, storeModuleCode } from '@/lib/integrations/content-store-fs';

const dir = mkdtempSync(join(tmpdir(), 'broadside-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Hook {
  order?: string;
  filter: { id: RegExp };
  handler: () => string | null;
}

/** What the integration adds to Vite's config for one command and storage setting. */
function setup(command: 'build' | 'dev' | 'preview' | 'sync', collectionStorage?: string): unknown[] {
  const updates: unknown[] = [];
  const hook = contentStoreFromDisk().hooks['astro:config:setup'] as (params: unknown) => void;
  hook({
    command,
    config: { cacheDir: pathToFileURL(`${dir}/`), experimental: { collectionStorage } },
    updateConfig: (update: unknown) => updates.push(update),
  });
  return updates;
}

const hooks = (file: string) => storeFromDiskPlugin(file) as unknown as { resolveId: Hook; load: Hook };

describe('contentStoreFromDisk', () => {
  it('adds its plugin to a build, reading the store from the cache folder', () => {
    const updates = setup('build') as { vite: { plugins: { load: Hook }[] } }[];
    expect(updates.flatMap((update) => update.vite.plugins.map((plugin) => plugin.load.handler()))).toEqual([
      storeModuleCode(join(dir, 'data-store.json')),
    ]);
  });

  it('leaves the dev server, which reloads the store on every edit, and other commands alone', () => {
    expect(setup('dev')).toEqual([]);
    expect(setup('sync')).toEqual([]);
    expect(setup('preview')).toEqual([]);
  });

  it('leaves chunked storage alone: there is no single store file to read', () => {
    expect(setup('build', 'chunked')).toEqual([]);
  });
});

describe('storeFromDiskPlugin', () => {
  const file = join(dir, 'data-store.json');

  it('resolves only the store module, before Astro’s own plugin', () => {
    const { resolveId } = hooks(file);
    expect(resolveId.order).toBe('pre');
    expect(resolveId.filter.id.test('astro:data-layer-content')).toBe(true);
    expect(resolveId.filter.id.test('astro:data-layer-content-chunk:a.txt')).toBe(false);
    expect(resolveId.filter.id.test('astro:content')).toBe(false);
  });

  it('hands the import back to Astro when no store was written', () => {
    expect(hooks(join(dir, 'missing.json')).resolveId.handler()).toBeNull();
  });

  it('loads a module that gives the pages the store Astro wrote, as Astro reads it', async () => {
    // Astro's own writer and reader: if the file's shape changes, this fails (docs/upgrading-astro.md).
    const astroContent = join(import.meta.dirname, '../../node_modules/astro/dist/content');
    const { serializeDataStore } = (await import(join(astroContent, 'data-store-writer.js'))) as {
      serializeDataStore: (store: Map<string, Map<string, unknown>>) => string;
    };
    const { ImmutableDataStore } = (await import(join(astroContent, 'data-store.js'))) as {
      ImmutableDataStore: { fromMap: (map: unknown) => Promise<{ collections: () => unknown }> };
    };
    const { unflatten } = await import('devalue');
    const articles = new Map<string, unknown>(
      ['a', 'b'].map((id) => [id, { id, data: { title: `Café “Mañana” — 東京 ${id}`, published: new Date(0) } }]),
    );
    const store = new Map([
      ['articles', articles],
      ['authors', new Map<string, unknown>()],
    ]);
    writeFileSync(file, serializeDataStore(store));
    const { resolveId, load } = hooks(file);
    const id = resolveId.handler();
    expect(id).not.toBeNull();
    expect(load.filter.id.test(id!)).toBe(true);
    const code = load.handler()!;
    expect(code).toBe(storeModuleCode(file));
    expect(code.length).toBeLessThan(200 + file.length);
    const module = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { default: unknown };
    // What Astro does with the module's default export in a build (ImmutableDataStore.fromModule).
    expect(Array.isArray(module.default)).toBe(true);
    const read = await ImmutableDataStore.fromMap(unflatten(module.default as number[]));
    expect(read.collections()).toEqual(store);
  });
});

describe('the Astro internals the plugin relies on', () => {
  it('still carry the names it answers: if this fails, Astro changed them; follow docs/upgrading-astro.md', () => {
    const consts = readFileSync(join(import.meta.dirname, '../../node_modules/astro/dist/content/consts.js'), 'utf8');
    expect(consts).toContain('DATA_STORE_VIRTUAL_ID = "astro:data-layer-content"');
    expect(consts).toContain('DATA_STORE_FILE = "data-store.json"');
  });

  it('stops a build whose pages never asked for the store module, instead of quietly bundling it again', () => {
    const integration = contentStoreFromDisk();
    const setupHook = integration.hooks['astro:config:setup'] as (params: unknown) => void;
    const done = integration.hooks['astro:build:done'] as () => void;
    const plugins: { resolveId: Hook }[] = [];
    setupHook({
      command: 'build',
      config: { cacheDir: pathToFileURL(`${dir}/`), experimental: {} },
      updateConfig: (update: { vite: { plugins: { resolveId: Hook }[] } }) => plugins.push(...update.vite.plugins),
    });
    writeFileSync(join(dir, 'data-store.json'), '[]');
    expect(() => done()).toThrow(/never imported astro:data-layer-content.*docs\/upgrading-astro\.md/);
    plugins[0]!.resolveId.handler();
    expect(() => done()).not.toThrow();
  });
});
