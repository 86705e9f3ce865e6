import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Html, Root } from 'mdast';
import type { Plugin } from 'unified';
import type { Point } from 'unist';
import { visit } from 'unist-util-visit';
import { reportProblem } from './problems';

export interface RawHtmlRemoteImagesOptions {
  /** The site's own origin: an absolute URL on it is not remote. */
  siteUrl: string;
}

/** Attributes (as hast properties) whose URL the browser fetches into the page itself: images, posters, media, objects. */
const FETCHED = { src: 'src', srcSet: 'srcset', poster: 'poster', data: 'data' } as const;

/** The URLs an attribute value names: one, or each candidate of a `srcset`. */
function urlsOf(property: keyof typeof FETCHED, value: unknown): string[] {
  const text = Array.isArray(value) ? value.join(',') : String(value);
  if (property !== 'srcSet') return [text.trim()];
  return text.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '');
}

/**
 * True for an `http(s):` or protocol-relative (`//host/...`) URL on another
 * origin than the site's: the page's content security policy
 * (`img-src 'self'`, and `default-src 'self'` for media) blocks it.
 */
export function isRemoteUrl(url: string, siteUrl: string): boolean {
  if (!/^(?:https?:)?\/\//i.test(url.trim())) return false;
  try {
    return new URL(url.trim(), siteUrl).origin !== new URL(siteUrl).origin;
  } catch {
    return false;
  }
}

/** The place of an element parsed from an HTML node, in the Markdown's lines. */
function placeOf(node: Html, element: Element): Point | undefined {
  const start = node.position?.start;
  const inner = element.position?.start;
  if (!start || !inner) return start;
  return {
    line: start.line + inner.line - 1,
    column: inner.line === 1 ? start.column + inner.column - 1 : inner.column,
  };
}

/**
 * Reports raw HTML that would load an image (or poster, video, ...) from
 * another site: the page's content security policy allows images from the
 * site alone, so the reader would see nothing where the editor put it.
 *
 * ```markdown
 * <img src="https://example.com/photo.jpg" alt="The minister">
 * ```
 *
 * is the problem `line 1: raw HTML <img src="https://example.com/photo.jpg">
 * loads from another site, which the page's content security policy
 * (img-src 'self') blocks, so it would never show; use an image stored on
 * this site`. Iframes are not images: their origins are checked by the raw
 * HTML guard against `site.embedOrigins`. (Markdown's own `![]()` images are
 * checked apart, by their own plugin.)
 */
export const remarkRawHtmlRemoteImages: Plugin<[RawHtmlRemoteImagesOptions], Root> = ({ siteUrl }) => {
  return (tree, file) => {
    visit(tree, 'html', (node: Html) => {
      if (!/\b(?:src|srcset|poster|data)\s*=/i.test(node.value)) return;
      visit(fromHtml(node.value, { fragment: true }), 'element', (element: Element) => {
        if (element.tagName === 'iframe') return;
        for (const property of Object.keys(FETCHED) as (keyof typeof FETCHED)[]) {
          const value = element.properties[property];
          if (value === undefined) continue;
          const remote = urlsOf(property, value).find((url) => isRemoteUrl(url, siteUrl));
          if (remote === undefined) continue;
          reportProblem(
            file,
            `raw HTML <${element.tagName} ${FETCHED[property]}="${remote}"> loads from another site, which the page's content security policy (img-src 'self') blocks, so it would never show; use an image stored on this site`,
            placeOf(node, element),
            'remote-image',
          );
        }
      });
    });
  };
};
