/**
 * The article and the front page from a phone to a wide screen: the story
 * grid from 1,000 px (rail beside the body, the body at its measure, the
 * headline in as few lines as it needs), never a sideways scroll, nothing
 * that moves as images arrive, and axe clean in both schemes. Each width's
 * full-page screenshot is kept in the test's folder under `test-results/`.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { layoutShifts, recordLayoutShifts } from './layout-shifts';
import { articlePath } from './seed';

const PHONE = 390;
const WIDE = [1024, 1280, 1440, 1920];
/** The story grid starts at 62.5rem. */
const GRID_FROM = 1000;

test.beforeEach(() => {
  // Every width is set here; the phone project would only run the same checks again.
  test.skip(test.info().project.name === 'phone', 'widths are set by each test');
});

/** Opens `path` at `width` and waits until images and fonts are in. */
async function open(page: Page, path: string, width: number) {
  await page.setViewportSize({ width, height: 900 });
  await page.goto(path);
  await page.waitForLoadState('load');
  await page.evaluate(() => document.fonts.ready);
}

/** The most characters on any full line of the body's paragraphs, counted with a Range over each character. */
function longestBodyLine(page: Page) {
  return page.locator('.prose').evaluate((prose) => {
    let longest = 0;
    for (const p of prose.querySelectorAll(':scope > p')) {
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      const perLine = new Map<number, number>();
      const range = document.createRange();
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node as Text;
        for (let index = 0; index < text.length; index++) {
          range.setStart(text, index);
          range.setEnd(text, index + 1);
          const rect = range.getBoundingClientRect();
          if (rect.width === 0) continue;
          const top = Math.round(rect.top);
          perLine.set(top, (perLine.get(top) ?? 0) + 1);
        }
      }
      for (const count of perLine.values()) longest = Math.max(longest, count);
    }
    return longest;
  });
}

/** The headline's lines, and the fewest it could take at its size and width (its one-line width over the box's). */
function headlineLines(page: Page, selector: string) {
  return page.locator(selector).evaluate((heading) => {
    const style = getComputedStyle(heading);
    const lines = Math.round(heading.getBoundingClientRect().height / parseFloat(style.lineHeight));
    const probe = document.createElement('span');
    probe.style.cssText = 'position:absolute;white-space:nowrap;visibility:hidden';
    probe.textContent = heading.textContent.trim();
    heading.append(probe);
    const oneLine = probe.getBoundingClientRect().width;
    probe.remove();
    return { lines, fewest: Math.ceil(oneLine / heading.clientWidth) };
  });
}

/** The layout shifts while `path` loads in a page of its own, with images held back so the text is laid out first. */
async function shiftsAsImagesArrive(context: BrowserContext, path: string, width: number) {
  const page = await context.newPage();
  await page.route(/\.(avif|webp|png|svg)$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    await route.continue();
  });
  await recordLayoutShifts(page);
  await open(page, path, width);
  await page.evaluate(() => Promise.all([...document.images].map((image) => image.decode().catch(() => undefined))));
  const shifts = await layoutShifts(page);
  await page.close();
  return shifts;
}

for (const width of [PHONE, ...WIDE]) {
  test.describe(`at ${width} px`, () => {
    test('the article: screenshot, no sideways scroll, the body within 75 characters a line', async ({
      page,
    }, testInfo) => {
      await open(page, articlePath, width);
      await page.screenshot({ path: testInfo.outputPath(`article-${width}.png`), fullPage: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      expect(await longestBodyLine(page)).toBeLessThanOrEqual(75);
    });

    test('the front page: screenshot, no sideways scroll', async ({ page }, testInfo) => {
      await open(page, '/', width);
      await page.screenshot({ path: testInfo.outputPath(`front-${width}.png`), fullPage: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    });

    test('nothing moves as the images arrive (CLS 0), on the article and the front page', async ({ context }) => {
      expect(await shiftsAsImagesArrive(context, articlePath, width)).toEqual([]);
      expect(await shiftsAsImagesArrive(context, '/', width)).toEqual([]);
    });
  });
}

for (const width of WIDE) {
  test(`at ${width} px the rail stands beside the body, from its top, and the headline takes the lines it needs`, async ({
    page,
  }) => {
    await open(page, articlePath, width);
    const rail = (await page.locator('.story-rail').boundingBox())!;
    const body = (await page.locator('.story-body').boundingBox())!;
    // Beside: the rail ends before the body begins, and both start on one line.
    expect(rail.x + rail.width).toBeLessThan(body.x);
    expect(Math.abs(rail.y - body.y)).toBeLessThan(1);
    // The section, times and share links are in it.
    await expect(page.locator('.story-rail .timestamps')).toBeVisible();
    await expect(page.locator('.story-rail .share')).toBeVisible();
    const kicker = (await page.locator('.section-label').boundingBox())!;
    expect(kicker.x + kicker.width).toBeLessThanOrEqual(body.x);
    // The headline runs wider than the body, in as few lines as its size allows.
    const headline = (await page.locator('h1').boundingBox())!;
    expect(headline.width).toBeGreaterThan(body.width);
    const { lines, fewest } = await headlineLines(page, 'h1');
    expect(lines).toBeLessThanOrEqual(fewest);
    expect(lines).toBeLessThanOrEqual(3);
  });
}

test('below 1,000 px there is no rail: one column, the rail above the body in reading order', async ({ page }) => {
  for (const width of [PHONE, GRID_FROM - 1]) {
    await open(page, articlePath, width);
    expect(await page.locator('article.story-grid').evaluate((article) => getComputedStyle(article).display)).toBe(
      'block',
    );
    const rail = (await page.locator('.story-rail').boundingBox())!;
    const body = (await page.locator('.story-body').boundingBox())!;
    expect(rail.y + rail.height).toBeLessThanOrEqual(body.y);
  }
  await open(page, articlePath, GRID_FROM);
  expect(await page.locator('article.story-grid').evaluate((article) => getComputedStyle(article).display)).toBe(
    'grid',
  );
});

test('the grid is for screens: printed, the article keeps its one-column page', async ({ page }) => {
  await open(page, articlePath, 1280);
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('article.story-grid').evaluate((article) => getComputedStyle(article).display)).toBe(
    'block',
  );
});

test('the front page in order of importance: the lead, the stories under it, then the live blogs', async ({ page }) => {
  await open(page, '/', 1280);
  const lead = page.locator('.front-lead');
  const tops = [
    (await lead.boundingBox())!.y,
    (await page.locator('.front-secondary').boundingBox())!.y,
    (await page.locator('.front-live').boundingBox())!.y,
  ];
  expect(tops).toEqual([...tops].sort((a, b) => a - b));
  // The lead's headline is the page's largest.
  const sizes = await page
    .locator('.card-title')
    .evaluateAll((titles) => titles.map((title) => parseFloat(getComputedStyle(title).fontSize)));
  expect(sizes[0]).toBe(Math.max(...sizes));
  expect(sizes[0]).toBeGreaterThan(sizes[1]!);
  // Its picture comes at once and first, at the widths a card can need, sized.
  const image = lead.locator('img');
  await expect(image).toHaveAttribute('loading', 'eager');
  await expect(image).toHaveAttribute('fetchpriority', 'high');
  await expect(image).toHaveAttribute('width', /^\d+$/);
  await expect(image).toHaveAttribute('height', /^\d+$/);
  await expect(lead.locator('source[type="image/avif"]')).toHaveAttribute('sizes', /min-width: 62.5rem/);
  // Beside the headline on a wide screen.
  const picture = (await image.boundingBox())!;
  const headline = (await lead.locator('.card-title').boundingBox())!;
  expect(picture.y).toBeLessThan(headline.y + headline.height);
});

for (const path of [articlePath, '/']) {
  for (const width of [1024, 1920]) {
    test(`${path} at ${width} px has no axe violations in the light or the dark scheme`, async ({ page }) => {
      // axe reads the whole article twice: slow on a busy machine.
      test.setTimeout(120_000);
      await open(page, path, width);
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        const results = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
          .analyze();
        expect(results.violations.map((violation) => `${colorScheme}: ${violation.id}`)).toEqual([]);
      }
    });
  }
}

for (const width of WIDE) {
  test(`at ${width} px the live blog's key events stand in the rail, in view while the updates scroll`, async ({
    page,
  }, testInfo) => {
    await open(page, '/live/russia-ukraine/', width);
    await page.screenshot({ path: testInfo.outputPath(`live-${width}.png`), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    const events = page.locator('.key-events');
    const updates = (await page.locator('.live-updates').boundingBox())!;
    const rail = (await events.boundingBox())!;
    expect(rail.x + rail.width).toBeLessThan(updates.x);
    // Scrolled to the last update, the key events are still on screen.
    await page.locator('article.live-update[id]').last().scrollIntoViewIfNeeded();
    await expect(events).toBeInViewport();
  });
}
