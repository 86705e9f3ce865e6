import { expect, test } from '@playwright/test';
import { articlePath, liveBlogPath, normalise, seedLines } from './seed';

test.describe('the seed article with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('carries every sentence of the seed', async ({ page }) => {
    await page.goto(articlePath);
    const text = normalise(await page.locator('main').innerText());
    const [headline, standfirst, captionLine, notice, liveLine, ...rest] = seedLines;
    const updatedLine = rest.pop()!;
    expect(text).toContain(normalise(headline!));
    expect(text).toContain(normalise(standfirst!));
    // The caption line ends with the credit, which the page sets apart.
    expect(text).toContain(normalise(captionLine!.replace(/ AFP$/, '')));
    await expect(page.locator('figcaption .credit')).toHaveText(/AFP/);
    expect(text).toContain(notice);
    // The seed does not say what it was translated from, so the page does not either.
    await expect(page.locator('.translation-notice')).toHaveText(notice!);
    expect(text).toContain(liveLine);
    expect(text).toContain(updatedLine);
    for (const paragraph of rest) expect(text, paragraph).toContain(normalise(paragraph));
  });

  test('reads in order: section, live link, headline, standfirst, figure, notice, timestamps, body, tags', async ({
    page,
  }) => {
    await page.goto(articlePath);
    const article = page.locator('main article');
    const parts = [
      article.locator('.section-label'),
      article.getByRole('link', { name: 'Live updates: follow the latest news on Russia-Ukraine' }),
      article.getByRole('heading', { level: 1 }),
      article.locator('.standfirst'),
      article.getByRole('figure').first(),
      article.getByText('Powered by automated translation'),
      article.locator('.timestamps'),
      article.getByText('A veteran Russian diplomat at the UN has quit'),
      article.getByRole('navigation', { name: 'Topics' }),
    ];
    const tops: number[] = [];
    for (const part of parts) {
      await expect(part).toBeVisible();
      tops.push((await part.boundingBox())!.y);
    }
    expect(tops).toEqual([...tops].sort((a, b) => a - b));
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  });

  test('sets the headline with the body’s typography: curled quotes around ‘warmongering’', async ({ page }) => {
    await page.goto(articlePath);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Russian diplomat to UN resigns with LinkedIn broadside at ‘warmongering’ Moscow',
    );
    await expect(page).toHaveTitle(
      'Russian diplomat to UN resigns with LinkedIn broadside at ‘warmongering’ Moscow | Broadside',
    );
  });

  test('shows both timestamps in UAE time, machine-readable with their offset', async ({ page }) => {
    await page.goto(articlePath);
    const published = page.locator('.timestamps time').first();
    const updated = page.locator('.timestamps time').nth(1);
    await expect(published).toHaveAttribute('datetime', '2022-05-23');
    await expect(published).toHaveText('May 23, 2022');
    await expect(updated).toHaveAttribute('datetime', '2022-05-23T15:25:00+04:00');
    await expect(updated).toHaveAttribute('title', 'Gulf Standard Time (UTC+04:00)');
    await expect(page.locator('.timestamps')).toContainText('Published: May 23, 2022');
    await expect(page.locator('.timestamps')).toContainText('Updated: May 23, 2022, 3:25 PM GMT+4');
  });

  test('shows the image with its caption and credit, and truthful alt text', async ({ page }) => {
    await page.goto(articlePath);
    const figure = page.locator('.lead-figure');
    const image = figure.getByRole('img');
    await expect(image).toHaveAttribute('alt', /Placeholder graphic .* "Photo not available"/);
    expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await expect(figure.locator('figcaption')).toHaveText(
      /A Russian soldier stands guard at a damaged steel works in Mariupol\.\s*(Photo: )?AFP/,
    );
  });

  test('hides pull quotes that repeat the body from assistive technology, and shows them', async ({ page }) => {
    await page.goto(articlePath);
    const pullquotes = page.locator('figure.pullquote');
    await expect(pullquotes).toHaveCount(2);
    for (const pullquote of await pullquotes.all()) {
      await expect(pullquote).toBeVisible();
      await expect(pullquote).toHaveAttribute('aria-hidden', 'true');
    }
    // In the accessibility tree each quoted line is read once: in the body.
    const tree = await page.getByRole('main').ariaSnapshot();
    expect(tree.match(/Never have I been so ashamed of my country/g)).toHaveLength(1);
    expect(tree.match(/It is all about warmongering, lies and hatred/g)).toHaveLength(1);
    expect(tree).not.toContain('blockquote');
  });

  test('the live link reaches the live blog', async ({ page }) => {
    await page.goto(articlePath);
    await page.getByRole('link', { name: 'Live updates: follow the latest news on Russia-Ukraine' }).click();
    await expect(page).toHaveURL(liveBlogPath);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Russia-Ukraine: live updates');
  });
});

test.describe('site pages', () => {
  test.use({ javaScriptEnabled: false });

  test('the front page leads with the story its editor chose, then the live blog', async ({ page }) => {
    await page.goto('/');
    const live = page.locator('.live-card');
    await expect(live).toContainText('Live');
    await expect(live.getByRole('link', { name: 'Russia-Ukraine: live updates' })).toHaveAttribute(
      'href',
      liveBlogPath,
    );
    // The seed is `priority: lead`, though the other article is newer.
    const lead = page.locator('.front-lead');
    await expect(
      lead.getByRole('link', {
        name: 'Russian diplomat to UN resigns with LinkedIn broadside at ‘warmongering’ Moscow',
      }),
    ).toHaveAttribute('href', articlePath);
    // The top stories come before the live blog.
    const topsBottom = await page.locator('.front-top').evaluate((top) => top.getBoundingClientRect().bottom);
    expect(topsBottom).toBeLessThanOrEqual((await live.boundingBox())!.y);
  });

  test('the section page and each tag page list the article', async ({ page }) => {
    for (const path of ['/world/', '/tags/united-nations/', '/tags/diplomacy/', '/tags/russia-ukraine-war/']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.locator(`a[href="${articlePath}"]`)).toHaveCount(1);
    }
  });

  test('an empty section says so', async ({ page }) => {
    await page.goto('/climate/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Climate');
    await expect(page.getByText('No articles yet.')).toBeVisible();
  });

  test('an unknown address answers 404 with a helpful page', async ({ page }) => {
    const response = await page.goto('/world/2022/05/23/no-such-story/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expect(page.getByRole('link', { name: 'the front page' })).toHaveAttribute('href', '/');
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
  });

  test('the skip link moves focus to the main content', async ({ page }) => {
    await page.goto(articlePath);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${articlePath}#main$`));
  });
});
