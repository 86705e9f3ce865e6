/**
 * The one place that says what this site is. Everything that needs the site's
 * name, address, zone or sections reads it from here.
 */
export interface SectionConfig {
  /** Label shown to readers, e.g. "World". */
  label: string;
  /** One sentence for the section page and its metadata. */
  description: string;
}

export const site = {
  /** The masthead. */
  name: 'Broadside',
  /** Absolute https origin that permalinks are built on; no trailing slash. */
  url: 'https://broadside.example',
  /** One line under the masthead and in metadata. */
  tagline: 'News that reads well on a phone, in a browser and on paper.',
  /** BCP 47 locale used to format dates and numbers. */
  locale: 'en-US',
  /** IANA zone for articles that name none. */
  timeZone: 'Asia/Dubai',
  /** Site-wide default language of articles. */
  lang: 'en',
  /** Origins an article's `<iframe>` embeds may load from; the CSP allows exactly these. */
  embedOrigins: ['https://www.youtube-nocookie.com', 'https://player.vimeo.com'],
  /** How far in the future `published` may be, for embargoed copy scheduled just ahead. */
  maxFutureHours: 24,
  /** Sections, keyed by the slug used in URLs and in frontmatter. */
  sections: {
    world: { label: 'World', description: 'Conflict, diplomacy and politics around the globe.' },
    business: { label: 'Business', description: 'Markets, companies and the economy.' },
    climate: { label: 'Climate', description: 'The climate crisis and the response to it.' },
  },
} as const satisfies {
  name: string;
  url: string;
  tagline: string;
  locale: string;
  timeZone: string;
  lang: string;
  embedOrigins: readonly string[];
  maxFutureHours: number;
  sections: Record<string, SectionConfig>;
};

export type SectionSlug = keyof typeof site.sections;

/** Sections as a tuple, the form Zod's enum wants. */
export const sectionSlugs = Object.keys(site.sections) as [SectionSlug, ...SectionSlug[]];

/**
 * Top-level folders the build serves itself: the routes in `src/pages/`
 * other than sections (`/search/`, `/live/...`, `/authors/...`, `/page/2/`...) and
 * Pagefind's index. No section may take one, and no redirect may claim one
 * or any path under it (src/lib/content/rules.ts). Top-level files need no
 * entry: a name with a dot (`feed.xml`, `robots.txt`, `sitemap-0.xml`,
 * anything in `public/`) or starting with "_" (`_astro`, `_redirects`,
 * `_headers`) is the build's or the host's by rule. The unit tests check
 * this list against `src/pages/` and `public/`, and a build test against
 * every file the build writes.
 */
export const reservedPathSegments = ['404', 'authors', 'cards', 'live', 'page', 'pagefind', 'search', 'tags'] as const;
