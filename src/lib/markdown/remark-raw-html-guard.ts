import type { Element, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Definition, Html, Image, Link, Root } from 'mdast';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { reportProblem } from './problems';
import { rawHtmlDifferences } from './raw-html-differences';
import { allowedUrlsHint, isAllowedElement, isSafeUrl } from './raw-html-schema';

export interface RawHtmlGuardOptions {
  /** Origins an `<iframe>` may load from, e.g. `https://www.youtube-nocookie.com`. */
  embedOrigins: readonly string[];
}

export { isAllowedElement, isSafeUrl } from './raw-html-schema';

/**
 * Why one element the schema lets through is still refused, for what a
 * `hast-util-sanitize` schema cannot say: it checks each attribute value
 * alone against lists of values and URL schemes, so it cannot look inside
 * a `srcset`, compare a URL's origin, or ask for an attribute.
 */
export function explicitRefusals(element: Element, { embedOrigins }: RawHtmlGuardOptions): string[] {
  const name = element.tagName;
  const reasons: string[] = [];
  // `srcset` is one string of several URLs with their sizes: the schema's scheme check would read the
  // first alone, so `/a.jpg 1x, data:image/svg+xml,... 2x` would pass. Each candidate is checked here.
  const srcset = element.properties.srcSet;
  if (typeof srcset === 'string') {
    for (const url of srcsetUrls(srcset)) {
      if (!isSafeUrl(url, 'src')) reasons.push(`<${name} srcset="${url}">: ${allowedUrlsHint('src', url)}`);
    }
  }
  if (name === 'iframe') {
    const src = element.properties.src;
    // The schema allows https: embeds from anywhere; which sites may be embedded is the site's setting,
    // and the content security policy allows exactly these origins. A src the schema refused is reported already.
    if (typeof src !== 'string' || isSafeUrl(src, 'src')) {
      const from = src ?? '';
      if (!embedOrigins.some((origin) => from.startsWith(`${origin}/`))) {
        reasons.push(
          `<iframe src="${from}">: embeds may only come from ${embedOrigins.join(', ') || 'nowhere (no embed origins are configured)'}`,
        );
      }
    }
    // A schema can add a missing attribute (`required`) but not ask for one: only the editor knows the title.
    if (!element.properties.title) reasons.push('<iframe> needs a title that says what it shows');
  }
  return reasons;
}

/**
 * The URLs of a `srcset`, as a browser reads them: each URL runs to the
 * next space, so a comma inside one (`data:image/png;base64,...`) does not
 * split it; commas end a URL only at its end, and descriptors (`2x`,
 * `640w`) run to the next comma.
 */
export function srcsetUrls(srcset: string): string[] {
  const urls: string[] = [];
  let rest = srcset;
  for (;;) {
    rest = rest.replace(/^[\s,]+/, '');
    const url = /^\S+/.exec(rest)?.[0];
    if (url === undefined) return urls;
    rest = rest.slice(url.length);
    urls.push(url.replace(/,+$/, ''));
    if (!url.endsWith(',')) rest = rest.replace(/^[^,]*/, '');
  }
}

/**
 * Checks raw HTML in Markdown against the allow-list `rawHtmlSchema` and
 * reports anything that could run script or break the page: `<script>`,
 * `<style>`, forms, event handlers, `javascript:` and `data:` URLs, keyword
 * attributes with a value off their list. Each fragment's hast is
 * sanitized as a copy and every difference from the original is reported
 * (`rawHtmlDifferences`); what a schema cannot say is checked here apart
 * (`explicitRefusals`: `srcset` URLs, iframe origins and titles; lone end
 * tags, below). Markdown links and images are held to the schema's URL
 * rules. Nothing is silently removed: each problem is reported with its line
 * (see `reportProblem`) and the build stops once the render is done.
 *
 * @example
 *   In:  Text <img src=x onerror=alert(1)> more.
 *   Out: problem at line 1: unsafe HTML <img onerror>: event-handler
 *        attributes can run script and are not allowed
 */
export const remarkRawHtmlGuard: Plugin<[RawHtmlGuardOptions], Root> = (options) => {
  return (tree, file) => {
    visit(tree, ['link', 'image', 'definition'], (node) => {
      const { url } = node as Link | Image | Definition;
      const property = node.type === 'image' ? 'src' : 'href';
      if (!isSafeUrl(url, property)) {
        reportProblem(file, `unsafe link "${url}": ${allowedUrlsHint(property, url)}`, node.position, 'unsafe-link');
      }
    });
    // Start tags of refused elements still waiting for their end tag: `<script>alert(1)</script>` is one
    // problem, not two, even where the end tag stands in an HTML node of its own (inline HTML).
    const refusedOpen = new Map<string, number>();
    visit(tree, 'html', (node: Html) => {
      const fragment: HastRoot = fromHtml(node.value, { fragment: true });
      const differences = Map.groupBy(rawHtmlDifferences(fragment), (difference) => difference.element);
      visit(fragment, 'element', (element: Element) => {
        const refused = differences.get(element) ?? [];
        const reasons = refused.map((difference) => difference.reason);
        const removed = refused.some((difference) => difference.removed);
        if (!removed) reasons.push(...explicitRefusals(element, options));
        for (const reason of reasons) reportProblem(file, `unsafe HTML ${reason}`, node.position, 'unsafe-html');
        // Removing a refused element removes what it holds: its content is not reported apart.
        return removed ? SKIP : undefined;
      });
      // A lone end tag parses to nothing and would vanish without a word: hold it to the same list.
      for (const [, slash, written] of node.value.matchAll(/<(\/?)\s*([a-zA-Z][\w-]*)/g)) {
        const name = written!.toLowerCase();
        if (isAllowedElement(name)) continue;
        const open = refusedOpen.get(name) ?? 0;
        if (!slash) refusedOpen.set(name, open + 1);
        else if (open > 0) refusedOpen.set(name, open - 1);
        else reportProblem(file, `unsafe HTML </${name}> is not allowed in articles`, node.position, 'unsafe-html');
      }
    });
  };
};
