/**
 * The pieces of the feeds that are not @astrojs/rss's job: an item's full
 * HTML, with every link made absolute (a feed reader shows it away from the
 * site, where `/world/...` or `#section` would lead nowhere).
 */

/**
 * How many articles the site feed carries, newest first, each whole: a day's
 * news for a busy desk. Older articles stay in the sitemap and the archive
 * pages; a feed reader polls far more often than that, and a feed of the
 * whole archive would grow by 8 KB with every article.
 */
export const FEED_LENGTH = 30;

/** Text made safe as HTML element content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function absolute(value: string, pageUrl: string): string {
  try {
    return new URL(value, pageUrl).href;
  } catch {
    return value;
  }
}

/** A start tag, its quoted attribute values read whole (a value may hold ">"). */
const START_TAG = /<[a-zA-Z][a-zA-Z0-9-]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/g;

/**
 * Makes `href`, `src` and `srcset` URLs in `html` absolute, resolved against
 * the page's own URL. Only start tags are touched, never text, and values
 * are read double-quoted, as Astro and rehype write them: that is the only
 * HTML this is given.
 */
export function absoluteLinks(html: string, pageUrl: string): string {
  return html.replace(START_TAG, (tag) =>
    tag
      .replace(
        /(\s(?:href|src)=")([^"]*)"/g,
        (_, start: string, value: string) => `${start}${absolute(value, pageUrl)}"`,
      )
      .replace(/(\ssrcset=")([^"]*)"/g, (_, start: string, value: string) => {
        const candidates = value.split(',').map((candidate) => {
          const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
          return [absolute(url, pageUrl), ...descriptor].join(' ');
        });
        return `${start}${candidates.join(', ')}"`;
      }),
  );
}

export interface ArticleFeedParts {
  /** The article's absolute URL, for resolving its links. */
  pageUrl: string;
  standfirst: string;
  image?: { src: string; alt: string; caption?: string | undefined; credit?: string | undefined } | undefined;
  /** The "Powered by automated translation" notice, when the page shows it. */
  notice?: string | undefined;
  /** The rendered Markdown body. */
  bodyHtml: string;
}

/** The whole article as one HTML document fragment: standfirst, lead image, notice, body. */
export function articleFeedHtml(parts: ArticleFeedParts): string {
  const { image } = parts;
  const caption = [image?.caption, image?.credit]
    .filter(Boolean)
    .map((text) => escapeHtml(text!))
    .join(' ');
  const html = [
    `<p><strong>${escapeHtml(parts.standfirst)}</strong></p>`,
    image
      ? `<figure><img src="${escapeHtml(image.src)}" alt="${escapeHtml(image.alt)}">${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`
      : '',
    parts.notice ? `<p><em>${escapeHtml(parts.notice)}</em></p>` : '',
    parts.bodyHtml,
  ].join('');
  return absoluteLinks(html, parts.pageUrl);
}

/** A live update's plain-text body as paragraphs, the way the page shows it. */
export function liveUpdateFeedHtml(body: string, link?: { label: string; href: string }, pageUrl = ''): string {
  const paragraphs = body
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${escapeHtml(paragraph.trim())}</p>`)
    .join('');
  const more = link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>` : '';
  return absoluteLinks(`${paragraphs}${more}`, pageUrl);
}
