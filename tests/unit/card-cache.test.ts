/**
 * The share-card cache keeps the cards a build's output shows and loses the
 * rest once the build has succeeded; it learns which from the output alone.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cachedCardPage, cardFile, pruneCards } from '@/lib/share-card/cache-fs';

const root = mkdtempSync(join(tmpdir(), 'broadside-card-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const key = (digit: string) => digit.repeat(32);
const shown = 'world/2022/05/23/shown';
const corrected = 'world/2022/05/24/corrected';

/** An output folder showing `cards` (page to PNG bytes), and a cache holding `cached` (page, key, bytes). */
function buildWith(name: string, cards: Record<string, string>, cached: [string, string, string][]) {
  const output = join(root, name, 'dist');
  const cache = join(root, name, 'cache');
  mkdirSync(join(output, 'cards'), { recursive: true });
  mkdirSync(cache, { recursive: true });
  for (const [page, png] of Object.entries(cards)) {
    mkdirSync(dirname(join(output, 'cards', `${page}.png`)), { recursive: true });
    writeFileSync(join(output, 'cards', `${page}.png`), png);
  }
  for (const [page, cacheKey, png] of cached) writeFileSync(cardFile(page, cacheKey, cache), png);
  return { output, cache };
}

describe('the card cache', () => {
  it('keeps the cards the output shows, and deletes the corrected, the removed and the half-written', async () => {
    const { output, cache } = buildWith('pruned', { [shown]: 'png shown', [corrected]: 'png new headline' }, [
      [shown, key('a'), 'png shown'],
      [corrected, key('b'), 'png old headline'],
      [corrected, key('c'), 'png new headline'],
      ['world/2021/01/01/removed-article', key('d'), 'png removed'],
    ]);
    writeFileSync(`${cardFile(shown, key('a'), cache)}.123.tmp`, 'png torn');
    expect(await pruneCards(output, cache)).toBe(3);
    expect(readdirSync(cache).sort()).toEqual(
      [cardFile(corrected, key('c'), cache), cardFile(shown, key('a'), cache)].map((file) => basename(file)).sort(),
    );
  });

  it('deletes a card whose page shows other bytes of the same size', async () => {
    const { output, cache } = buildWith('same-size', { [shown]: 'png AAAA' }, [[shown, key('a'), 'png BBBB']]);
    expect(await pruneCards(output, cache)).toBe(1);
    expect(existsSync(cardFile(shown, key('a'), cache))).toBe(false);
  });

  it('compares a card again only when its file or the cached one is not the file compared last time', async () => {
    const time = new Date('2026-01-02T03:04:05Z');
    const { output, cache } = buildWith('compared', { [shown]: 'png AAAA' }, [[shown, key('a'), 'png AAAA']]);
    const card = join(output, 'cards', `${shown}.png`);
    utimesSync(card, time, time);
    expect(await pruneCards(output, cache)).toBe(0);
    // Written into in place with as many bytes, its time put back: taken for the card compared last time.
    writeFileSync(card, 'png BBBB');
    utimesSync(card, time, time);
    expect(await pruneCards(output, cache)).toBe(0);
    // A new file, as a build writes: compared, and the cached card, no longer shown, deleted.
    rmSync(card);
    writeFileSync(card, 'png CCCC');
    expect(await pruneCards(output, cache)).toBe(1);
    expect(existsSync(cardFile(shown, key('a'), cache))).toBe(false);
  });

  it('deletes nothing when the output is not a build of the site', async () => {
    const { cache } = buildWith('no-output', {}, [[shown, key('a'), 'png shown']]);
    expect(await pruneCards(join(root, 'no-output', 'never-built'), cache)).toBe(0);
    expect(existsSync(cardFile(shown, key('a'), cache))).toBe(true);
  });

  it('has nothing to prune before the first card is drawn', async () => {
    const { output } = buildWith('never-drawn', { [shown]: 'png shown' }, []);
    expect(await pruneCards(output, join(root, 'never-made'))).toBe(0);
  });

  it('reads back the page from a cached card’s name, dots and all, and nothing from other names', () => {
    expect(cachedCardPage(basename(cardFile('live/a.b', key('e'))))).toBe('live/a.b');
    expect(cachedCardPage(`x.${key('e')}.png.123.tmp`)).toBeUndefined();
    expect(cachedCardPage(`${key('e')}.png`)).toBeUndefined();
    expect(cachedCardPage('stray-folder')).toBeUndefined();
  });
});
