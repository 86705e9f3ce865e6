/**
 * The reading experience on the built site: type that fits every screen,
 * images that never shift, reading time, the age notice, relative times and
 * search, each with JavaScript off (the page as built) and on (the browser's
 * enhancement, against a pinned clock).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { countWords, formatReadingTime, markdownText, readingTime } from '../../src/lib/reading/reading-time';
import { builtPages, readPage } from './dist';
import { layoutShifts, recordLayoutShifts } from './layout-shifts';
import { articlePath, liveBlogPath } from './seed';

const seedMarkdown = readFileSync(
  join(import.meta.dirname, '../../content/articles/2022/russian-diplomat-un-resigns.md'),
  'utf8',
).replace(/^---\n[\s\S]*?\n---\n/, '');

/** Hides or shows the page as a background tab would, and tells its scripts. */
async function setVisibility(page: Page, state: 'hidden' | 'visible') {
  await page.evaluate((visibility) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}

test.describe('type and layout', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  for (const path of builtPages()) {
    test(`${path} fits a 320 px screen without scrolling sideways`, async ({ page }) => {
      await page.goto(path);
      // A moved page's immediate redirect: measure the page it leads to.
      if (/<meta http-equiv="refresh"/i.test(readPage(path))) await page.waitForURL((url) => url.pathname !== path);
      await page.waitForLoadState('load');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    });
  }
});

test.describe('long reading', () => {
  test('the article body has a 60-75 character measure and a comfortable line height', async ({ page }) => {
    test.skip(test.info().project.name === 'phone', 'a phone is narrower than the measure: the screen sets it');
    await page.goto(articlePath);
    // Characters per full line, counted on the page: every character's line is where its box sits.
    const { characters, lineHeight } = await page
      .locator('.prose > p')
      .first()
      .evaluate((p) => {
        const text = p.firstChild as Text;
        const range = document.createRange();
        const perLine = new Map<number, number>();
        for (let index = 0; index < text.length; index++) {
          range.setStart(text, index);
          range.setEnd(text, index + 1);
          const top = Math.round(range.getBoundingClientRect().top);
          perLine.set(top, (perLine.get(top) ?? 0) + 1);
        }
        const full = [...perLine.values()].slice(0, -1);
        const style = getComputedStyle(p);
        return {
          characters: full.reduce((sum, count) => sum + count, 0) / full.length,
          lineHeight: parseFloat(style.lineHeight) / parseFloat(style.fontSize),
        };
      });
    expect(characters).toBeGreaterThanOrEqual(60);
    expect(characters).toBeLessThanOrEqual(75);
    expect(lineHeight).toBeGreaterThanOrEqual(1.5);
    expect(lineHeight).toBeLessThanOrEqual(1.8);
  });

  test('the text grows with the screen: larger on a wide one than at 320 px', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(articlePath);
    const size = () =>
      page
        .locator('.prose > p')
        .first()
        .evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
    const narrow = await size();
    await page.setViewportSize({ width: 1600, height: 900 });
    expect(await size()).toBeGreaterThan(narrow);
    expect(narrow).toBeGreaterThanOrEqual(16);
  });
});

test.describe('motion', () => {
  test('smooth scrolling only for readers who have not asked for less motion', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.goto(articlePath);
    const scrolling = () => page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior);
    expect(await scrolling()).toBe('smooth');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await scrolling()).toBe('auto');
  });
});

test.describe('the lead image', () => {
  test('comes as AVIF and WebP at several widths, sized, eager and first', async ({ page }) => {
    await page.goto(articlePath);
    const picture = page.locator('.lead-figure picture');
    await expect(picture.locator('source[type="image/avif"]')).toHaveAttribute('srcset', /\.avif 480w, .*\.avif 1600w/);
    await expect(picture.locator('source[type="image/webp"]')).toHaveAttribute('srcset', /\.webp 480w, .*\.webp 1600w/);
    const image = picture.locator('img');
    await expect(image).toHaveAttribute('width', '1600');
    await expect(image).toHaveAttribute('height', '900');
    await expect(image).toHaveAttribute('loading', 'eager');
    await expect(image).toHaveAttribute('fetchpriority', 'high');
    await expect(image).toHaveAttribute('sizes', /.+/);
    // The browser picked a modern format it supports.
    expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.currentSrc)).toMatch(/\.avif$/);
  });

  test('reserves its box before it arrives: nothing shifts (CLS 0)', async ({ page }) => {
    // Slow the image down so the text is laid out long before it lands.
    await page.route(/\.(avif|webp|png)$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await route.continue();
    });
    await recordLayoutShifts(page);
    await page.goto(articlePath);
    await page.waitForLoadState('load');
    expect(await page.locator('.lead-figure img').evaluate((img: HTMLImageElement) => img.complete)).toBe(true);
    expect(await layoutShifts(page)).toEqual([]);
  });

  test('every other image on every page loads lazily', async ({ page }) => {
    for (const path of builtPages()) {
      const html = readPage(path);
      for (const img of html.match(/<img\b[^>]*>/g) ?? []) {
        if (img.includes('fetchpriority="high"')) continue;
        expect(img, path).toMatch(/loading="lazy"/);
      }
    }
    await page.goto(articlePath);
    await expect(page.locator('img[fetchpriority="high"]')).toHaveCount(1);
  });
});

test.describe('reading time', () => {
  test.use({ javaScriptEnabled: false });

  test('is in the article header, computed from the body at build time', async ({ page }) => {
    await page.goto(articlePath);
    const tree = unified().use(remarkParse).use(remarkDirective).parse(seedMarkdown);
    const expected = formatReadingTime(readingTime(countWords(markdownText(tree))));
    await expect(page.locator('.page-header .reading-time')).toHaveText(expected);
    expect(expected).toMatch(/^[2-4]-minute read · \d{3} words$/);
  });

  test('a short article gets no table of contents', async ({ page }) => {
    await page.goto(articlePath);
    await expect(page.locator('.toc')).toHaveCount(0);
  });
});

test.describe('the age notice', () => {
  test('is absent with JavaScript off: never a stale age in the page', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(new URL(articlePath, test.info().project.use.baseURL).href);
    await expect(page.locator('age-notice')).toBeHidden();
    await expect(page.getByText(/This article is more than/)).toHaveCount(0);
    expect(readPage(articlePath)).not.toMatch(/more than \d+ years? old/);
    await context.close();
  });

  test('says how old the article is, by the reader’s clock', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-11-28T12:00:00+04:00'));
    await page.goto(articlePath);
    const notice = page.locator('age-notice');
    await expect(notice).toBeVisible();
    await expect(notice).toHaveText('This article is more than 4 years old');
    // Before the headline, so it is met first, on screen and by a screen reader.
    const noticeTop = (await notice.boundingBox())!.y;
    expect(noticeTop).toBeLessThan((await page.locator('h1').boundingBox())!.y);
  });

  test('counts one year, singular', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2023-06-01T12:00:00+04:00'));
    await page.goto(articlePath);
    await expect(page.locator('age-notice')).toHaveText('This article is more than 1 year old');
  });

  test('stays away while the article is under a year old', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2023-05-23T23:00:00+04:00'));
    await page.goto(articlePath);
    await expect(page.locator('age-notice')).toBeHidden();
  });
});

test.describe('relative times', () => {
  test('are never in the built HTML, and absent with JavaScript off', async ({ browser }) => {
    for (const path of [articlePath, liveBlogPath]) {
      expect(readPage(path), path).not.toMatch(/\b\d+ (second|minute|hour|day|month|year)s? ago\b/);
    }
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(new URL(articlePath, test.info().project.use.baseURL).href);
    await expect(page.locator('.timestamps')).toContainText('Updated: May 23, 2022, 3:25 PM GMT+4');
    await expect(page.locator('.timestamps')).not.toContainText('ago');
    await context.close();
  });

  test('add how long ago the article was updated, beside the absolute time, and keep counting', async ({ page }) => {
    await page.clock.install({ time: new Date('2022-05-23T15:37:10+04:00') });
    await page.goto(articlePath);
    const updated = page.locator('.timestamp').filter({ hasText: 'Updated' });
    await expect(updated).toHaveText(/^Updated: May 23, 2022, 3:25 PM GMT\+4.*\(12 minutes ago\)$/);
    // The published date has no time of day: nothing to count from.
    await expect(page.locator('.timestamp').filter({ hasText: 'Published' }).locator('relative-time')).toHaveCount(0);
    await page.clock.runFor(2 * 60_000);
    await expect(updated).toContainText('(14 minutes ago)');
  });

  test('rest while the page is hidden and catch up when it is seen again', async ({ page }) => {
    await page.clock.install({ time: new Date('2022-05-23T15:37:10+04:00') });
    await page.goto(articlePath);
    const relative = page.locator('.timestamp relative-time');
    await expect(relative).toHaveText('(12 minutes ago)');
    await setVisibility(page, 'hidden');
    await page.clock.runFor(10 * 60_000);
    await expect(relative).toHaveText('(12 minutes ago)');
    await setVisibility(page, 'visible');
    await expect(relative).toHaveText('(22 minutes ago)');
  });

  test('show how long ago each live update was posted', async ({ page }) => {
    await page.clock.install({ time: new Date('2022-05-23T14:40:00+04:00') });
    await page.goto(liveBlogPath);
    const posted = (id: string) => page.locator(`#update-${id} .timestamp`);
    await expect(posted('un-watch-reacts')).toHaveText(/2:30 PM GMT\+4.*\(10 minutes ago\)$/);
    await expect(posted('dutch-ambassador-reacts')).toContainText('(1 hour ago)');
    await expect(posted('bondarev-resigns')).toContainText('(4 hours ago)');
    await page.clock.runFor(60 * 60_000);
    await expect(posted('un-watch-reacts')).toContainText('(1 hour ago)');
  });
});

test.describe('search', () => {
  test('with JavaScript off, says search needs it and points to the sections', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(new URL('/search/', test.info().project.use.baseURL).href);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search');
    await expect(page.getByRole('search')).toBeHidden();
    await expect(page.getByText('Search works in the browser and needs JavaScript')).toBeVisible();
    await expect(page.getByRole('link', { name: 'World' }).last()).toHaveAttribute('href', '/world/');
    await context.close();
  });

  test('finds the seed article by a word of its body', async ({ page }) => {
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused/i.test(message.text())) refused.push(message.text());
    });
    await page.goto('/search/');
    await expect(page.getByText('Search works in the browser')).toBeHidden();
    // A word of the seed's body that no live update has.
    await page.getByLabel('Words to look for in articles and live blogs').fill('warmongering');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status')).toHaveText('1 page matches “warmongering”.');
    const result = page.locator('.search-results li');
    await expect(result.getByRole('link')).toHaveText(
      'Russian diplomat to UN resigns with LinkedIn broadside at ‘warmongering’ Moscow',
    );
    await expect(result.getByRole('link')).toHaveAttribute('href', articlePath);
    await expect(result.locator('mark').first()).toHaveText(/warmongering/i);
    await expect(page).toHaveURL(/\/search\/\?q=warmongering$/);
    expect(refused).toEqual([]);

    await result.getByRole('link').click();
    await expect(page).toHaveURL(articlePath);
  });

  test('finds a live update, leading to the update itself, and the live blog by its summary', async ({ page }) => {
    // The article names him too; the update, all about him, comes first.
    await page.goto('/search/?q=Gabrielse');
    const update = page.locator('.search-results li').first().getByRole('link');
    await expect(update).toHaveText('“Courageous!”: Dutch disarmament ambassador praises the resignation');
    await expect(update).toHaveAttribute('href', `${liveBlogPath}updates/dutch-ambassador-reacts/`);
    await page.goto('/search/?q=UAE');
    await expect(page.locator('.search-results li').first().getByRole('link')).toHaveText(
      'Russia-Ukraine: live updates',
    );
  });

  test('loads the index when the reader comes to the search box, not before', async ({ page }) => {
    const fetched: string[] = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/pagefind/')) fetched.push(pathname);
    });
    await page.goto('/search/');
    await expect(page.getByRole('search')).toBeVisible();
    expect(fetched).toEqual([]);
    await page.getByLabel('Words to look for in articles and live blogs').focus();
    await expect
      .poll(() => fetched)
      .toEqual(
        expect.arrayContaining([
          '/pagefind/parts.json',
          expect.stringMatching(/^\/pagefind\/2022-05-23[^/]*\.[0-9a-f]{12}\/pagefind\.js$/),
        ]),
      );
  });

  test('tries loading the index again after a failure', async ({ page }) => {
    let refuse = true;
    await page.route('**/pagefind/parts.json', (route) => (refuse ? route.fulfill({ status: 503 }) : route.fallback()));
    await page.goto('/search/?q=warmongering');
    await expect(page.getByRole('status')).toHaveText(
      'Search could not load. Try again later, or browse the sections.',
    );
    refuse = false;
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByRole('status')).toHaveText('1 page matches “warmongering”.');
  });

  test('says when nothing matches, and runs a search from its address', async ({ page }) => {
    await page.goto('/search/?q=qqqqxx');
    await expect(page.getByLabel('Words to look for in articles and live blogs')).toHaveValue('qqqqxx');
    await expect(page.getByRole('status')).toHaveText('Nothing matches “qqqqxx”.');
    await expect(page.locator('.search-results')).toBeHidden();
  });

  test('indexes articles, live blogs by their header and summary, and updates on their own pages; only the search page may compile WebAssembly', () => {
    for (const path of builtPages()) {
      const policy = /http-equiv="content-security-policy" content="([^"]*)"/.exec(readPage(path))?.[1] ?? '';
      expect(policy.includes("'wasm-unsafe-eval'"), path).toBe(path === '/search/');
    }
    expect(readPage(articlePath)).toMatch(/<article class="article[^"]*"[^>]* data-pagefind-body/);
    // The blog's updates are found on their own pages, not twice over on the blog's.
    const blog = readPage(liveBlogPath);
    expect(blog).toMatch(/<header class="page-header" data-pagefind-body/);
    expect(blog).not.toMatch(/<live-blog-updates[^>]*data-pagefind-body/);
    expect(readPage(`${liveBlogPath}updates/mission-silent/`)).toMatch(/<div data-pagefind-body/);
  });
});
