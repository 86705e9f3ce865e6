/**
 * The pieces of the feeds that are not @astrojs/rss's job: an item's full
 * HTML, with every link made absolute (a feed reader shows it away from the
 * site, where `/world/...` or `#section` would lead nowhere). The HTML is
 * built and changed as a hast tree, never by pattern over a string.
 */
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';

/**
 * How many articles the site feed carries, newest first, each whole: a day's
 * news for a busy desk. Older articles stay in the sitemap and the archive
 * pages; a feed reader polls far more often than that, and a feed of the
 * whole archive would grow with every article (docs/benchmarks.md).
 */
export const FEED_LENGTH = 30;

function absolute(value: string, pageUrl: string): string {
  try {
    return new URL(value, pageUrl).href;
  } catch {
    return value;
  }
}

/**
 * Makes every `href`, `src` and `srcset` URL in `tree` absolute, resolved
 * against the page's own URL. Only attributes are touched, never text.
 */
function absoluteLinks(tree: Root, pageUrl: string): Root {
  visit(tree, 'element', (node) => {
    const { properties } = node;
    for (const name of ['href', 'src'] as const) {
      const value = properties[name];
      if (typeof value === 'string') properties[name] = absolute(value, pageUrl);
    }
    const srcSet: unknown = properties.srcSet;
    if (typeof srcSet === 'string' || Array.isArray(srcSet)) {
      const candidates: string[] = typeof srcSet === 'string' ? srcSet.split(',') : srcSet.map(String);
      properties.srcSet = candidates
        .map((candidate) => {
          const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
          return [absolute(url, pageUrl), ...descriptor].join(' ');
        })
        .join(', ');
    }
  });
  return tree;
}

/** HTML as a feed carries it: every link absolute, resolved against `pageUrl`. */
export function feedHtml(html: string | Root, pageUrl: string): string {
  const tree = typeof html === 'string' ? fromHtml(html, { fragment: true }) : html;
  return toHtml(absoluteLinks(tree, pageUrl), { characterReferences: { useNamedReferences: true } });
}

export interface ArticleFeedParts {
  /** The article's absolute URL, for resolving its links. */
  pageUrl: string;
  standfirst: string;
  image?: { src: string; alt: string; caption?: string | undefined; credit?: string | undefined } | undefined;
  /** The "Powered by automated translation" notice, when the page shows it. */
  notice?: string | undefined;
  /** The editor's note, shown above the body. */
  note?: string | undefined;
  /** The rendered Markdown body. */
  bodyHtml: string;
  /** The corrections as the page lists them, oldest first: "Correction, May 24, 2022, 10:00 AM GMT+4" and the text. */
  corrections?: readonly { label: string; text: string }[] | undefined;
}

/** The whole article as one HTML document fragment: standfirst, lead image, notice, note, body, corrections. */
export function articleFeedHtml(parts: ArticleFeedParts): string {
  const { image } = parts;
  const caption = [image?.caption, image?.credit].filter(Boolean).join(' ');
  const tree = fromHtml(parts.bodyHtml, { fragment: true });
  tree.children.unshift(
    h('p', [h('strong', parts.standfirst)]),
    ...(image
      ? [h('figure', [h('img', { src: image.src, alt: image.alt }), ...(caption ? [h('figcaption', caption)] : [])])]
      : []),
    ...(parts.notice ? [h('p', [h('em', parts.notice)])] : []),
    ...(parts.note ? [h('p', [h('strong', 'Editor’s note:'), ' ', parts.note])] : []),
  );
  tree.children.push(
    ...(parts.corrections ?? []).map((correction) => h('p', [h('em', `${correction.label}:`), ' ', correction.text])),
  );
  return feedHtml(tree, parts.pageUrl);
}
