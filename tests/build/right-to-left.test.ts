/**
 * A real build of an Arabic article (written for this test, in
 * tests/fixtures/content/rtl) beside the site's own content, read in
 * Chromium: the page is right to left and mirrored, the English chrome keeps
 * its own language and direction, Latin-script parts (dates, URLs) keep
 * their order, and its three sections get a table of contents. Its body
 * image is the seed's placeholder (`../2022/images/`), from the site's own
 * content copied in beside it.
 */
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from '@playwright/test';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium';
import { serveFolder } from '../../scripts/serve';
import { buildSite, project } from './build-site';

const work = mkdtempSync(join(tmpdir(), 'broadside-rtl-'));
const content = join(work, 'content');
const dist = join(work, 'dist');
const articlePath = '/world/2024/03/10/new-public-library/';

let server: Server | undefined;
let browser: Browser | undefined;
let base: string;

beforeAll(async () => {
  // The site's own content (the live blog's links must lead somewhere), plus the Arabic article.
  cpSync(join(project, 'content'), content, { recursive: true });
  cpSync(join(project, 'tests/fixtures/content/rtl'), content, { recursive: true });
  const { status, output } = buildSite(content, dist);
  expect(status, output).toBe(0);
  server = await serveFolder(dist);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}, 200_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  rmSync(work, { recursive: true, force: true });
});

async function open(options: { javaScriptEnabled?: boolean; width?: number; colorScheme?: 'light' | 'dark' } = {}) {
  if (!browser) throw new Error('the browser did not start');
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? false,
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    // Jumps to a section land at once, so where they land can be measured.
    reducedMotion: 'reduce',
    timezoneId: 'America/Los_Angeles',
    locale: 'en-US',
  });
  const page = await context.newPage();
  const response = await page.goto(`${base}${articlePath}`);
  expect(response?.status()).toBe(200);
  return page;
}

/** Left and right edges, in CSS pixels, of one character of an element's text. */
function characterBox(page: Page, selector: string, index: number) {
  return page.locator(selector).evaluate((element, at) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let node = walker.nextNode();
    let offset = at < 0 ? element.textContent.length + at : at;
    while (node && offset >= (node.textContent ?? '').length) {
      offset -= (node.textContent ?? '').length;
      node = walker.nextNode();
    }
    const range = document.createRange();
    range.setStart(node!, offset);
    range.setEnd(node!, offset + 1);
    const { left, right } = range.getBoundingClientRect();
    return { left, right };
  }, index);
}

describe('an Arabic article', { timeout: 60_000 }, () => {
  it('is right to left in Arabic, and the English chrome keeps its language and direction', async () => {
    const page = await open();
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    for (const chrome of ['header.masthead', 'footer.site-footer', 'a.skip-link']) {
      expect(await page.locator(chrome).getAttribute('lang'), chrome).toBe('en');
      expect(await page.locator(chrome).getAttribute('dir'), chrome).toBe('ltr');
    }
    // The masthead stays where it is on every other page: the name on the left.
    const name = (await page.locator('.site-name').boundingBox())!;
    expect(name.x).toBeLessThan(100);
    // English labels inside the Arabic article say so, for screen readers' voices.
    for (const label of ['.section-label', '.timestamp', '.reading-time']) {
      expect(await page.locator(label).first().getAttribute('lang'), label).toBe('en');
    }
    await page.context().close();
  });

  it('is mirrored: the section label and the headline start on the right', async () => {
    const page = await open();
    const main = (await page.locator('main').boundingBox())!;
    const mainRight = main.x + main.width;
    const label = (await page.locator('.section-label a').boundingBox())!;
    const headline = await page.locator('h1').evaluate((h1) => {
      const range = document.createRange();
      range.selectNodeContents(h1);
      const first = range.getClientRects()[0]!;
      return {
        right: first.right,
        boxRight: h1.getBoundingClientRect().right,
        paddingRight: parseFloat(getComputedStyle(h1.closest('main')!).paddingRight),
      };
    });
    expect(label.x).toBeGreaterThan(main.x + main.width / 2);
    expect(mainRight - headline.paddingRight - (label.x + label.width)).toBeLessThan(2);
    // At 1280 px the story grid's rail, with the section label, is on the right: the headline starts at its own column's right.
    expect(headline.boxRight).toBeGreaterThan(main.x + main.width / 2);
    expect(headline.boxRight - headline.right).toBeLessThan(2);
    // Logical properties mirror the body's list indent and the contents box too.
    expect(
      await page
        .locator('.toc ol')
        .first()
        .evaluate((ol) => getComputedStyle(ol).paddingRight),
    ).not.toBe('0px');
    expect(
      await page
        .locator('.toc ol')
        .first()
        .evaluate((ol) => getComputedStyle(ol).paddingLeft),
    ).toBe('0px');
    await page.context().close();
  });

  it('keeps Arabic punctuation at the end of the line: on the left', async () => {
    const page = await open();
    const paragraph = '.prose p:first-of-type';
    const firstLetter = await characterBox(page, paragraph, 0);
    const fullStop = await characterBox(page, paragraph, -1);
    expect(await page.locator(paragraph).evaluate((p) => p.textContent.at(-1))).toBe('.');
    expect(fullStop.right).toBeLessThan(firstLetter.left);
    const prose = await page.locator('.prose').innerText();
    expect(prose).toContain('مسبقاً؟');
    expect(prose).toContain('«نريد');
    await page.context().close();
  });

  it('isolates dates and URLs so they read left to right', async () => {
    const page = await open();
    const time = page.locator('.timestamps time').first();
    expect(await time.innerText()).toBe('March 10, 2024, 9:30 AM');
    const isolate = await time.evaluate((element) => {
      const holder = element.closest('[dir]')!;
      return { dir: holder.getAttribute('dir'), bidi: getComputedStyle(holder).unicodeBidi };
    });
    expect(isolate).toEqual({ dir: 'ltr', bidi: 'isolate' });
    // "March" is read before "2024": left of it, inside the right-to-left page.
    const march = await characterBox(page, '.timestamps time >> nth=0', 0);
    const year = await characterBox(page, '.timestamps time >> nth=0', 'March 10, '.length);
    expect(march.left).toBeLessThan(year.left);

    const link = page.locator('.prose a[href="https://library.example/booking/"]');
    expect(await link.evaluate((a) => getComputedStyle(a).unicodeBidi)).toBe('plaintext');
    const scheme = await characterBox(page, '.prose a[href="https://library.example/booking/"]', 0);
    const lastSlash = await characterBox(page, '.prose a[href="https://library.example/booking/"]', -1);
    // The trailing slash stays at the end of the URL instead of jumping to its start.
    expect(scheme.left).toBeLessThan(lastSlash.left);
    await page.context().close();
  });

  it('has a closed table of contents of its three sections that opens without JavaScript', async () => {
    const page = await open();
    const toc = page.locator('details.toc');
    expect(await toc.getAttribute('open')).toBeNull();
    const links = toc.locator('nav > ol > li > a');
    expect(await links.allTextContents()).toEqual(['ساعات العمل', 'برامج الأطفال', 'الخطوات المقبلة']);
    expect(await toc.locator('ol ol a').allTextContents()).toEqual(['التسجيل']);
    expect(await links.first().isVisible()).toBe(false);
    await toc.locator('summary').click();
    expect(await links.first().isVisible()).toBe(true);
    const ids = await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    for (const id of ids) expect(await page.locator(`h2${id}`).count(), id!).toBe(1);
    await links.nth(1).click();
    expect(decodeURIComponent(page.url())).toMatch(new RegExp(`${ids[1]}$`));
    const target = (await page.locator(`h2${ids[1]}`).boundingBox())!;
    expect(target.y).toBeGreaterThanOrEqual(0);
    expect(target.y).toBeLessThan(900);
    await page.context().close();
  });

  it('counts its words in Arabic and states the reading time', async () => {
    const page = await open();
    expect(await page.locator('.reading-time').innerText()).toMatch(/^1-minute read · \d+ words$/);
    const words = Number(/(\d+) words/.exec(await page.locator('.reading-time').innerText())![1]);
    expect(words).toBeGreaterThan(100);
    expect(words).toBeLessThan(140);
    await page.context().close();
  });

  it('is listed on the front page in Arabic, with the English labels marked and the date isolated', async () => {
    const page = await open();
    await page.goto(`${base}/`);
    const card = page.locator(`article.card:has(a[href="${articlePath}"])`);
    expect(await card.getAttribute('lang')).toBe('ar');
    expect(await card.locator('.card-section').getAttribute('lang')).toBe('en');
    expect(await card.locator('.card-date').getAttribute('lang')).toBe('en');
    expect(await card.locator('time').getAttribute('dir')).toBe('ltr');
    expect(await card.locator('time').innerText()).toBe('March 10, 2024');
    await page.context().close();
  });

  it('loads a body image lazily, sized so nothing moves, in modern formats', async () => {
    const page = await open();
    const image = page.locator('.prose img');
    expect(await image.getAttribute('loading')).toBe('lazy');
    expect(await image.getAttribute('width')).toBe('1600');
    expect(await image.getAttribute('height')).toBe('900');
    expect(await image.getAttribute('src')).toMatch(/\.webp$/);
    expect(await image.getAttribute('alt')).toContain('كاميرا مشطوبة');
    await page.context().close();
  });

  it('fits a 320 px screen without scrolling sideways, and has no axe violations in either scheme', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await open({ width: 320, colorScheme, javaScriptEnabled: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      expect(results.violations.map((violation) => violation.id)).toEqual([]);
      await page.context().close();
    }
  });
});
