/**
 * Layout shifts as a test reads them: every shift a page reports, each as its
 * score and the elements that moved (from where to where), so that a test
 * expecting none names what moved when it fails.
 */
import type { Page } from '@playwright/test';

/** The Layout Instability API's entry, which TypeScript's DOM types do not have. */
interface LayoutShift extends PerformanceEntry {
  value: number;
  hadRecentInput: boolean;
  sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
}

/** Starts recording on every document `page` opens from now on, from its first paint (call before `goto`). */
export async function recordLayoutShifts(page: Page): Promise<void> {
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
