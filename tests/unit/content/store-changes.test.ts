/**
 * A publish's content sync keeps what it changed beside the content store
 * instead of saving the whole store again (src/lib/render/content-sync.ts):
 * the next sync, and anything reading the store as a sync left it, must
 * find the content as it is, and changes kept for another version of the
 * store file must be ignored.
 */
import { appendFileSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { syntheticArticle, writeCorpus } from '../../../scripts/corpus';

const dir = mkdtempSync(join(tmpdir(), 'broadside-store-changes-'));
const content = join(dir, 'content');
const storeFile = join(content, '.astro-cache', 'data-store.json');
const project = join(import.meta.dirname, '../../..');
const articleFile = (index: number) => join(content, syntheticArticle(index).path);
/** A synthetic article's id: its path in the collection's folder, without `.md`. */
const idOf = (index: number) => syntheticArticle(index).path.replace(/^articles\/|\.md$/g, '');

// The loaders read the content folder this names when their module is first imported.
vi.stubEnv('BROADSIDE_CONTENT', content);
const sync = await import('@/lib/render/content-sync');
const changesFile = sync.storeChangesFile(storeFile);

/** Every collection's entries by id, as plain objects, to compare two stores by. */
const entries = (collections: Map<string, Map<string, unknown>>) =>
  Object.fromEntries([...collections].map(([name, collection]) => [name, Object.fromEntries(collection)]));

/** Syncs the content, saves, and gives what the sync found. */
async function syncAndSave(wholeStoreAfter?: number) {
  const done = await sync.syncContent(project, storeFile, wholeStoreAfter);
  await done.save();
  return entries(done.collections);
}

/** An article's digest in a store's entries. */
const digestOf = (found: Record<string, Record<string, unknown>>, id: string) =>
  (found.articles![id] as { digest: string }).digest;
let first: Record<string, Record<string, unknown>> = {};

beforeAll(() => writeCorpus(content, 6));
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe("a publish's content store", () => {
  it('is saved whole when there is none yet, with no changes beside it', async () => {
    const found = await syncAndSave();
    first = found;
    expect(found.articles).toHaveProperty(idOf(3));
    expect(existsSync(storeFile)).toBe(true);
    expect(existsSync(changesFile)).toBe(false);
    expect(entries(await sync.readSyncedStore(storeFile))).toEqual(found);
  });

  it('keeps an edit, a new article and a retraction beside the store, which it leaves as it was', async () => {
    const whole = readFileSync(storeFile, 'utf8');
    appendFileSync(articleFile(3), '\nA sentence added after publication.\n');
    rmSync(articleFile(4));
    const added = syntheticArticle(40);
    writeFileSync(join(content, added.path), added.markdown);
    const found = await syncAndSave();
    expect(readFileSync(storeFile, 'utf8')).toBe(whole);
    expect(existsSync(changesFile)).toBe(true);
    const kept = JSON.parse(readFileSync(changesFile, 'utf8')) as { deleted: string[][] };
    expect(kept.deleted).toEqual([['articles', idOf(4)]]);
    // Read back, the store is the content as it is now: the edit in, the new article in, the retracted one out.
    const read = entries(await sync.readSyncedStore(storeFile));
    expect(read).toEqual(found);
    expect(read.articles).not.toHaveProperty(idOf(4));
    expect(read.articles).toHaveProperty(idOf(40));
    expect(digestOf(read, idOf(3))).not.toBe(digestOf(first, idOf(3)));
  });

  it('reads the changes at the next sync, so nothing is read again and the changes stay what they were', async () => {
    const before = readFileSync(changesFile, 'utf8');
    const found = await syncAndSave();
    expect(readFileSync(changesFile, 'utf8')).toBe(before);
    expect(entries(await sync.readSyncedStore(storeFile))).toEqual(found);
  });

  it('ignores changes kept for another version of the store file, as after a build of the whole site', async () => {
    const stale = readFileSync(storeFile, 'utf8');
    // The file written again, as Astro's own sync writes it: a new file, renamed into place.
    writeFileSync(`${storeFile}.other`, stale);
    renameSync(`${storeFile}.other`, storeFile);
    const read = entries(await sync.readSyncedStore(storeFile));
    expect(read.articles).toHaveProperty(idOf(4));
    expect(read.articles).not.toHaveProperty(idOf(40));
    // A sync over it finds the content as it is, from the files, whatever the store said.
    const found = await syncAndSave();
    expect(found.articles).not.toHaveProperty(idOf(4));
    expect(found.articles).toHaveProperty(idOf(40));
    expect(entries(await sync.readSyncedStore(storeFile))).toEqual(found);
  });

  it('is read from the files again when the changes beside it cannot be read', async () => {
    appendFileSync(articleFile(5), '\nOne more sentence.\n');
    const found = await syncAndSave();
    writeFileSync(changesFile, '{"store": "torn');
    expect(await syncAndSave()).toEqual(found);
  });

  it('is saved whole again, and the changes dropped, once they would hold more entries than allowed', async () => {
    appendFileSync(articleFile(1), '\nOne more sentence.\n');
    appendFileSync(articleFile(2), '\nOne more sentence.\n');
    const found = await syncAndSave(1);
    expect(existsSync(changesFile)).toBe(false);
    expect(entries(await sync.readSyncedStore(storeFile))).toEqual(found);
    const { parse } = await import('devalue');
    expect(entries(parse(readFileSync(storeFile, 'utf8')) as Map<string, Map<string, unknown>>)).toEqual(found);
  });
});

describe('a content sync that stays up between publishes', () => {
  it('keeps the store in memory from one sync to the next, and finds each change', async () => {
    const syncer = await sync.contentSyncer(project, storeFile);
    const firstSync = await syncer.sync();
    await firstSync.save();
    appendFileSync(articleFile(3), '\nA sentence for the service.\n');
    const second = await syncer.sync();
    // The same store, changed in place: what the pages read stays one map.
    expect(second.collections).toBe(firstSync.collections);
    await second.save();
    expect(digestOf(entries(second.collections), idOf(3))).not.toBe(digestOf(first, idOf(3)));
    // What it kept on disk is what it holds.
    expect(entries(await sync.readSyncedStore(storeFile))).toEqual(entries(second.collections));
  });

  it('reads the store again once another sync has written it', async () => {
    const syncer = await sync.contentSyncer(project, storeFile);
    const held = await syncer.sync();
    await held.save();
    // Another process's sync: an article retracted, and the store saved whole.
    renameSync(articleFile(5), `${articleFile(5)}.away`);
    await syncAndSave(0);
    renameSync(`${articleFile(5)}.away`, articleFile(5));
    appendFileSync(articleFile(5), '\nBack, and changed.\n');
    const again = await syncer.sync();
    expect(again.collections).not.toBe(held.collections);
    expect(again.collections.get('articles')!.has(idOf(5))).toBe(true);
    await again.save();
    expect(entries(await sync.readSyncedStore(storeFile))).toEqual(entries(again.collections));
  });

  it('starts from the files again after a sync that found a problem', async () => {
    const syncer = await sync.contentSyncer(project, storeFile);
    const held = await syncer.sync();
    await held.save();
    const good = readFileSync(articleFile(2), 'utf8');
    writeFileSync(articleFile(2), good.replace(/^title: .*$/m, 'title:'));
    await expect(syncer.sync()).rejects.toThrow();
    writeFileSync(articleFile(2), `${good}\nFixed.\n`);
    const fixed = await syncer.sync();
    expect(fixed.collections).not.toBe(held.collections);
    await fixed.save();
    expect(entries(await sync.readSyncedStore(storeFile))).toEqual(entries(fixed.collections));
  });
});
