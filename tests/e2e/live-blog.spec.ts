import { expect, test } from '@playwright/test';
import { layoutShifts, recordLayoutShifts } from './layout-shifts';
import { articlePath, liveBlogPath } from './seed';

const updateIds = [
  'mission-silent',
  'un-watch-reacts',
  'dutch-ambassador-reacts',
  'letter-on-linkedin',
  'bondarev-resigns',
];

test.describe('the live blog with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('shows its title, standfirst and status', async ({ page }) => {
    await page.goto(liveBlogPath);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Russia-Ukraine: live updates');
    await expect(page.locator('.standfirst')).toContainText('Russian diplomat at the UN in Geneva');
    await expect(page.locator('.status')).toContainText('Coverage is live');
  });

  test('lists the updates newest first, each with its anchor and time', async ({ page }) => {
    await page.goto(liveBlogPath);
    const updates = page.locator('article.live-update[id]');
    await expect(updates).toHaveCount(updateIds.length);
    expect(await updates.evaluateAll((nodes) => nodes.map((node) => node.id))).toEqual(
      updateIds.map((id) => `update-${id}`),
    );
    const times = await updates
      .locator('time')
      .evaluateAll((nodes) => nodes.map((node) => Date.parse(node.getAttribute('datetime')!)));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    await expect(updates.first().locator('time')).toHaveAttribute('datetime', '2022-05-23T15:25:00+04:00');
    await expect(updates.first()).toContainText('Posted: May 23, 2022, 3:25 PM GMT+4');
  });

  for (const id of updateIds) {
    test(`the permalink of update ${id} lands on it`, async ({ page }) => {
      await page.goto(`${liveBlogPath}#update-${id}`);
      const update = page.locator(`#update-${id}`);
      await expect(update).toBeInViewport();
      await expect(update.getByRole('link', { name: /^Link to this update/ })).toHaveAttribute(
        'href',
        `${liveBlogPath}updates/${id}/`,
      );
    });
  }

  test('the first update links to the full article, which exists', async ({ page }) => {
    await page.goto(`${liveBlogPath}#update-bondarev-resigns`);
    await page.locator('#update-bondarev-resigns').getByRole('link', { name: 'Read the full story' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Russian diplomat to UN resigns');
  });
});

test.describe("an update's own page, with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  for (const id of updateIds) {
    test(`${id} has its page, which leads back to it in the blog`, async ({ page }) => {
      await page.goto(`${liveBlogPath}updates/${id}/`);
      const headline = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
      expect(headline).not.toBe('');
      await page.getByRole('link', { name: 'See this update in the live blog' }).click();
      await expect(page).toHaveURL(new RegExp(`${liveBlogPath}#update-${id}$`));
      await expect(page.locator(`#update-${id}`)).toBeInViewport();
      await expect(page.locator(`#update-${id} h2`)).toHaveText(headline);
    });
  }
});

test.describe('the key events', () => {
  test.use({ javaScriptEnabled: false });

  test('list the key updates newest first, each leading to the update', async ({ page }) => {
    await page.goto(liveBlogPath);
    const events = page.getByRole('navigation', { name: 'Key events' }).getByRole('link');
    await expect(events).toHaveText([/11:20 AM\s+Bondarev publishes his letter/, /10:05 AM\s+Russian diplomat/]);
    await events.nth(1).click();
    await expect(page.locator('#update-bondarev-resigns')).toBeInViewport();
  });
});

test.describe('with JavaScript on', () => {
  for (const path of [liveBlogPath, `${liveBlogPath}updates/bondarev-resigns/`]) {
    test(`${path} comes to life without moving anything (CLS 0)`, async ({ page }) => {
      await page.route('**/updates.json', (route) => route.abort());
      await recordLayoutShifts(page);
      await page.goto(path);
      await page.waitForLoadState('load');
      // The copy buttons and relative times are the scripts' last touches.
      await expect(page.locator('copy-link button').first()).toBeVisible();
      await expect(page.locator('relative-time').first()).not.toBeEmpty();
      expect(await layoutShifts(page)).toEqual([]);
    });
  }
});

test.describe("the article's live-updates line", () => {
  test('says, as built, that the blog is live and when it last posted', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(articlePath);
    await expect(page.locator('.live-updates-link')).toContainText('Live · Updated May 23, 2022, 3:25 PM');
    await context.close();
  });

  test("brings the blog's state up to date from its JSON once the page loads", async ({ page, request }) => {
    const built = (await (await request.get(`${liveBlogPath}updates.json`)).json()) as Record<string, unknown>;
    await page.route(`**${liveBlogPath}updates.json`, (route) =>
      route.fulfill({
        json: {
          ...built,
          live: false,
          latest: { datetime: '2022-05-24T09:00:00+04:00', text: 'May 24, 2022, 9:00 AM' },
        },
      }),
    );
    await page.goto(articlePath);
    await expect(page.locator('live-link-status')).toHaveText(/^\s*Ended\s*$/, { useInnerText: true });
  });
});
