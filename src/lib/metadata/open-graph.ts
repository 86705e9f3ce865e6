/**
 * Link-preview tags: Open Graph (read by chat apps, Facebook, LinkedIn) and
 * Twitter's card tags. Pure: the page renders the list as `<meta>` elements.
 */

/** One `<meta>`: Open Graph uses `property=`, Twitter `name=`. */
export interface MetaTag {
  attribute: 'property' | 'name';
  key: string;
  content: string;
}

export interface PreviewImage {
  /** Absolute URL. */
  url: string;
  width: number;
  height: number;
  /** What the image shows. */
  alt: string;
  /** MIME type, e.g. `image/png`. */
  type: string;
}

export interface OpenGraphInput {
  /** The canonical absolute URL. */
  url: string;
  title: string;
  description: string;
  siteName: string;
  /** Open Graph locale, e.g. `en_US` (see `openGraphLocale`). */
  locale: string;
  /** The locales of the page's other language editions, e.g. `['ar']` (see `openGraphLocale`). */
  alternateLocales?: readonly string[] | undefined;
  image?: PreviewImage | undefined;
  /** Present on articles and live blogs: makes `og:type` `article`. */
  article?:
    | {
        /** ISO 8601: a date alone or a date-time with offset. */
        publishedTime: string;
        modifiedTime: string;
        section: string;
        tags: readonly string[];
      }
    | undefined;
}

const property = (key: string, content: string): MetaTag => ({ attribute: 'property', key, content });
const name = (key: string, content: string): MetaTag => ({ attribute: 'name', key, content });

/** Open Graph wants `language_TERRITORY`: `en-US` becomes `en_US`. */
export function openGraphLocale(bcp47: string): string {
  const [language, ...rest] = bcp47.split('-');
  const region = rest.find((part) => /^[A-Za-z]{2}$|^\d{3}$/.test(part));
  return region ? `${language!.toLowerCase()}_${region.toUpperCase()}` : language!.toLowerCase();
}

/** Open Graph and Twitter tags for one page, in a stable order. */
export function openGraphTags(input: OpenGraphInput): MetaTag[] {
  const tags: MetaTag[] = [
    property('og:type', input.article ? 'article' : 'website'),
    property('og:title', input.title),
    property('og:description', input.description),
    property('og:url', input.url),
    property('og:site_name', input.siteName),
    property('og:locale', input.locale),
    ...(input.alternateLocales ?? []).map((locale) => property('og:locale:alternate', locale)),
  ];
  if (input.image) {
    tags.push(
      property('og:image', input.image.url),
      property('og:image:type', input.image.type),
      property('og:image:width', String(input.image.width)),
      property('og:image:height', String(input.image.height)),
      property('og:image:alt', input.image.alt),
    );
  }
  if (input.article) {
    tags.push(
      property('article:published_time', input.article.publishedTime),
      property('article:modified_time', input.article.modifiedTime),
      property('article:section', input.article.section),
      ...input.article.tags.map((tag) => property('article:tag', tag)),
    );
  }
  tags.push(
    name('twitter:card', input.image ? 'summary_large_image' : 'summary'),
    name('twitter:title', input.title),
    name('twitter:description', input.description),
  );
  if (input.image) tags.push(name('twitter:image', input.image.url), name('twitter:image:alt', input.image.alt));
  return tags;
}
