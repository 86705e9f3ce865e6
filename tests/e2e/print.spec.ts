/**
 * The paper copy: Chromium prints the seed article and its live blog to PDF,
 * and poppler's pdftotext and pdftoppm read back what a reader would hold.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import sharp from 'sharp';
import { serveFolder } from '../../scripts/serve';
import { buildSite, project } from '../build/build-site';
import { articlePath, liveBlogPath, normalise, seedLines } from './seed';

const origin = 'https://broadside.example';
const formats = ['A4', 'Letter'] as const;
type Format = (typeof formats)[number];

interface Printout {
  /** The whole text, in poppler's reading order, page-number lines left out. */
  text: string;
  /** The text's blocks (a column's run of lines), squashed: see `squash`. */
  blocks: string[];
  pages: number;
  file: string;
}

/**
 * Leaves only what the words are: no white space (a line may break anywhere
 * in a URL), no hyphens (a PDF may hyphenate a word at a line end), one kind
 * of quote mark.
 */
function squash(text: string): string {
  return normalise(text).replace(/[\s\u00ad\u2010-]+/g, '');
}

/**
 * Prints the page to PDF and reads it back. pdftotext runs in its reading-order
 * mode: with -layout it keeps the two columns side by side, interleaving their
 * lines, so a paragraph could no longer be read in one piece.
 */
async function print(page: Page, testInfo: TestInfo, name: string, format: Format, printBackground = false) {
  const file = testInfo.outputPath(`${name}.pdf`);
  await page.pdf({ path: file, format, printBackground });
  const raw = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const lines = raw.split(/\n|\f/).filter((line) => !/^\s*\d+\s*\/\s*\d+\s*$/.test(line));
  const text = lines.join('\n');
  const blocks = text
    .split(/\n\s*\n/)
    .map(squash)
    .filter(Boolean);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  return { text, blocks, pages, file } satisfies Printout;
}

/** Renders one page of a PDF to a PNG beside it, for a person to look at; returns its path. */
function renderPage(pdf: string, pageNumber: number, resolution: number): string {
  const prefix = pdf.replace(/\.pdf$/, `-page${pageNumber}`);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    String(resolution),
    '-f',
    String(pageNumber),
    '-l',
    String(pageNumber),
    '-singlefile',
    pdf,
    prefix,
  ]);
  return `${prefix}.png`;
}

/**
 * True when `words` are in the printout in order: in one block, or run from
 * the end of one block into the start of others, as a paragraph does when a
 * column or a page ends in its middle.
 */
function printed(printout: Printout, words: string, fragments = 3): boolean {
  const wanted = squash(words);
  if (printout.blocks.some((block) => block.includes(wanted))) return true;
  const continues = (rest: string, left: number): boolean =>
    printout.blocks.some(
      (block) =>
        block.startsWith(rest) || (left > 1 && rest.startsWith(block) && continues(rest.slice(block.length), left - 1)),
    );
  return printout.blocks.some((block) => {
    for (let cut = Math.min(block.length, wanted.length - 1); cut > 0; cut--) {
      if (block.endsWith(wanted.slice(0, cut)) && continues(wanted.slice(cut), fragments - 1)) return true;
    }
    return false;
  });
}

const screenOnly = [
  'Skip to content',
  'Link to this',
  'Copy link',
  'Share this',
  // The section navigation; the story's own section, World, is printed as its label.
  'Business',
  'Climate',
];

test.describe('printing the seed article', () => {
  for (const format of formats) {
    test(`${format}: every paragraph, the headline, both timestamps, the permalink; nothing screen-only`, async ({
      page,
    }, testInfo) => {
      await page.goto(articlePath);
      const printout = await print(page, testInfo, `article-${format}`, format);
      const png = renderPage(printout.file, 1, 50);
      await testInfo.attach(`first page, ${format}`, { path: png, contentType: 'image/png' });

      const [headline, standfirst, captionLine, notice, liveLine, ...rest] = seedLines;
      const updatedLine = rest.pop()!;
      for (const line of [headline!, standfirst!, captionLine!, notice!, liveLine!, ...rest]) {
        expect(printed(printout, line), line).toBe(true);
      }
      expect(printed(printout, 'Broadside'), 'the site name').toBe(true);
      expect(printout.text).toContain('WORLD');
      expect(printed(printout, `${liveLine} (${origin}${liveBlogPath})`), 'the live-updates line with its URL').toBe(
        true,
      );
      // The seed's own line has no zone; the page adds it, and says when it was first published.
      expect(printed(printout, `${updatedLine} GMT+4`)).toBe(true);
      expect(printed(printout, 'Published: May 23, 2022')).toBe(true);
      expect(printed(printout, `${origin}${articlePath}`), 'the permalink').toBe(true);

      for (const control of screenOnly) expect(printout.text, control).not.toContain(control);
      expect(printout.text).not.toMatch(/javascript:/i);
      // A site path is printed on its origin, never bare.
      expect(printout.text).not.toMatch(/(^|[\s(])\/(live|world|tags)\//m);

      // Measured: 2 pages in both sizes; a third would mean the layout has come apart.
      expect(printout.pages).toBeGreaterThanOrEqual(1);
      expect(printout.pages).toBeLessThanOrEqual(3);
    });
  }

  test('keeps the pull quotes whole, on paper as on screen', async ({ page }, testInfo) => {
    await page.goto(articlePath);
    const printout = await print(page, testInfo, 'article-pullquotes', 'A4');
    // Each is one block: a quote split over a column or page would be two.
    expect(
      printout.blocks.some((block) =>
        block.includes(squash('“Never have I been so ashamed of my country.” — Boris Bondarev')),
      ),
    ).toBe(true);
    expect(
      printout.blocks.some((block) =>
        block.includes(squash('“It is all about warmongering, lies and hatred” — Boris Bondarev')),
      ),
    ).toBe(true);
  });

  test('prints what is folded away in a closed <details>', async ({ page }, testInfo) => {
    await page.goto(articlePath);
    // The seed has none, so one is added the way Markdown's raw HTML would put it in the body.
    await page.locator('.prose').evaluate((prose) => {
      prose.insertAdjacentHTML(
        'beforeend',
        '<details><summary>Full letter</summary><p>Enough is enough, wrote the counsellor.</p></details>',
      );
    });
    await expect(page.getByText('Enough is enough, wrote the counsellor.')).toBeHidden();
    const printout = await print(page, testInfo, 'article-details', 'A4');
    expect(printed(printout, 'Full letter')).toBe(true);
    expect(printed(printout, 'Enough is enough, wrote the counsellor.')).toBe(true);
  });

  test('prints black on white when the screen is dark', async ({ page }, testInfo) => {
    // One fixed moment, so the printed date is the same on both prints below.
    await page.clock.setFixedTime(new Date('2026-03-15T12:00:00Z'));
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(articlePath);
    // The screen really is dark here, so what follows can fail.
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(21, 23, 26)');

    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const colours = await page.evaluate(() => {
      const shown = (element: Element) => getComputedStyle(element).display !== 'none';
      const texts = [
        ...document.querySelectorAll('h1, .standfirst, .prose p, figcaption, .timestamps, .section-label a'),
      ];
      return {
        body: getComputedStyle(document.body).backgroundColor,
        html: getComputedStyle(document.documentElement).backgroundColor,
        text: texts.filter(shown).map((element) => getComputedStyle(element).color),
        fills: [...document.querySelectorAll('body *')]
          .map((element) => getComputedStyle(element).backgroundColor)
          .filter((colour) => colour !== 'rgba(0, 0, 0, 0)'),
      };
    });
    expect(colours.body).toBe('rgb(255, 255, 255)');
    expect(colours.text.length).toBeGreaterThan(10);
    for (const colour of colours.text) {
      // Black, or a grey dark enough to read as black on paper.
      const [r, g, b] = colour.match(/\d+/g)!.map(Number);
      expect(Math.max(r!, g!, b!), colour).toBeLessThanOrEqual(0x33);
    }
    expect(colours.fills, 'no element is filled').toEqual([]);

    // And the paper itself, printed with background graphics on, as a reader
    // might: the first page is the very same as from a light screen.
    const firstPage = async (colorScheme: 'light' | 'dark') => {
      await page.emulateMedia({ media: 'print', colorScheme });
      const printout = await print(page, testInfo, `article-${colorScheme}`, 'A4', true);
      return sharp(renderPage(printout.file, 1, 50))
        .greyscale()
        .raw()
        .toBuffer({ resolveWithObject: true });
    };
    const light = await firstPage('light');
    const { data, info } = await firstPage('dark');
    expect(data.length).toBe(light.data.length);
    let differ = 0;
    let white = 0;
    let black = 0;
    for (let i = 0; i < data.length; i++) {
      if (Math.abs(data[i]! - light.data[i]!) > 8) differ++;
      if (data[i]! >= 250) white++;
      if (data[i]! <= 60) black++;
    }
    expect(differ, 'pixels that differ from the light-screen print').toBe(0);
    // Mostly paper; the rest is type and the grey placeholder image.
    expect(white / data.length, 'share of white paper').toBeGreaterThan(0.75);
    expect(black, 'black type').toBeGreaterThan(1000);
    for (const [x, y] of [
      [2, 2],
      [info.width - 3, 2],
      [2, info.height - 3],
      [info.width - 3, info.height - 3],
    ]) {
      expect(data[y! * info.width + x!], 'a corner of the page').toBe(255);
    }
  });
});

/**
 * Corrections and an editor's note print: an article written for the test
 * (tests/fixtures/content/records, fictional) is built beside the site's
 * own content and served for this group alone, since the seed has no
 * correction and one added to it would be invented.
 */
test.describe('printing a corrected article', () => {
  test.describe.configure({ mode: 'serial', timeout: 300_000 });
  const correctedPath = '/world/2024/03/10/harbour-bridge-reopens/';
  const work = mkdtempSync(join(tmpdir(), 'broadside-print-records-'));
  let server: Server | undefined;
  let base = '';

  // Paper is the same from any device: printed once, and the site built once.
  test.skip(({ isMobile }) => isMobile, 'printed on the desktop project only');

  test.beforeAll(async () => {
    const content = join(work, 'content');
    cpSync(join(project, 'content'), content, { recursive: true });
    cpSync(join(project, 'tests/fixtures/content/records'), content, { recursive: true });
    const { status, output } = buildSite(content, join(work, 'dist'));
    expect(status, output).toBe(0);
    server = await serveFolder(join(work, 'dist'));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  test.afterAll(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    rmSync(work, { recursive: true, force: true });
  });

  test('A4: the note, the marker, every correction with its time, and the other edition with its address', async ({
    page,
  }, testInfo) => {
    await page.goto(`${base}${correctedPath}`);
    const printout = await print(page, testInfo, 'corrected-A4', 'A4');
    expect(printout.text).toMatch(/EDITOR.S NOTE/);
    expect(printed(printout, 'This article is a test fixture: the bridge and the city are fictional.')).toBe(true);
    expect(printed(printout, 'Corrected 2 times, last March 11, 2024'), 'the marker').toBe(true);
    for (const line of [
      'Correction, March 10, 2024, 3:30 PM GMT+4: An earlier version gave the bridge’s length as 900 metres; it is 700 metres.',
      'Correction, March 11, 2024, 10:00 AM GMT+4: An earlier version said the repairs took four weeks; they took three.',
    ]) {
      expect(printed(printout, line), line).toBe(true);
    }
    expect(printed(printout, `Français (${origin}/world/2024/03/10/pont-du-port-rouvre/)`), 'the edition').toBe(true);
  });
});

test.describe('the date a copy was printed', () => {
  test.use({ timezoneId: 'America/Los_Angeles' });

  test('is filled in by the browser, in the reader’s zone, when it prints', async ({ page }, testInfo) => {
    // 05:00 UTC on the 15th is still the 14th in Los Angeles.
    await page.clock.setFixedTime(new Date('2026-03-15T05:00:00Z'));
    await page.goto(articlePath);
    const line = page.locator('print-date p');
    await expect(line.locator('time')).toHaveAttribute('datetime', '2026-03-14');

    // The tab stays open into the next day; printing then says so.
    await page.clock.setFixedTime(new Date('2026-03-16T18:00:00Z'));
    const printout = await print(page, testInfo, 'article-printed-on', 'A4');
    expect(printed(printout, 'Printed March 16, 2026')).toBe(true);
    await expect(line.locator('time')).toHaveAttribute('datetime', '2026-03-16');
    await expect(line.locator('time')).toHaveText('March 16, 2026');
  });

  test.describe('with JavaScript off', () => {
    test.use({ javaScriptEnabled: false });

    test('is left out rather than guessed', async ({ page }, testInfo) => {
      await page.goto(articlePath);
      await expect(page.locator('print-date time')).toHaveCount(0);
      await expect(page.locator('print-date p')).toHaveAttribute('hidden', '');
      const printout = await print(page, testInfo, 'article-no-script', 'A4');
      expect(printout.text).not.toContain('Printed');
      // The rest of the source block is still there.
      expect(printed(printout, `${origin}${articlePath}`)).toBe(true);
    });
  });
});

test.describe('the source block', () => {
  test('is not on screen, nor in the accessibility tree', async ({ page }) => {
    await page.goto(articlePath);
    await expect(page.locator('.print-source')).toBeHidden();
    await expect(page.getByRole('complementary', { name: 'Source of this copy' })).toHaveCount(0);
  });

  test('carries a QR code of the permalink, named for what it is', async ({ page }) => {
    await page.emulateMedia({ media: 'print' });
    await page.goto(articlePath);
    const code = page.getByRole('img', { name: `QR code of ${origin}${articlePath}` });
    await expect(code).toBeVisible();
    const box = (await code.boundingBox())!;
    // About 24 mm: big enough for a phone to read from an arm's length.
    expect(box.width).toBeGreaterThan(80);
    expect(Math.abs(box.width - box.height)).toBeLessThan(1);
  });
});

test.describe('printing the live blog', () => {
  for (const format of formats) {
    test(`${format}: the key events and every update with its time and permalink, and the source`, async ({
      page,
    }, testInfo) => {
      await page.goto(liveBlogPath);
      const updates = await page.locator('.live-update[id]').evaluateAll((entries) =>
        entries.map((entry) => ({
          // What the page shows: the zone's long name is there for screen readers only.
          time: (() => {
            const stamp = entry.querySelector('.timestamp')!.cloneNode(true) as Element;
            stamp.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
            return stamp.textContent;
          })(),
          title: entry.querySelector('h2')!.textContent,
          body: [...entry.querySelectorAll('.update-body p')].map((paragraph) => paragraph.textContent),
          permalink: entry.querySelector('.update-print-url')!.textContent,
        })),
      );
      expect(updates).toHaveLength(5);
      const printout = await print(page, testInfo, `live-${format}`, format);
      renderPage(printout.file, 1, 50);

      expect(printed(printout, 'Russia-Ukraine: live updates')).toBe(true);
      for (const update of updates) {
        expect(printed(printout, update.time), update.time).toBe(true);
        expect(printed(printout, update.title), update.title).toBe(true);
        for (const paragraph of update.body) expect(printed(printout, paragraph), paragraph).toBe(true);
        expect(printed(printout, update.permalink), update.permalink).toBe(true);
      }
      expect(printed(printout, 'Key events')).toBe(true);
      expect(printed(printout, 'Posted: May 23, 2022, 10:05 AM GMT+4')).toBe(true);
      expect(printed(printout, `Read the full story (${origin}${articlePath})`)).toBe(true);
      expect(printed(printout, `${origin}${liveBlogPath}`), 'the permalink').toBe(true);
      for (const control of screenOnly) expect(printout.text, control).not.toContain(control);
      expect(printout.text).not.toMatch(/(^|[\s(])\/(live|world|tags)\//m);
      expect(printout.pages).toBeLessThanOrEqual(2);
    });
  }
});
