/**
 * Where share cards are kept between builds, and how the cards no page shows
 * any more leave. A cached card is named by the page it belongs to and by
 * the hash of what it shows (`<page>.<key>.png`); the build's output names
 * its cards by page (`cards/<page>.png`). So once a build has succeeded, the
 * output itself says which cached cards are still shown: the one whose bytes
 * equal its page's card in the output. Every other one (a headline since
 * corrected, an article since removed) is deleted. Nothing is written while
 * the build lists its pages, and a build that fails deletes nothing, since
 * Astro calls `astro:build:done` only after a build that succeeded.
 */
import { readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildCacheRoot } from '../content/root';
import { fileSignature, readMemo, writeMemo } from '../file-memo';
import { READ_AHEAD, readAhead } from '../read-ahead';

/** Beside the other build caches, never in the output. */
export const cardCacheDir = join(buildCacheRoot(), 'broadside-cards');

/** The output folder's subfolder of cards, as `shareCardPath` names them. */
const OUTPUT_CARDS = 'cards';

/**
 * The cached card of a page: `page` is the card's path under `/cards/`
 * without `.png` (`world/2022/05/23/slug`), escaped into one file name.
 */
export const cardFile = (page: string, key: string, cacheDir = cardCacheDir) =>
  join(cacheDir, `${encodeURIComponent(page)}.${key}.png`);

/** `cardKey` gives 32 hex digits; a page path may hold dots, so the key is read from the end. */
const CACHED_CARD = /^(?<page>.+)\.(?<key>[0-9a-f]{32})\.png$/;

/** The page a cached card's file name belongs to; `undefined` for a name the cache never writes. */
export function cachedCardPage(fileName: string): string | undefined {
  const page = CACHED_CARD.exec(fileName)?.groups?.page;
  try {
    return page === undefined ? undefined : decodeURIComponent(page);
  } catch {
    return undefined;
  }
}

async function sameBytes(cached: string, shown: string): Promise<boolean> {
  const [cachedStat, shownStat] = await Promise.all([stat(cached), stat(shown).catch(() => undefined)]);
  if (cachedStat.size !== shownStat?.size) return false;
  const [a, b] = await Promise.all([readFile(cached), readFile(shown)]);
  return a.equals(b);
}

/**
 * The cards found the same as their page's card in the last output, by
 * cached card: the signatures of the two files then (src/lib/file-memo.ts).
 * A card a publish kept is the file compared last time and is not read.
 */
const comparedFile = (cacheDir: string) => `${cacheDir}.compared.json`;

/**
 * Deletes the cached cards the build in `outputDir` does not show, and any
 * other file in the cache (a PNG half-written by a build that was killed);
 * returns how many. An output without a `cards/` folder deletes nothing: it
 * is not a build of this site.
 */
export async function pruneCards(outputDir: string, cacheDir = cardCacheDir): Promise<number> {
  const shownCards = join(outputDir, OUTPUT_CARDS);
  if (!(await stat(shownCards).catch(() => undefined))?.isDirectory()) return 0;
  const files = await readdir(cacheDir).catch(() => []);
  if (files.length === 0) return 0;
  const lastCompared = await readMemo<string>(comparedFile(cacheDir));
  const compared: Record<string, string> = {};
  let removed = 0;
  const isShown = async (name: string): Promise<boolean> => {
    const page = cachedCardPage(name);
    if (page === undefined) return false;
    const [cached, card] = [join(cacheDir, name), join(shownCards, `${page}.png`)];
    const both = `${fileSignature(cached)} ${fileSignature(card)}`;
    if (lastCompared[name] !== both && !(await sameBytes(cached, card))) return false;
    compared[name] = both;
    return true;
  };
  // A few dozen files ahead: one at a time left the disk and the processor idle in turn.
  const checked = async (name: string) => ({ name, shown: await isShown(name) });
  for await (const { name, shown } of readAhead(files, READ_AHEAD, checked)) {
    if (shown) continue;
    await unlink(join(cacheDir, name));
    removed++;
  }
  await writeMemo(comparedFile(cacheDir), compared);
  return removed;
}

/** After a successful build, keeps in the card cache only the cards its output shows. */
export function pruneCardCache(): AstroIntegration {
  return {
    name: 'broadside:prune-card-cache',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const removed = await pruneCards(fileURLToPath(dir));
        if (removed > 0) logger.info(`${removed} share card(s) no page shows any more removed from the cache`);
      },
    },
  };
}
