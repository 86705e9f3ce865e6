/**
 * What a link shows on paper, where a reader cannot follow it: an absolute
 * address they can type or scan, never a bare site path or a script.
 */

/**
 * The text that stands for `href` in print, or `undefined` when nothing
 * useful can be printed:
 *
 * - `https://…` and `http://…`: the URL itself;
 * - `/live/russia-ukraine/` (a site path) and `//host/…`: made absolute on the site's origin;
 * - `mailto:` and `tel:`: the address or number, without the scheme;
 * - `#section` (the same page), `../other` (relative to a page this function
 *   does not know), `javascript:`, `data:` and any other scheme: `undefined`.
 *
 * @param siteUrl the site's https origin, as in `src/site.config.ts`
 */
export function printedUrl(href: string, siteUrl: string): string | undefined {
  const trimmed = href.trim();
  if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('?')) return undefined;
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    // Only a path from the site's root resolves the same from every page.
    if (!trimmed.startsWith('/')) return undefined;
    return new URL(trimmed, siteUrl).href;
  }
  if (scheme === 'http' || scheme === 'https') {
    try {
      return new URL(trimmed).href;
    } catch {
      return undefined;
    }
  }
  if (scheme === 'mailto' || scheme === 'tel') {
    const target = decodeURIComponent(trimmed.slice(scheme.length + 1).split('?')[0] ?? '');
    return target === '' ? undefined : target;
  }
  return undefined;
}

/**
 * True when a link's own words already say where it goes (`<https://example.com>`
 * in Markdown), so printing the URL after them would only repeat it.
 */
export function textShowsUrl(text: string, printed: string): boolean {
  const bare = (value: string) =>
    value
      .trim()
      .toLowerCase()
      .replace(/^(https?:)?\/\//, '')
      .replace(/^www\./, '')
      .replace(/\/$/, '');
  return bare(text) === bare(printed);
}
