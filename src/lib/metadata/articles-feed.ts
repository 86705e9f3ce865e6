/**
 * A full-content RSS 2.0 feed of a list of articles, newest first, each
 * whole (standfirst, lead image, body), links absolute, with their
 * publication and update times: the site's feed and each author's are this
 * one builder given other articles and another title.
 */
import rss from '@astrojs/rss';
import { getImage } from 'astro:assets';
import { articleInstant, type Article } from '../content/articles';
import { bodyHtml } from '../content/body-fs';
import { correctionLabel, correctionsInOrder, lastChange } from '../content/corrections';
import { translationNotice } from '../reading/translation';
import { absoluteUrl, articlePermalink } from '../routes/permalinks';
import { machineTimestamp, toInstant } from '../time/dates';
import { site } from '../../site.config';
import { articleFeedHtml, FEED_LENGTH } from './feed';

export interface ArticlesFeed {
  title: string;
  description: string;
  /** The feed's own site path, for its `atom:link rel="self"`. */
  feedPath: string;
  /** Newest first; the feed takes the first `FEED_LENGTH`. */
  articles: readonly Article[];
}

/** The feed's response, ready for an endpoint's `GET`. */
export async function articlesFeed({ title, description, feedPath, articles }: ArticlesFeed): Promise<Response> {
  const newestArticles = articles.slice(0, FEED_LENGTH);
  const newest = newestArticles.reduce<Date | undefined>(
    (latest, article) => (!latest || articleInstant(article) > latest ? articleInstant(article) : latest),
    undefined,
  );
  const items = await Promise.all(
    newestArticles.map(async (article) => {
      const { title, standfirst, section, published, timezone, tags, image, translation, note, editions } =
        article.data;
      const pageUrl = absoluteUrl(articlePermalink(article));
      const content = articleFeedHtml({
        pageUrl,
        standfirst,
        image: image && { ...image, src: (await getImage({ src: image.src })).src },
        notice: translationNotice(translation, editions),
        note,
        bodyHtml: bodyHtml(article),
        corrections: correctionsInOrder(article.data.corrections).map((correction) => ({
          label: correctionLabel(correction.time, timezone),
          text: correction.text,
        })),
      });
      return {
        title,
        link: pageUrl,
        description: standfirst,
        pubDate: toInstant(published, timezone),
        content,
        categories: [site.sections[section].label, ...tags],
        // RSS 2.0 has no update time of its own: Atom's element carries it; a correction counts as an update.
        customData: `<atom:updated>${machineTimestamp(lastChange(article.data), timezone)}</atom:updated>`,
      };
    }),
  );
  return rss({
    title,
    description,
    site: site.url,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: [
      `<language>${site.locale.toLowerCase()}</language>`,
      newest ? `<lastBuildDate>${newest.toUTCString()}</lastBuildDate>` : '',
      `<atom:link href="${absoluteUrl(feedPath)}" rel="self" type="application/rss+xml"/>`,
    ].join(''),
    items,
  });
}
