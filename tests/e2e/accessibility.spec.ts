import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { builtPages, readPage } from './dist';
import { articlePath } from './seed';

// Every page the build wrote (read from the files, so a page cannot be missed by a stale list).
const pages = builtPages();

test('the build has pages to check', () => {
  expect(pages).toContain('/');
  expect(pages).toContain(articlePath);
  expect(pages).toContain('/search/');
});

for (const path of pages) {
  test(`${path} has no axe violations in the light or the dark scheme`, async ({ page }) => {
    await page.goto(path);
    // A moved page's immediate redirect: what the reader gets is the page it leads to.
    if (/<meta http-equiv="refresh"/i.test(readPage(path))) {
      await page.waitForURL((url) => url.pathname !== path);
      await page.waitForLoadState('load');
    }
    // The scheme is switched on the loaded page: both are checked without loading it twice.
    const backgrounds = new Set<string>();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      backgrounds.add(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      expect(
        results.violations.map(
          (violation) => `${colorScheme}: ${violation.id}: ${violation.nodes.map((node) => node.target).join(' | ')}`,
        ),
      ).toEqual([]);
    }
    expect(backgrounds.size, 'the two schemes really differ').toBe(2);
  });
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`the article by keyboard alone, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('Tab walks from the skip link to the footer, in document order, always visibly', async ({ page }) => {
      await page.goto(articlePath);
      await page.keyboard.press('Tab');
      await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.locator('main')).toBeFocused();

      const walked: string[] = [];
      for (let step = 0; step < 200; step++) {
        await page.keyboard.press('Tab');
        const focused = page.locator(':focus');
        await expect(focused).toHaveCount(1);
        // Scrolled into view (smoothly, unless the reader asks for less motion).
        await expect(focused).toBeInViewport();
        const facts = await focused.evaluate((element) => {
          const style = getComputedStyle(element);
          const box = element.getBoundingClientRect();
          const previous = document.querySelector('[data-walked]');
          const follows = previous
            ? !!(previous.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING)
            : true;
          previous?.removeAttribute('data-walked');
          element.setAttribute('data-walked', '');
          const sentence = element.parentElement?.closest('p');
          return {
            name: `${element.tagName.toLowerCase()} “${element.textContent.trim().slice(0, 40)}”`,
            first: !previous,
            follows,
            inFooter: element.closest('body > footer') !== null,
            inMain: element.closest('main') !== null,
            outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
            // A link inside a sentence is exempt from the 24 px target size (WCAG 2.5.8, inline).
            inline:
              style.display === 'inline' &&
              !!sentence &&
              sentence.textContent.trim().length > element.textContent.trim().length,
            width: box.width,
            height: box.height,
          };
        });
        walked.push(facts.name);
        // Visible: the focus ring drawn, and big enough to hit.
        expect(facts.outline, facts.name).toBe(true);
        if (!facts.inline) {
          expect(facts.width, facts.name).toBeGreaterThanOrEqual(24);
          expect(facts.height, facts.name).toBeGreaterThanOrEqual(24);
        }
        // In order: the first stop after the skip is in the article, and each one follows the last.
        if (facts.first) expect(facts.inMain, facts.name).toBe(true);
        expect(facts.follows, `${facts.name} after ${walked.at(-2)}`).toBe(true);
        if (facts.inFooter) break;
      }
      expect(walked.length, walked.join('\n')).toBeGreaterThan(5);
      expect(walked.at(-1)).toBe('a “Broadside”');
    });
  });
}
