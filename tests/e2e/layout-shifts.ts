/**
 * Layout shifts as a test reads them: every shift a page reports, each as its
 * score and the elements that moved (from where to where), so that a test
 * expecting none names what moved when it fails.
 *
 * A browser may paint a page before its HTML has all been parsed (the
 * network, or a busy machine, leaves it half-read), and what then moves as
 * the rest arrives depends on where the parser stopped. So that a test of
 * what the scripts, images and styles do gives the same answer on every run,
 * the recorder holds the first paint until the document is parsed whole; how
 * a half-arrived page holds is tested at fixed points by
 * `progressive-render.spec.ts`.
 */
import type { Page } from '@playwright/test';

/** The Layout Instability API's entry, which TypeScript's DOM types do not have. */
interface LayoutShift extends PerformanceEntry {
  value: number;
  hadRecentInput: boolean;
  sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
}

/**
 * Starts recording on every document `page` opens from now on, from its first
 * paint (call before `goto`). Unless `whole` is false, each document is first
 * painted once its HTML is parsed whole: `<link rel="expect" blocking="render">`
 * naming an id no page has holds rendering until the parser reaches the end.
 */
export async function recordLayoutShifts(page: Page, { whole = true } = {}): Promise<void> {
  if (whole) {
    await page.route('**/*', async (route) => {
      if (route.request().resourceType() !== 'document') return route.fallback();
      const response = await route.fetch();
      const html = (await response.text()).replace(
        /<head>/,
        '$&<link rel="expect" href="#the-end-of-the-document" blocking="render">',
      );
      await route.fulfill({ response, body: html });
    });
  }
  await page.addInitScript(() => {
    const shifts: string[] = [];
    (window as unknown as { layoutShifts: string[] }).layoutShifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as LayoutShift[]) {
        const moved = entry.sources.map((source) => {
          const node = source.node instanceof Element ? source.node.outerHTML.slice(0, 120) : source.node?.nodeName;
          return `${node} from ${JSON.stringify(source.previousRect)} to ${JSON.stringify(source.currentRect)}`;
        });
        const input = entry.hadRecentInput ? ' (after input)' : '';
        shifts.push(`${entry.value}${input} at ${Math.round(entry.startTime)} ms: ${moved.join('; ')}`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The shifts the page's current document has reported so far. */
export function layoutShifts(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { layoutShifts: string[] }).layoutShifts);
}
