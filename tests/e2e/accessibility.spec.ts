import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { articlePath, liveBlogPath } from './seed';

const pages = ['/', articlePath, liveBlogPath, '/world/', '/tags/diplomacy/', '/no-such-page/'];

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} scheme`, () => {
    test.use({ colorScheme: scheme });
    for (const path of pages) {
      test(`${path} has no axe violations`, async ({ page }) => {
        await page.goto(path);
        const results = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
          .analyze();
        expect(
          results.violations.map(
            (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(' | ')}`,
          ),
        ).toEqual([]);
      });
    }
  });
}
