/**
 * Everything a page says about itself in `<head>`: its one canonical URL,
 * the link-preview tags, the structured data and the feeds it offers. One
 * function per kind of page; `BaseLayout` renders the result.
 */
import { correctionsInOrder, lastChange, type DatedCorrection } from '../content/corrections';
import { newestFirst } from '../content/live-blog';
import { editionLinks } from '../content/editions';
import { site } from '../../site.config';
import { displayDay, machineTimestamp, type Timestamp } from '../time/dates';
import {
  absoluteUrl,
  articlePermalink,
  liveBlogFeedPath,
  liveBlogPermalink,
  liveUpdateAnchor,
  publisherLogoPath,
  sectionPath,
  shareCardPath,
  siteFeedPath,
  type PermalinkSource,
} from '../routes/permalinks';
import { CARD_HEIGHT, CARD_WIDTH, cardAlt, type CardInputs } from '../share-card/card';
import { breadcrumbJsonLd, liveBlogJsonLd, newsArticleJsonLd, type JsonLd, type Publisher } from './json-ld';
import { openGraphLocale, openGraphTags, type MetaTag, type OpenGraphInput, type PreviewImage } from './open-graph';

export interface FeedLink {
  title: string;
  /** Absolute URL. */
  href: string;
}

export interface PageMeta {
  /** The page's one absolute URL: `<link rel="canonical">`, `og:url` and structured data all use it. */
  canonical: string;
  tags: MetaTag[];
  jsonLd: JsonLd[];
  /** Feeds the page advertises, the site's own first. */
  feeds: FeedLink[];
  /** The page in each language it has, itself included: `<link rel="alternate" hreflang>`. Empty for one language. */
  alternates?: LanguageAlternate[] | undefined;
}

export interface LanguageAlternate {
  /** BCP 47 tag. */
  hreflang: string;
  /** Absolute URL. */
  href: string;
}

type SectionSlug = keyof typeof site.sections;

export const siteFeed: FeedLink = { title: `${site.name}: latest articles`, href: absoluteUrl(siteFeedPath) };

export const publisher: Publisher = {
  name: site.name,
  url: absoluteUrl('/'),
  logo: { url: absoluteUrl(publisherLogoPath), width: 512, height: 512 },
};

/**
 * The Open Graph tags of a page at `canonical`, in `lang`: the site's name
 * and the page's locale (the site's own for the site's language) added to
 * what the page says of itself.
 */
function pageTags(canonical: string, lang: string, input: Omit<OpenGraphInput, 'url' | 'siteName' | 'locale'>) {
  return openGraphTags({ url: canonical, siteName: site.name, locale: pageLocale(lang), ...input });
}

/** The Open Graph locale of a page in `lang`: the site's own (`en_US`) for the site's language. */
function pageLocale(lang: string): string {
  return openGraphLocale(lang === site.lang ? site.locale : lang);
}

function cardImage(pagePath: string, inputs: CardInputs): PreviewImage {
  return {
    url: absoluteUrl(shareCardPath(pagePath)),
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    alt: cardAlt(inputs),
    type: 'image/png',
  };
}

function breadcrumbs(section: SectionSlug, title: string, canonical: string): JsonLd {
  return breadcrumbJsonLd([
    { name: site.name, url: absoluteUrl('/') },
    { name: site.sections[section].label, url: absoluteUrl(sectionPath(section)) },
    { name: title, url: canonical },
  ]);
}

/** A page that is not an article or a live blog: front page, section, tag, 404. */
export function websiteMeta(path: string, title: string, description: string): PageMeta {
  const canonical = absoluteUrl(path);
  return {
    canonical,
    tags: pageTags(canonical, site.lang, { title, description }),
    jsonLd: [],
    feeds: [siteFeed],
  };
}

export interface ArticleMetaSource extends PermalinkSource {
  data: PermalinkSource['data'] & {
    section: SectionSlug;
    title: string;
    standfirst: string;
    updated?: Timestamp | undefined;
    authors: readonly string[];
    agencies: readonly string[];
    tags: readonly string[];
    lang: string;
    corrections?: readonly (DatedCorrection & { text: string })[] | undefined;
    /** Other language editions: language tag to permalink. */
    editions?: Readonly<Record<string, string>> | undefined;
  };
}

/** What an article's share card shows. */
export function articleCard(article: ArticleMetaSource): CardInputs {
  const { title, section, published, timezone } = article.data;
  return { headline: title, section: site.sections[section].label, date: displayDay(published, timezone) };
}

export function articleMeta(article: ArticleMetaSource): PageMeta {
  const { title, standfirst, section, published, timezone, authors, agencies, tags, lang } = article.data;
  const path = articlePermalink(article);
  const canonical = absoluteUrl(path);
  const image = cardImage(path, articleCard(article));
  const datePublished = machineTimestamp(published, timezone);
  // A correction is a change: it moves `dateModified` as an update does.
  const dateModified = machineTimestamp(lastChange(article.data), timezone);
  const sectionLabel = site.sections[section].label;
  const editions = editionLinks(article.data.editions ?? {});
  return {
    canonical,
    alternates: editions.length
      ? [
          { hreflang: lang, href: canonical },
          ...editions.map((edition) => ({ hreflang: edition.lang, href: absoluteUrl(edition.path) })),
        ]
      : [],
    tags: pageTags(canonical, lang, {
      title,
      description: standfirst,
      alternateLocales: editions.map((edition) => pageLocale(edition.lang)),
      image,
      article: { publishedTime: datePublished, modifiedTime: dateModified, section: sectionLabel, tags },
    }),
    jsonLd: [
      newsArticleJsonLd({
        url: canonical,
        headline: title,
        description: standfirst,
        datePublished,
        dateModified,
        authors,
        agencies,
        section: sectionLabel,
        tags,
        image,
        publisher,
        lang,
        corrections: correctionsInOrder(article.data.corrections ?? []).map((correction) => ({
          text: correction.text,
          datePublished: machineTimestamp(correction.time, timezone),
        })),
      }),
      breadcrumbs(section, title, canonical),
    ],
    feeds: [siteFeed],
  };
}

export interface LiveBlogMetaSource {
  id: string;
  data: {
    title: string;
    standfirst: string;
    section: SectionSlug;
    coverageStart: Timestamp;
    coverageEnd?: Timestamp | undefined;
    timezone: string;
    lang: string;
    updates: readonly { id: string; time: Extract<Timestamp, { kind: 'datetime' }>; title: string; body: string }[];
  };
}

/** What a live blog's share card shows. */
export function liveBlogCard(blog: LiveBlogMetaSource): CardInputs {
  const { title, section, coverageStart, timezone } = blog.data;
  return {
    headline: title,
    section: site.sections[section].label,
    date: displayDay(coverageStart, timezone),
    badge: 'Live',
  };
}

export function liveBlogMeta(blog: LiveBlogMetaSource): PageMeta {
  const { title, standfirst, section, coverageStart, coverageEnd, timezone, lang, updates } = blog.data;
  const path = liveBlogPermalink(blog.id);
  const canonical = absoluteUrl(path);
  const image = cardImage(path, liveBlogCard(blog));
  const updatesNewestFirst = newestFirst(updates);
  const at = (timestamp: Timestamp) => machineTimestamp(timestamp, timezone);
  const modified = updatesNewestFirst[0] ? at(updatesNewestFirst[0].time) : at(coverageStart);
  const sectionLabel = site.sections[section].label;
  return {
    canonical,
    tags: pageTags(canonical, lang, {
      title,
      description: standfirst,
      image,
      article: { publishedTime: at(coverageStart), modifiedTime: modified, section: sectionLabel, tags: [] },
    }),
    jsonLd: [
      liveBlogJsonLd({
        url: canonical,
        headline: title,
        description: standfirst,
        coverageStartTime: at(coverageStart),
        coverageEndTime: coverageEnd && at(coverageEnd),
        dateModified: modified,
        updates: updatesNewestFirst.map((update) => ({
          url: `${canonical}#${liveUpdateAnchor(update.id)}`,
          headline: update.title,
          datePublished: at(update.time),
          body: update.body,
        })),
        image,
        publisher,
        lang,
      }),
      breadcrumbs(section, title, canonical),
    ],
    feeds: [siteFeed, { title: `${title}: live updates`, href: absoluteUrl(liveBlogFeedPath(blog.id)) }],
  };
}
