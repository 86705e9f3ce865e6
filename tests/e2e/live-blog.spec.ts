import { expect, test } from '@playwright/test';
import { liveBlogPath } from './seed';

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
    const updates = page.locator('article.live-update');
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
      await expect(update.getByRole('link', { name: /^Link to this update/ })).toHaveAttribute('href', `#update-${id}`);
    });
  }

  test('the first update links to the full article, which exists', async ({ page }) => {
    await page.goto(`${liveBlogPath}#update-bondarev-resigns`);
    await page.locator('#update-bondarev-resigns').getByRole('link', { name: 'Read the full story' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Russian diplomat to UN resigns');
  });
});
