/**
 * The loader's writes to Astro's store, with a store that records them: Astro
 * saves the whole store to disk half a second after the last write it saw,
 * so a sync whose writes are spread out saves the whole store mid-sync at
 * every pause. Every write of every collection waits for the last loader.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { afterAll, describe, expect, it } from 'vitest';
import { createContentReport } from '@/lib/content/content-report';
import { markdownCollection } from '@/lib/content/markdown-loader-fs';
import { loaderContext, loaderProject, recordingStore } from './loader-fixture';

const { root, write } = loaderProject();
afterAll(() => rmSync(root, { recursive: true, force: true }));
const context = (collection: string, store: ReturnType<typeof recordingStore>) =>
  loaderContext(root, collection, store);

const schema = z.object({ title: z.string() });

describe("the loader's writes to the store", () => {
  it('wait until every collection of the sync is loaded, then come at once', async () => {
    write('content/articles/one.md', '---\ntitle: One\n---\n\nThe first.\n');
    write('content/articles/two.md', '---\ntitle: Two\n---\n\nThe second.\n');
    write('content/notes/three.md', '---\ntitle: Three\n---\n\nThe third.\n');
    const report = createContentReport(() => []);
    // Loaders that have not yet handed their problems and writes to the report. What a loader does
    // after that (deleting body files it no longer needs) may still be under way when the writes come.
    let loading = 0;
    const handIn = report.end.bind(report);
    report.end = (problems, writes) => {
      loading -= 1;
      return handIn(problems, writes);
    };
    const loaders = [
      ['articles', markdownCollection({ base: 'content/articles', schema, report })],
      ['notes', markdownCollection({ base: 'content/notes', schema, report })],
    ] as const;
    const log: string[] = [];
    const stores = loaders.map(() => recordingStore(log, () => loading));
    // Astro calls every collection's loader at once and waits for them all.
    const sync = () =>
      Promise.all(
        loaders.map(async ([collection, loader], index) => {
          loading += 1;
          await loader.load(context(collection, stores[index]!));
        }),
      );

    await sync();
    expect(log.length).toBe(3);
    // The last loader makes them all once every loader is done: no write while a collection still loads.
    expect(log.every((line) => line.endsWith('with 0 loading'))).toBe(true);
    expect(stores[0]!.keys().sort()).toEqual(['one', 'two']);
    expect(stores[1]!.keys()).toEqual(['three']);

    // The next sync: one file changed, one gone, one unchanged (stored again, as Astro lists its images then).
    write('content/articles/one.md', '---\ntitle: One, corrected\n---\n\nThe first.\n');
    rmSync(join(root, 'content/articles/two.md'));
    log.length = 0;
    await sync();
    expect(log.every((line) => line.endsWith('with 0 loading'))).toBe(true);
    expect(log.map((line) => line.replace(/ with .*/, '')).sort()).toEqual([
      'delete three',
      'delete two',
      'set one',
      'set three',
    ]);
    expect(stores[0]!.get('one')?.data).toEqual({ title: 'One, corrected' });
    expect(stores[0]!.keys()).toEqual(['one']);
    expect(stores[1]!.keys()).toEqual(['three']);
  });
});
