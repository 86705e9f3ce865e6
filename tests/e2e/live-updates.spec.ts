/**
 * The live blog as a reader with JavaScript sees it while coverage goes on:
 * the test plays the build, answering the page's polls of `updates.json`
 * with the feed a new update, a correction or the end of coverage would
 * write, and moves the page's clock instead of waiting.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeedUpdate, LiveFeed, OlderUpdate } from '../../src/lib/live/live-feed';
import { distDir } from './dist';
import { liveBlogPath } from './seed';

const feedPath = `${liveBlogPath}updates.json`;
const now = new Date('2022-05-23T12:00:00Z');
const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** The feed the build wrote beside the page: the tests change it as a new build would. */
const built = JSON.parse(readFileSync(join(distDir, feedPath), 'utf8')) as LiveFeed;

/** The updates the built page shows, newest first, as the feed lists them. */
const builtUpdates: FeedUpdate[] = built.updates;

/** The status line as the build writes it (the feed carries the same markup, styling attributes and all). */
const liveStatus = built.statusHtml;
const endedStatus = liveStatus
  .replace('class="live-badge"', 'class="live-badge ended"')
  .replace('>Live<', '>Ended<')
  .replace('Coverage is live', 'Coverage has ended');

/** An update as the build would write it, posted `minutes` after the newest built one. */
function update(id: string, words: string, minutes = 1): FeedUpdate {
  const modified = new Date(Date.parse(builtUpdates[0]!.modified) + minutes * MINUTE).toISOString();
  return {
    id,
    modified,
    html:
      `<article class="live-update" id="update-${id}" data-update-id="${id}" data-modified="${modified}">` +
      `<h2>${words}</h2><p>${words}, in a sentence of its own.</p></article>`,
  };
}

function feed(changes: Partial<LiveFeed> & { newest?: FeedUpdate[] } = {}): LiveFeed {
  const { newest = [], ...fields } = changes;
  return {
    live: true,
    statusHtml: liveStatus,
    keyEventsHtml: built.keyEventsHtml,
    latest: built.latest,
    updates: [...newest, ...builtUpdates],
    older: [],
    ...fields,
  };
}

interface Instruments {
  /** The layout shift the reader did not cause, so far. */
  unexpectedShift: () => number;
  /** Every wait of 15 s or more the page set, in order: its polls' schedule. */
  pollWaits: number[];
}

/**
 * Opens the live blog with its clock paused and its feed answered by the
 * test: `serve` says what the build has written (a feed, or any text); the
 * returned `polls()` counts the page's requests for it, and `waits()` the
 * timers it set for the next ones. Returns once the first poll, made on
 * arrival, has been answered and the next one scheduled (unless `hash`
 * sends the page elsewhere).
 */
async function openLiveBlog(page: Page, first: LiveFeed | string = feed(), hash = '') {
  // What the network gives: a feed, any text, or (null) no answer at all.
  let served: LiveFeed | string | null = first;
  let polls = 0;
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.route(feedPath, (route) => {
    polls += 1;
    if (served === null) return route.abort('internetdisconnected');
    return route.fulfill(
      typeof served === 'string' ? { body: served, contentType: 'application/json' } : { json: served },
    );
  });
  // Layout shifts the reader did not cause, added up from the start.
  await page.addInitScript(() => {
    let total = 0;
    const observer = new PerformanceObserver((list) => add(list.getEntries()));
    const add = (entries: PerformanceEntry[]) => {
      for (const entry of entries as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) total += entry.value;
      }
    };
    observer.observe({ type: 'layout-shift', buffered: true });
    (window as unknown as Instruments).unexpectedShift = () => {
      add(observer.takeRecords());
      return total;
    };
  });
  await page.clock.install({ time: now });
  // After the clock's own script, so the page's timers are the clock's, seen on their way.
  await page.addInitScript(() => {
    const setTimer = window.setTimeout.bind(window);
    (window as unknown as Instruments).pollWaits = [];
    window.setTimeout = ((handler: TimerHandler, wait?: number, ...rest: unknown[]) => {
      if (wait !== undefined && wait >= 15_000) (window as unknown as Instruments).pollWaits.push(wait);
      return setTimer(handler, wait, ...rest);
    }) as typeof setTimeout;
  });
  await page.goto(liveBlogPath + hash);
  await page.clock.pauseAt(new Date(now.getTime() + 5 * SECOND));
  const waits = () => page.evaluate(() => (window as unknown as Instruments).pollWaits);
  await expect.poll(() => polls).toBe(1);
  if (!hash) await expect.poll(waits).toEqual([15 * SECOND]);
  return {
    serve: (next: LiveFeed | string | null) => (served = next),
    polls: () => polls,
    waits,
    errors,
    /** The layout shift so far, once the page has drawn what it holds (a screenshot draws a frame). */
    layoutShift: async () => {
      await page.screenshot();
      return page.evaluate(() => (window as unknown as Instruments).unexpectedShift());
    },
  };
}

const updates = (page: Page) => page.locator('[data-updates] > article');
const newUpdatesButton = (page: Page) => page.getByRole('button', { name: /new update/ });
const title = 'Russia-Ukraine: live updates | Broadside';

test('a new update goes on top at once while the reader is above the list, and counts in the title until seen', async ({
  page,
}) => {
  const blog = await openLiveBlog(page);
  // A screen that ends above the list: where new updates go is out of sight.
  const listTop = await page.locator('[data-updates]').evaluate((list) => list.getBoundingClientRect().top);
  await page.setViewportSize({ width: page.viewportSize()!.width, height: Math.floor(listTop) - 40 });
  // The page's other scripts may shift it as they start (share buttons): only what the feed brings counts here.
  const shiftBefore = await blog.layoutShift();

  blog.serve(feed({ newest: [update('sanctions-announced', 'EU announces new sanctions')] }));
  await page.clock.runFor(15 * SECOND);

  await expect(updates(page).first()).toHaveAttribute('id', 'update-sanctions-announced');
  await expect(updates(page)).toHaveCount(builtUpdates.length + 1);
  await expect(newUpdatesButton(page)).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'new update' })).toHaveText('1 new update');
  await expect(page).toHaveTitle(`(1) ${title}`);
  expect(await page.evaluate(() => scrollY)).toBe(0);
  expect(await blog.layoutShift()).toBe(shiftBefore);

  await page.locator('#update-sanctions-announced').scrollIntoViewIfNeeded();
  await expect(page).toHaveTitle(title);
  expect(blog.errors).toEqual([]);
});

test('scrolled down, new updates wait behind a button that shows them, and nothing moves', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const blog = await openLiveBlog(page);
  // Reading the third update, the top of the list out of sight above.
  await page.setViewportSize({ width: page.viewportSize()!.width, height: 400 });
  const reading = page.locator(`#update-${builtUpdates[2]!.id}`);
  await reading.evaluate((article) => article.scrollIntoView({ block: 'start' }));
  const scrolled = await page.evaluate(() => scrollY);
  expect(scrolled).toBeGreaterThan(0);
  const shiftBefore = await blog.layoutShift();

  blog.serve(
    feed({
      newest: [
        update('sanctions-announced', 'EU announces new sanctions', 2),
        update('kremlin-responds', 'Kremlin responds'),
      ],
    }),
  );
  await page.clock.runFor(15 * SECOND);

  await expect(newUpdatesButton(page)).toHaveText('2 new updates');
  await expect(newUpdatesButton(page)).toBeInViewport();
  await expect(page.getByRole('status').filter({ hasText: 'new update' })).toHaveText('2 new updates');
  await expect(page).toHaveTitle(`(2) ${title}`);
  await expect(updates(page)).toHaveCount(builtUpdates.length);
  expect(await page.evaluate(() => scrollY)).toBe(scrolled);
  expect(await blog.layoutShift()).toBe(shiftBefore);

  // A later poll with nothing new changes nothing, and says nothing again.
  await page.clock.runFor(15 * SECOND);
  await expect.poll(blog.polls).toBe(3);
  await expect(newUpdatesButton(page)).toHaveText('2 new updates');
  await expect(page).toHaveTitle(`(2) ${title}`);

  await newUpdatesButton(page).click();
  const first = page.locator('#update-sanctions-announced');
  await expect(updates(page).first()).toHaveAttribute('id', 'update-sanctions-announced');
  await expect(updates(page).nth(1)).toHaveAttribute('id', 'update-kremlin-responds');
  await expect(first).toBeFocused();
  await expect(first).toBeInViewport();
  await expect(newUpdatesButton(page)).toBeHidden();
  await page.locator('#update-kremlin-responds').scrollIntoViewIfNeeded();
  await expect(page).toHaveTitle(title);
  expect(blog.errors).toEqual([]);
});

test('a correction replaces its update in place, a withdrawn update goes, the status and key events follow', async ({
  page,
}) => {
  const blog = await openLiveBlog(page);
  await expect(page.locator('[data-key-events] li')).toHaveCount(2);
  const [newest, second, ...rest] = builtUpdates;
  const corrected = update(newest!.id, 'Russian mission now says it will respond', 10);
  const keyEventsHtml = `<nav class="key-events"><ol><li>Resignation</li><li><a href="#update-${newest!.id}">Mission responds</a></li></ol></nav>`;

  blog.serve(
    feed({
      updates: [corrected, ...rest],
      statusHtml: liveStatus.replace('is live', 'is live from Geneva'),
      keyEventsHtml,
    }),
  );
  await page.clock.runFor(15 * SECOND);

  await expect(updates(page).first()).toContainText('Russian mission now says it will respond');
  await expect(updates(page).first()).toHaveAttribute('id', `update-${newest!.id}`);
  await expect(page.locator(`#update-${second!.id}`)).toHaveCount(0);
  await expect(updates(page)).toHaveCount(builtUpdates.length - 1);
  await expect(page.locator('[data-live-status]')).toContainText('Coverage is live from Geneva');
  await expect(page.locator('[data-key-events] li')).toHaveText(['Resignation', 'Mission responds']);
  await expect(newUpdatesButton(page)).toBeHidden();

  // The last key event taken back: the list goes.
  blog.serve(feed({ updates: [corrected, ...rest], keyEventsHtml: '' }));
  await page.clock.runFor(15 * SECOND);
  await expect(page.locator('[data-key-events]')).toBeHidden();
  await expect(page.locator('[data-live-status]')).not.toContainText('from Geneva');
  expect(blog.errors).toEqual([]);
});

test('once the blog is closed, the status says so and the page stops asking', async ({ page }) => {
  const blog = await openLiveBlog(page);
  blog.serve(feed({ live: false, statusHtml: endedStatus }));
  await page.clock.runFor(15 * SECOND);
  await expect(page.locator('[data-live-status]')).toContainText('Coverage has ended');
  await expect(page.locator('[data-live-status] .live-badge')).toHaveText('Ended');
  expect(blog.polls()).toBe(2);

  await page.clock.runFor(30 * MINUTE);
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await page.clock.runFor(MINUTE);
  expect(blog.polls()).toBe(2);
  expect(await blog.waits()).toEqual([15 * SECOND]);
});

test('a hidden tab asks only after the back-off, 60 s then doubling, and at once when seen again', async ({ page }) => {
  const blog = await openLiveBlog(page);
  const setVisibility = (state: 'hidden' | 'visible') =>
    page.evaluate((visibility) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => visibility === 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
    }, state);

  await setVisibility('hidden');
  await expect.poll(blog.waits).toEqual([15 * SECOND, 60 * SECOND]);
  await page.clock.runFor(60 * SECOND - 1);
  expect(blog.polls()).toBe(1);
  await page.clock.runFor(1);
  await expect.poll(blog.polls).toBe(2);
  await expect.poll(blog.waits).toEqual([15 * SECOND, 60 * SECOND, 120 * SECOND]);
  await page.clock.runFor(120 * SECOND - 1);
  expect(blog.polls()).toBe(2);
  await page.clock.runFor(1);
  await expect.poll(blog.polls).toBe(3);
  await expect.poll(blog.waits).toEqual([15 * SECOND, 60 * SECOND, 120 * SECOND, 240 * SECOND]);

  await setVisibility('visible');
  await expect.poll(blog.polls).toBe(4);
  await expect.poll(() => blog.waits().then((waits) => waits.at(-1))).toBe(15 * SECOND);
  await page.clock.runFor(15 * SECOND);
  await expect.poll(blog.polls).toBe(5);
});

test('a feed that is not the contract leaves the page whole and backs off', async ({ page }) => {
  const blog = await openLiveBlog(page);
  blog.serve('{"live": true, "updates": [');
  await page.clock.runFor(15 * SECOND);
  await expect.poll(blog.polls).toBe(2);
  await expect.poll(blog.waits).toEqual([15 * SECOND, 60 * SECOND]);
  blog.serve(JSON.stringify({ ...feed(), updates: [{ id: 'no-html', modified: now.toISOString() }] }));
  await page.clock.runFor(60 * SECOND);
  await expect.poll(blog.polls).toBe(3);
  await expect.poll(blog.waits).toEqual([15 * SECOND, 60 * SECOND, 120 * SECOND]);
  await page.clock.runFor(120 * SECOND - 1);
  expect(blog.polls()).toBe(3);

  await expect(updates(page)).toHaveCount(builtUpdates.length);
  await expect(page.locator('[data-live-status]')).toContainText('Coverage is live');
  expect(blog.errors).toEqual([]);
});

test('offline or failing, the page backs off, and asks at once when the connection returns', async ({ page }) => {
  const blog = await openLiveBlog(page);
  blog.serve(null);
  await page.clock.runFor(15 * SECOND);
  await expect.poll(blog.polls).toBe(2);
  await expect.poll(blog.waits).toEqual([15 * SECOND, 60 * SECOND]);
  await page.clock.runFor(60 * SECOND - 1);
  expect(blog.polls()).toBe(2);

  blog.serve(feed({ newest: [update('sanctions-announced', 'EU announces new sanctions')] }));
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect.poll(blog.polls).toBe(3);
  // On top or behind the button, depending on the screen: either way, counted.
  await expect(page).toHaveTitle(`(1) ${title}`);
  await expect.poll(() => blog.waits().then((waits) => waits.at(-1))).toBe(15 * SECOND);
  expect(blog.errors.filter((error) => !error.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
});

test('a link to an update that has left the first page leads to its own page', async ({ page }) => {
  const moved: OlderUpdate = {
    id: 'early-reaction',
    modified: '2022-05-23T05:30:00.000Z',
    url: `${liveBlogPath}updates/early-reaction/`,
  };
  await page.route(moved.url, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><title>Early reaction</title><h1>Early reaction</h1>',
    }),
  );
  await openLiveBlog(page, feed({ older: [moved] }), `#update-${moved.id}`);
  await expect(page).toHaveURL(moved.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Early reaction');
});
