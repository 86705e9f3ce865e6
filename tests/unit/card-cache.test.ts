/**
 * The share-card cache keeps the cards a build shows and loses the rest once
 * the build has succeeded.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cardFile, markCardInUse, pruneCards } from '@/lib/share-card/cache-fs';

const root = mkdtempSync(join(tmpdir(), 'broadside-card-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A cache folder holding a card for each key, each last used a week ago. */
function cacheWith(name: string, keys: string[]): string {
  const dir = join(root, name);
  mkdirSync(dir);
  const lastWeek = new Date(Date.now() - 7 * 24 * 3_600_000);
  for (const key of keys) {
    writeFileSync(cardFile(key, dir), 'png');
    utimesSync(cardFile(key, dir), lastWeek, lastWeek);
  }
  return dir;
}

describe('the card cache', () => {
  it('keeps the cards a build marked or drew, and deletes the others', async () => {
    const dir = cacheWith('pruned', ['shown', 'corrected-headline', 'removed-article']);
    const buildStarted = new Date();
    await markCardInUse('shown', dir);
    writeFileSync(cardFile('drawn-this-build', dir), 'png');
    expect(await pruneCards(buildStarted, dir)).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(['drawn-this-build.png', 'shown.png']);
  });

  it('marks a card not drawn yet without creating it', async () => {
    const dir = cacheWith('empty', []);
    await markCardInUse('not-drawn', dir);
    expect(existsSync(cardFile('not-drawn', dir))).toBe(false);
  });

  it('has nothing to prune before the first card is drawn', async () => {
    expect(await pruneCards(new Date(), join(root, 'never-made'))).toBe(0);
  });
});
