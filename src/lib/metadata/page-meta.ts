/**
 * Everything a page says about itself in `<head>`: its one canonical URL,
 * the link-preview tags, the structured data and the feeds it offers. One
 * function per kind of page; `BaseLayout` renders the result.
 */
import { correctionsInOrder, lastChange, type DatedCorrection } from '../content/corrections';
import { bodyHtml } from '../content/body-fs';
import { editionLinks } from '../content/editions';
import { liveBlogChange, updateChange } from '../content/live-changes';
import { plainText, updateHeadline } from '../reading/update-text';
import { site } from '../../site.config';
import { displayDay, machineTimestamp, type Timestamp } from '../time/dates';
import {
  absoluteUrl,
  articlePermalink,
  authorFeedPath,
  authorPath,
  liveBlogFeedPath,
  liveBlogPermalink,
  liveUpdatePermalink,
  publisherLogoPath,
  sectionPath,
  shareCardPath,
  siteFeedPath,
  type PermalinkSource,
} from '../routes/permalinks';
import { CARD_HEIGHT, CARD_WIDTH, cardAlt, type CardInputs } from '../share-card/card';
import {
  breadcrumbJsonLd,
  liveBlogJsonLd,
  liveBlogUpdateJsonLd,
  newsArticleJsonLd,
  personJsonLd,
  publisherJsonLd,
  type JsonLd,
  type JsonLdImage,
  type LiveBlogUpdateInput,
  type NewsArticleInput,
  type Publisher,
} from './json-ld';
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

/**
 * An article's metadata. `authors` are the people its byline credits, as
 * `authorCredit` gives them (name and author page), so the structured
 * data's `author` links to the same page as the byline.
 */
export function articleMeta(article: ArticleMetaSource, authors: NewsArticleInput['authors']): PageMeta {
  const { title, standfirst, section, published, timezone, agencies, tags, lang } = article.data;
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

export interface AuthorMetaSource {
  /** The author's slug. */
  id: string;
  data: { name: string; role: string; bio: string; links: readonly { href: string }[] };
}

/**
 * An author page at `path` (its first page or a later one): a `Person`
 * named by the first page's URL, which is also the `url` of the `author`
 * in each article they wrote, and their feed after the site's.
 *
 * @param photo the portrait as served, absolute URL and size, when there is one.
 */
export function authorMeta(author: AuthorMetaSource, path: string, photo?: JsonLdImage): PageMeta {
  const { name, role, bio, links } = author.data;
  const canonical = absoluteUrl(path);
  const hrefs = links.map((link) => link.href);
  return {
    canonical,
    tags: pageTags(canonical, site.lang, { title: name, description: bio }),
    jsonLd: [
      personJsonLd({
        url: absoluteUrl(authorPath(author.id)),
        name,
        jobTitle: role,
        description: bio,
        image: photo,
        sameAs: hrefs.filter((href) => href.startsWith('https:')),
        email: hrefs.find((href) => href.startsWith('mailto:'))?.slice('mailto:'.length),
        publisher,
      }),
    ],
    feeds: [siteFeed, { title: `${name}: latest articles`, href: absoluteUrl(authorFeedPath(author.id)) }],
  };
}

type DateTime = Extract<Timestamp, { kind: 'datetime' }>;

export interface LiveUpdateMetaSource {
  /** Its anchor id, the last part of its own page's URL. */
  id: string;
  data: { time: DateTime; updated?: DateTime | undefined; title?: string | undefined };
  entry: { rendered?: { html: string } | undefined };
  /** Its writers, as credited, each with their author page. */
  credits: readonly { name: string; url: string }[];
}

export interface LiveBlogMetaSource {
  id: string;
  data: {
    title: string;
    standfirst: string;
    section: SectionSlug;
    coverageStart: DateTime;
    coverageEnd?: DateTime | undefined;
    timezone: string;
    lang: string;
  };
  /** Every published update, newest first. */
  updates: readonly LiveUpdateMetaSource[];
}

/** What a live blog's share card shows. */
export function liveBlogCard(blog: Pick<LiveBlogMetaSource, 'data'>): CardInputs {
  const { title, section, coverageStart, timezone } = blog.data;
  return {
    headline: title,
    section: site.sections[section].label,
    date: displayDay(coverageStart, timezone),
    badge: 'Live',
  };
}

/** What one update's share card shows: its headline, under its blog's section and day. */
export function liveUpdateCard(blog: Pick<LiveBlogMetaSource, 'data'>, update: LiveUpdateMetaSource): CardInputs {
  const { section, timezone } = blog.data;
  return {
    headline: updateHeadline(update.data.title, bodyHtml(update.entry)),
    section: site.sections[section].label,
    date: displayDay(update.data.time, timezone),
    badge: 'Live',
  };
}

/** An update as structured data: its headline, times, credits and text, at its own page. */
function updateJsonLdInput(blog: LiveBlogMetaSource, update: LiveUpdateMetaSource): LiveBlogUpdateInput {
  const at = (timestamp: Timestamp) => machineTimestamp(timestamp, blog.data.timezone);
  const html = bodyHtml(update.entry);
  return {
    url: absoluteUrl(liveUpdatePermalink(blog.id, update.id)),
    headline: updateHeadline(update.data.title, html),
    datePublished: at(update.data.time),
    dateModified: at(updateChange(update)),
    authors: update.credits,
    body: plainText(html),
  };
}

/**
 * A page of a live blog at `path` (`/live/<slug>/`, `/live/<slug>/page/2/`),
 * with the updates it shows in its `liveBlogUpdate`.
 */
export function liveBlogMeta(
  blog: LiveBlogMetaSource,
  path: string,
  pageUpdates: readonly LiveUpdateMetaSource[],
): PageMeta {
  const { title, standfirst, section, coverageStart, coverageEnd, timezone, lang } = blog.data;
  const canonical = absoluteUrl(path);
  const image = cardImage(liveBlogPermalink(blog.id), liveBlogCard(blog));
  const at = (timestamp: Timestamp) => machineTimestamp(timestamp, timezone);
  const modified = at(liveBlogChange(blog));
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
        updates: pageUpdates.map((update) => updateJsonLdInput(blog, update)),
        image,
        publisher,
        lang,
      }),
      breadcrumbs(section, title, absoluteUrl(liveBlogPermalink(blog.id))),
    ],
    feeds: [siteFeed, liveBlogFeed(blog)],
  };
}

function liveBlogFeed(blog: LiveBlogMetaSource): FeedLink {
  return { title: `${blog.data.title}: live updates`, href: absoluteUrl(liveBlogFeedPath(blog.id)) };
}

/** One update's own page: a preview card of its own, and the update as a `BlogPosting` within its blog. */
export function liveUpdateMeta(blog: LiveBlogMetaSource, update: LiveUpdateMetaSource): PageMeta {
  const { title, section, lang } = blog.data;
  const path = liveUpdatePermalink(blog.id, update.id);
  const canonical = absoluteUrl(path);
  const card = liveUpdateCard(blog, update);
  const posting = updateJsonLdInput(blog, update);
  return {
    canonical,
    tags: pageTags(canonical, lang, {
      title: card.headline,
      description: `${title}: ${posting.body}`.slice(0, 300),
      image: cardImage(path, card),
      article: {
        publishedTime: posting.datePublished,
        modifiedTime: posting.dateModified,
        section: site.sections[section].label,
        tags: [],
      },
    }),
    jsonLd: [
      {
        '@context': 'https://schema.org',
        ...liveBlogUpdateJsonLd(posting),
        isPartOf: { '@type': 'LiveBlogPosting', headline: title, url: absoluteUrl(liveBlogPermalink(blog.id)) },
        publisher: publisherJsonLd(publisher),
      },
      breadcrumbJsonLd([
        { name: site.name, url: absoluteUrl('/') },
        { name: site.sections[section].label, url: absoluteUrl(sectionPath(section)) },
        { name: title, url: absoluteUrl(liveBlogPermalink(blog.id)) },
        { name: card.headline, url: canonical },
      ]),
    ],
    feeds: [siteFeed, liveBlogFeed(blog)],
  };
}
