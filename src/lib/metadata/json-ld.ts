/**
 * Structured data (schema.org JSON-LD) for search engines and link
 * previews. Builders take plain values, so they can be tested without a
 * build; `serializeJsonLd` makes the result safe inside a `<script>`.
 */

/** A JSON-LD object: plain JSON values only. */
export type JsonLd = Record<string, JsonValue>;
type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** The organisation that publishes the site. */
export interface Publisher {
  name: string;
  url: string;
  logo: { url: string; width: number; height: number };
}

/** An image as structured data wants it: absolute URL and size. */
export interface JsonLdImage {
  url: string;
  width: number;
  height: number;
}

export interface NewsArticleInput {
  /** The canonical absolute URL of the article. */
  url: string;
  headline: string;
  description: string;
  /** `yyyy-mm-dd` for a date alone, else a date-time with offset. */
  datePublished: string;
  /** As `datePublished`; the publication itself when the article was never updated. */
  dateModified: string;
  /** Named writers, as credited, each with their author page's absolute URL; never invented. */
  authors: readonly { name: string; url: string }[];
  /** News agencies credited. */
  agencies: readonly string[];
  section: string;
  tags: readonly string[];
  image: JsonLdImage;
  publisher: Publisher;
  lang: string;
  /** The article's corrections, oldest first, as the page lists them. */
  corrections?: readonly CorrectionInput[] | undefined;
}

export interface CorrectionInput {
  text: string;
  /** Date-time with offset. */
  datePublished: string;
}

export interface PersonInput {
  /** The author page's canonical absolute URL (its first page). */
  url: string;
  name: string;
  /** What they do at the paper, e.g. "Diplomatic correspondent". */
  jobTitle: string;
  description: string;
  /** Their portrait, absolute URL and size. */
  image?: JsonLdImage | undefined;
  /** Their own pages elsewhere (absolute https: URLs). */
  sameAs: readonly string[];
  /** An e-mail address, without `mailto:`. */
  email?: string | undefined;
  publisher: Publisher;
}

export interface LiveBlogUpdateInput {
  /** The update's own absolute URL: its page, which never moves. */
  url: string;
  headline: string;
  /** Date-time with offset. */
  datePublished: string;
  /** When it was corrected, else when it was posted. */
  dateModified: string;
  /** Named writers, as credited, each with their author page. */
  authors: NewsArticleInput['authors'];
  body: string;
}

export interface LiveBlogInput {
  url: string;
  headline: string;
  description: string;
  coverageStartTime: string;
  /** Absent while the coverage is live. */
  coverageEndTime?: string | undefined;
  /** When the newest update was posted. */
  dateModified: string;
  updates: readonly LiveBlogUpdateInput[];
  image: JsonLdImage;
  publisher: Publisher;
  lang: string;
}

export interface Crumb {
  name: string;
  /** Absolute URL. */
  url: string;
}

const CONTEXT = 'https://schema.org';

function imageObject(image: JsonLdImage): JsonLd {
  return { '@type': 'ImageObject', url: image.url, width: image.width, height: image.height };
}

/** The publisher as an organisation, for any page's structured data. */
export function publisherJsonLd(publisher: Publisher): JsonLd {
  return {
    '@type': 'NewsMediaOrganization',
    name: publisher.name,
    url: publisher.url,
    logo: imageObject(publisher.logo),
  };
}

/**
 * Authors as credited: people first, each with the URL of their page on
 * the site (the `Person` there has the same `url`), then agencies as organisations. An
 * empty list gives `undefined`, so the field is left out rather than filled
 * with an invented name.
 */
function creditObjects(
  authors: NewsArticleInput['authors'],
  agencies: NewsArticleInput['agencies'],
): JsonLd[] | undefined {
  const credits: JsonLd[] = [
    ...authors.map(({ name, url }): JsonLd => ({ '@type': 'Person', name, url })),
    ...agencies.map((name): JsonLd => ({ '@type': 'Organization', name })),
  ];
  return credits.length > 0 ? credits : undefined;
}

/** Drops `undefined` fields so they never reach the page as `null`. */
function defined(object: Record<string, JsonValue | undefined>): JsonLd {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as JsonLd;
}

/** A `NewsArticle` for one article, with a `CorrectionComment` for each correction. */
export function newsArticleJsonLd(input: NewsArticleInput): JsonLd {
  return defined({
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    headline: input.headline,
    description: input.description,
    url: input.url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    datePublished: input.datePublished,
    dateModified: input.dateModified,
    author: creditObjects(input.authors, input.agencies),
    articleSection: input.section,
    keywords: input.tags.length > 0 ? [...input.tags] : undefined,
    image: [imageObject(input.image)],
    publisher: publisherJsonLd(input.publisher),
    inLanguage: input.lang,
    isAccessibleForFree: true,
    correction: input.corrections?.length
      ? input.corrections.map((correction): JsonLd => ({
          '@type': 'CorrectionComment',
          text: correction.text,
          datePublished: correction.datePublished,
        }))
      : undefined,
  });
}

/**
 * A `Person` for an author page: who they are and what they do at the
 * paper, with the same `url` as the `author` of each article they wrote,
 * so search engines take the two for one person.
 */
export function personJsonLd(input: PersonInput): JsonLd {
  return defined({
    '@context': CONTEXT,
    '@type': 'Person',
    name: input.name,
    url: input.url,
    mainEntityOfPage: { '@type': 'ProfilePage', '@id': input.url },
    jobTitle: input.jobTitle,
    description: input.description,
    image: input.image && imageObject(input.image),
    email: input.email,
    sameAs: input.sameAs.length > 0 ? [...input.sameAs] : undefined,
    worksFor: publisherJsonLd(input.publisher),
  });
}

/** A `LiveBlogPosting` for one live blog, with one `liveBlogUpdate` per update, newest first. */
export function liveBlogJsonLd(input: LiveBlogInput): JsonLd {
  return defined({
    '@context': CONTEXT,
    '@type': 'LiveBlogPosting',
    headline: input.headline,
    description: input.description,
    url: input.url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    datePublished: input.coverageStartTime,
    dateModified: input.dateModified,
    coverageStartTime: input.coverageStartTime,
    coverageEndTime: input.coverageEndTime,
    image: [imageObject(input.image)],
    publisher: publisherJsonLd(input.publisher),
    inLanguage: input.lang,
    isAccessibleForFree: true,
    liveBlogUpdate: input.updates.map(liveBlogUpdateJsonLd),
  });
}

/** One update as a `BlogPosting`: in its blog's `liveBlogUpdate`, and alone on the update's own page. */
export function liveBlogUpdateJsonLd(update: LiveBlogUpdateInput): JsonLd {
  return defined({
    '@type': 'BlogPosting',
    headline: update.headline,
    url: update.url,
    mainEntityOfPage: update.url,
    datePublished: update.datePublished,
    dateModified: update.dateModified,
    author: creditObjects(update.authors, []),
    articleBody: update.body,
  });
}

/** A `BreadcrumbList`: where the page sits, from the front page down to itself. */
export function breadcrumbJsonLd(crumbs: readonly Crumb[]): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index): JsonLd => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: crumb.url,
    })),
  };
}

/**
 * JSON for the inside of `<script type="application/ld+json">`. The HTML
 * parser ends a script at the first `</script`, whatever JSON thinks, so
 * `<`, `>` and `&` become `\u` escapes (still the same JSON string), as do
 * U+2028 and U+2029, which older JavaScript parsers treat as line breaks.
 */
export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
