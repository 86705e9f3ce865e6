import type { Element, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Definition, Html, Image, Link, Root } from 'mdast';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { reportProblem } from './problems';

export interface RawHtmlGuardOptions {
  /** Origins an `<iframe>` may load from, e.g. `https://www.youtube-nocookie.com`. */
  embedOrigins: readonly string[];
}

const GLOBAL_ATTRIBUTES = ['id', 'class', 'lang', 'dir', 'title', 'translate'];

/** The elements an article legitimately needs, each with the attributes it may carry beyond the global ones. */
const ALLOWED: Record<string, string[]> = {
  a: ['href', 'hreflang', 'rel', 'target'],
  abbr: [],
  b: [],
  blockquote: ['cite'],
  br: [],
  caption: [],
  cite: [],
  code: [],
  dd: [],
  del: ['datetime'],
  details: ['open'],
  dfn: [],
  div: [],
  dl: [],
  dt: [],
  em: [],
  figcaption: [],
  figure: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  hr: [],
  i: [],
  iframe: ['src', 'width', 'height', 'allow', 'allowfullscreen', 'loading', 'referrerpolicy'],
  img: ['src', 'alt', 'width', 'height', 'loading', 'decoding', 'srcset', 'sizes'],
  ins: ['datetime'],
  kbd: [],
  li: ['value'],
  mark: [],
  ol: ['start', 'reversed', 'type'],
  p: [],
  picture: [],
  pre: [],
  q: ['cite'],
  s: [],
  samp: [],
  small: [],
  source: ['srcset', 'type', 'media', 'sizes'],
  span: [],
  strong: [],
  sub: [],
  summary: [],
  sup: [],
  table: [],
  tbody: [],
  td: ['colspan', 'rowspan', 'headers'],
  tfoot: [],
  th: ['colspan', 'rowspan', 'headers', 'scope', 'abbr'],
  thead: [],
  time: ['datetime'],
  tr: [],
  u: [],
  ul: [],
  var: [],
  wbr: [],
};

/** True for an element an article may use; the guard reports any other. */
export function isAllowedElement(name: string): boolean {
  return Object.hasOwn(ALLOWED, name.toLowerCase());
}

const URL_ATTRIBUTES = new Set(['href', 'src', 'cite', 'srcset']);
/** Schemes that can run script or smuggle a document; anything else relative or http(s)/mailto/tel is fine. */
const SAFE_URL = /^(?:https?:|mailto:|tel:|#|\/|\.{0,2}\/|[^:/?#]+(?:[/?#]|$))/i;

/** True for a URL that cannot run script: http(s), mailto, tel, fragments and site-relative paths. */
export function isSafeUrl(url: string): boolean {
  const compact = url.replace(/[\s\u0000-\u001f]+/g, '');
  return SAFE_URL.test(compact) && !/^(?:javascript|data|vbscript):/i.test(compact);
}

/** Why one element is refused, or `undefined` when it is fine. */
export function refuseElement(element: Element, { embedOrigins }: RawHtmlGuardOptions): string | undefined {
  const name = element.tagName;
  const allowed = ALLOWED[name];
  if (!allowed) {
    return `<${name}> is not allowed in articles${name === 'script' || name === 'style' ? '' : ' (it is not on the list of elements an article may use)'}`;
  }
  for (const [property, value] of Object.entries(element.properties)) {
    const attribute = propertyToAttribute(property);
    if (/^on/i.test(attribute))
      return `<${name} ${attribute}>: event-handler attributes can run script and are not allowed`;
    if (attribute === 'style')
      return `<${name} style>: inline styles are not allowed; the site's stylesheet sets the look`;
    if (!GLOBAL_ATTRIBUTES.includes(attribute) && !allowed.includes(attribute) && !attribute.startsWith('data-')) {
      return `<${name} ${attribute}>: this attribute is not allowed on <${name}>`;
    }
    if (URL_ATTRIBUTES.has(attribute)) {
      const urls =
        attribute === 'srcset'
          ? String(value)
              .split(',')
              .map((part) => part.trim().split(/\s+/)[0] ?? '')
          : [String(value)];
      const unsafe = urls.find((url) => !isSafeUrl(url));
      if (unsafe !== undefined) {
        return `<${name} ${attribute}="${unsafe}">: only http(s), mailto, tel and site-relative URLs are allowed`;
      }
    }
  }
  if (name === 'iframe') {
    const src = String(element.properties.src ?? '');
    if (!embedOrigins.some((origin) => src.startsWith(`${origin}/`))) {
      return `<iframe src="${src}">: embeds may only come from ${embedOrigins.join(', ') || 'nowhere (no embed origins are configured)'}`;
    }
    if (!element.properties.title) return '<iframe> needs a title that says what it shows';
  }
  return undefined;
}

function propertyToAttribute(property: string): string {
  if (property === 'className') return 'class';
  if (property === 'htmlFor') return 'for';
  if (property.startsWith('data')) return property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  return property.toLowerCase();
}

/**
 * Checks raw HTML in Markdown against an allow-list and reports anything
 * that could run script or break the page: `<script>`, `<style>`, forms,
 * event handlers, `javascript:` and `data:` URLs, iframes from origins not
 * in `embedOrigins`; Markdown links and images are held to the same URL
 * rule. Nothing is silently removed: each problem is reported with its line
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
      if (!isSafeUrl(url)) {
        reportProblem(
          file,
          `unsafe link "${url}": only http(s), mailto, tel and site-relative URLs are allowed`,
          node.position,
          'unsafe-link',
        );
      }
    });
    // Start tags of refused elements still waiting for their end tag: `<script>alert(1)</script>` is one
    // problem, not two, even where the end tag stands in an HTML node of its own (inline HTML).
    const refusedOpen = new Map<string, number>();
    visit(tree, 'html', (node: Html) => {
      const fragment: HastRoot = fromHtml(node.value, { fragment: true });
      visit(fragment, 'element', (element: Element) => {
        const reason = refuseElement(element, options);
        if (!reason) return undefined;
        reportProblem(file, `unsafe HTML ${reason}`, node.position, 'unsafe-html');
        // Removing a refused element removes what it holds: its content is not reported apart.
        return ALLOWED[element.tagName] ? undefined : SKIP;
      });
      // A lone end tag parses to nothing and would vanish without a word: hold it to the same list.
      for (const [, slash, written] of node.value.matchAll(/<(\/?)\s*([a-zA-Z][\w-]*)/g)) {
        const name = written!.toLowerCase();
        if (ALLOWED[name]) continue;
        const open = refusedOpen.get(name) ?? 0;
        if (!slash) refusedOpen.set(name, open + 1);
        else if (open > 0) refusedOpen.set(name, open - 1);
        else reportProblem(file, `unsafe HTML </${name}> is not allowed in articles`, node.position, 'unsafe-html');
      }
    });
  };
};
