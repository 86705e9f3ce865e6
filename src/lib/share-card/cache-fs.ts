/**
 * Where share cards are kept between builds, and how the cards no page shows
 * any more leave: every card a build shows is marked in use (its file's time
 * set to now) while the build lists its pages, and once the build has
 * succeeded, the cards it did not mark (a headline since corrected, an
 * article since removed) are deleted. A build that fails deletes nothing.
 */
import { readdir, stat, unlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { otherContentCacheDir } from '../content/root';

/** Beside the other build caches, never in the output. */
export const cardCacheDir = join(otherContentCacheDir ?? join(process.cwd(), 'node_modules/.cache'), 'broadside-cards');

export const cardFile = (key: string, cacheDir = cardCacheDir) => join(cacheDir, `${key}.png`);

/** Marks a cached card as shown by this build; a card not drawn yet is drawn, and so marked, later in it. */
export async function markCardInUse(key: string, cacheDir = cardCacheDir): Promise<void> {
  const now = new Date();
  await utimes(cardFile(key, cacheDir), now, now).catch(() => undefined);
}

/**
 * File times come from the kernel's coarse clock, which can trail the
 * process's clock by a few milliseconds: a card marked just after `since`
 * may carry a time just before it.
 */
const CLOCK_SLACK_MS = 2_000;

/** Deletes the cache's files not marked or written since `since`; returns how many. */
export async function pruneCards(since: Date, cacheDir = cardCacheDir): Promise<number> {
  const files = await readdir(cacheDir).catch(() => []);
  let removed = 0;
  for (const name of files) {
    const file = join(cacheDir, name);
    if ((await stat(file)).mtimeMs < since.getTime() - CLOCK_SLACK_MS) {
      await unlink(file);
      removed += 1;
    }
  }
  return removed;
}

export function pruneCardCache(): AstroIntegration {
  let started = new Date();
  return {
    name: 'broadside:prune-card-cache',
    hooks: {
      'astro:build:start': () => {
        started = new Date();
      },
      'astro:build:done': async ({ logger }) => {
        const removed = await pruneCards(started);
        if (removed > 0) logger.info(`${removed} share card(s) no page shows any more removed from the cache`);
      },
    },
  };
}
