/**
 * Draws share cards (see `card.ts`): satori lays the card out as SVG with
 * Inter, resvg turns it into a PNG. A card is cached on disk under its page
 * and a hash of its inputs and of the renderer (layout version, satori,
 * resvg, fonts), so a build that renders an unchanged card again reads the
 * PNG instead of drawing it, and any change to what the card depends on
 * draws it afresh. Astro's incremental build already copies an unchanged
 * card from the last build; this cache is for the builds where Astro cannot
 * (see docs/decisions.md, "Share cards are cached by page and content").
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { renderAsync } from '@resvg/resvg-js';
import resvgPackage from '@resvg/resvg-js/package.json' with { type: 'json' };
import satori from 'satori';
import satoriPackage from 'satori/package.json' with { type: 'json' };
import { cardCacheDir, cardFile } from './cache-fs';
import { CARD_HEIGHT, CARD_LAYOUT_VERSION, CARD_WIDTH, cardTree, type CardInputs } from './card';

const require = createRequire(import.meta.url);

/** Inter's subsets, in the weights the card uses; satori reads .woff, not .woff2. */
const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese'];
const WEIGHTS = [600, 700, 800] as const;

interface Font {
  name: string;
  data: Buffer;
  weight: (typeof WEIGHTS)[number];
  style: 'normal';
}

let fonts: Promise<Font[]> | undefined;

function loadFonts(): Promise<Font[]> {
  fonts ??= Promise.all(
    WEIGHTS.flatMap((weight) =>
      SUBSETS.map(async (subset) => ({
        name: 'Inter',
        data: await readFile(require.resolve(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff`)),
        weight,
        style: 'normal' as const,
      })),
    ),
  );
  return fonts;
}

let fontsDigest: Promise<string> | undefined;

/** One digest of the fonts, taken once per build rather than once per card. */
function fontDigest(): Promise<string> {
  fontsDigest ??= loadFonts().then((fonts) => {
    const hash = createHash('sha256');
    for (const font of fonts) hash.update(font.data);
    return hash.digest('hex');
  });
  return fontsDigest;
}

/** The cache key of a card: its inputs and everything that draws it. */
export async function cardKey(inputs: CardInputs): Promise<string> {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify({
      layout: CARD_LAYOUT_VERSION,
      satori: satoriPackage.version,
      resvg: resvgPackage.version,
      inputs: { headline: inputs.headline, section: inputs.section, date: inputs.date, badge: inputs.badge ?? null },
    }),
  );
  hash.update(await fontDigest());
  return hash.digest('hex').slice(0, 32);
}

/** Draws a card, without the cache. */
export async function drawCard(inputs: CardInputs): Promise<Buffer> {
  const svg = await satori(cardTree(inputs) as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts: await loadFonts(),
  });
  // Rasterised off the main thread, so pages keep rendering meanwhile.
  const png = await renderAsync(svg, {
    fitTo: { mode: 'width', value: CARD_WIDTH },
    font: { loadSystemFonts: false },
  });
  return png.asPng();
}

/**
 * The PNG of the card of `page` (its path under `/cards/`, without `.png`):
 * from the cache when an equal card was drawn for that page before, else
 * drawn and cached. Kept per page, so the build's output tells which cached
 * cards are still shown (see `cache-fs.ts`).
 */
export async function shareCardPng(
  inputs: CardInputs,
  page: string,
  cacheDir = cardCacheDir,
): Promise<{ png: Buffer; cached: boolean }> {
  const file = cardFile(page, await cardKey(inputs), cacheDir);
  try {
    return { png: await readFile(file), cached: true };
  } catch {
    const png = await drawCard(inputs);
    await mkdir(dirname(file), { recursive: true });
    // Written aside and renamed, so a build that stops half-way never leaves a torn PNG in the cache.
    const partial = `${file}.${process.pid}.tmp`;
    await writeFile(partial, png);
    await rename(partial, file);
    return { png, cached: false };
  }
}
