import type { Element, Root } from 'hast';
import { raw } from 'hast-util-raw';
import { toString } from 'hast-util-to-string';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { printedUrl, textShowsUrl } from '../print/printed-url';

export interface RehypePrintUrlsOptions {
  /** The site's https origin: site paths print as absolute URLs on it. */
  siteUrl: string;
}

/** Whether raw HTML is left anywhere in the tree. */
function hasRaw(node: Root | Root['children'][number]): boolean {
  return node.type === 'raw' || ('children' in node && node.children.some(hasRaw));
}

function hasClass(element: Element, name: string): boolean {
  const className = element.properties.className;
  return Array.isArray(className) && className.includes(name);
}

/**
 * Gives every link in the body the address it prints after its words, in a
 * `data-print-url` attribute that the print stylesheet shows and nothing
 * else does (screens, screen readers and feed readers ignore it):
 *
 * ```markdown
 * The [live blog](/live/russia-ukraine/) has more.
 * ```
 *
 * ```html
 * <p>The <a href="/live/russia-ukraine/" data-print-url="https://broadside.example/live/russia-ukraine/">live blog</a> has more.</p>
 * ```
 *
 * Heading anchors, links to the same page, links whose words already are
 * their URL and links with nothing printable (see `printedUrl`) get none.
 * Raw HTML, where there is any, is parsed first (as the pipeline does at its
 * end anyway), so an `<a>` an editor wrote gets its address too, and a
 * `data-print-url` written by hand is replaced: a printed address always is
 * the link's own.
 */
export const rehypePrintUrls: Plugin<[RehypePrintUrlsOptions], Root> = ({ siteUrl }) => {
  return (input) => {
    const tree = hasRaw(input) ? (raw(input) as Root) : input;
    visit(tree, 'element', (element) => {
      if (element.tagName !== 'a') return;
      delete element.properties.dataPrintUrl;
      const href = element.properties.href;
      if (typeof href !== 'string' || hasClass(element, 'heading-anchor')) return;
      const printed = printedUrl(href, siteUrl);
      if (printed === undefined || textShowsUrl(toString(element), printed)) return;
      element.properties.dataPrintUrl = printed;
    });
    return tree;
  };
};
