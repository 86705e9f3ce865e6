import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH, canDrawHeadline, cardAlt, drawableText, headlineSize } from '@/lib/share-card/card';
import { cardFile } from '@/lib/share-card/cache-fs';
import { cardKey, shareCardPng } from '@/lib/share-card/draw-fs';
import { smartPunctuation } from '@/lib/markdown/remark-smart-punctuation';

const cacheDir = mkdtempSync(join(tmpdir(), 'broadside-cards-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

const seed = {
  headline: "Russian diplomat to UN resigns with LinkedIn broadside at 'warmongering' Moscow",
  section: 'World',
  date: 'May 23, 2022',
};
const page = 'world/2022/05/23/russian-diplomat-un-resigns';

/** Width and height from a PNG's IHDR chunk, after the 8-byte signature. */
function pngSize(png: Buffer) {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('share cards', { timeout: 60_000 }, () => {
  it('draws a 1200x630 PNG, then serves the same bytes from the cache, kept under its page', async () => {
    const first = await shareCardPng(seed, page, cacheDir);
    expect(first.cached).toBe(false);
    expect(pngSize(first.png)).toEqual({ width: CARD_WIDTH, height: CARD_HEIGHT });
    const second = await shareCardPng(seed, page, cacheDir);
    expect(second.cached).toBe(true);
    expect(second.png.equals(first.png)).toBe(true);
    expect(readdirSync(cacheDir)).toEqual([basename(cardFile(page, await cardKey(seed), cacheDir))]);
    if (process.env.CARD_DUMP) writeFileSync(join(process.env.CARD_DUMP, 'seed.png'), first.png);
  });

  it('draws again when anything on the card changes', async () => {
    const keys = new Set(
      await Promise.all([
        cardKey(seed),
        cardKey({ ...seed, headline: `${seed.headline}.` }),
        cardKey({ ...seed, section: 'Business' }),
        cardKey({ ...seed, date: 'May 24, 2022' }),
        cardKey({ ...seed, badge: 'Live' }),
        // The headline as the build reads it, with curled quotes: a card drawn straight is not reused.
        cardKey({ ...seed, headline: smartPunctuation(seed.headline) }),
      ]),
    );
    expect(keys.size).toBe(6);
  });

  it('wraps and clamps a very long headline full of markup and emoji instead of failing', async () => {
    const headline = `A “quoted” & <script>alert(1)</script> headline 🎉 ${'that goes on and on '.repeat(12)}`.trim();
    const { png } = await shareCardPng({ ...seed, headline, badge: 'Live' }, 'live/long', cacheDir);
    expect(pngSize(png)).toEqual({ width: CARD_WIDTH, height: CARD_HEIGHT });
    if (process.env.CARD_DUMP) writeFileSync(join(process.env.CARD_DUMP, 'long.png'), png);
  });

  it('leaves out of the picture the emoji its fonts cannot draw, and nothing else', () => {
    expect(drawableText('Kyiv 🇺🇦 cheers 🎉, 👍🏽 and 👩‍💻: “Señor” & Ελλάδα')).toBe('Kyiv cheers , and : “Señor” & Ελλάδα');
    expect(drawableText(seed.headline)).toBe(seed.headline);
  });

  it('shows the tagline instead of a headline in a script its font cannot set, and says so in the alt text', async () => {
    const arabic = { ...seed, headline: 'مكتبة عامة جديدة تفتح أبوابها في المدينة' };
    expect(canDrawHeadline(arabic.headline)).toBe(false);
    expect(canDrawHeadline('Ελλάδα και Україна: “quotes” & 100%')).toBe(true);
    expect(canDrawHeadline('🎉')).toBe(false);
    expect(cardAlt(arabic)).toBe(
      'Broadside card: World, May 23, 2022. News that reads well on a phone, in a browser and on paper.',
    );
    const { png } = await shareCardPng(arabic, 'world/arabic', cacheDir);
    expect(pngSize(png)).toEqual({ width: CARD_WIDTH, height: CARD_HEIGHT });
    if (process.env.CARD_DUMP) writeFileSync(join(process.env.CARD_DUMP, 'arabic.png'), png);
  });

  it('sets long headlines smaller', () => {
    expect(headlineSize('Short')).toBeGreaterThan(headlineSize(seed.headline));
    expect(headlineSize(seed.headline)).toBeGreaterThan(headlineSize('x'.repeat(200)));
  });

  it('says in its alt text everything the card shows', () => {
    expect(cardAlt(seed)).toBe(`Broadside card: World, May 23, 2022. ${seed.headline}`);
    expect(cardAlt({ ...seed, badge: 'Live' })).toBe(`Broadside card: Live, World, May 23, 2022. ${seed.headline}`);
  });
});
