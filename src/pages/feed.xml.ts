/**
 * The site's full-content RSS 2.0 feed: the newest articles, each whole
 * (standfirst, lead image, body), links absolute, with their publication and
 * update times.
 */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getImage } from 'astro:assets';
import { articleInstant, getArticles } from '@/lib/content/articles';
import { correctionLabel, correctionsInOrder, lastChange } from '@/lib/content/corrections';
import { machineTimestamp, toInstant } from '@/lib/time/dates';
import { articleFeedHtml, FEED_LENGTH } from '@/lib/metadata/feed';
import { absoluteUrl, articlePermalink, siteFeedPath } from '@/lib/routes/permalinks';
import { translationNotice } from '@/lib/reading/translation';
import { site } from '@/site.config';

export const GET: APIRoute = async () => {
  const articles = (await getArticles()).slice(0, FEED_LENGTH);
  const newest = articles.reduce<Date | undefined>(
    (latest, article) => (!latest || articleInstant(article) > latest ? articleInstant(article) : latest),
    undefined,
  );
  const items = await Promise.all(
    articles.map(async (article) => {
      const { title, standfirst, section, published, timezone, tags, image, translation, note, editions } =
        article.data;
      const pageUrl = absoluteUrl(articlePermalink(article));
      const content = articleFeedHtml({
        pageUrl,
        standfirst,
        image: image && { ...image, src: (await getImage({ src: image.src })).src },
        notice: translationNotice(translation, editions),
        note,
        bodyHtml: article.rendered?.html ?? '',
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
    title: site.name,
    description: site.tagline,
    site: site.url,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: [
      `<language>${site.locale.toLowerCase()}</language>`,
      newest ? `<lastBuildDate>${newest.toUTCString()}</lastBuildDate>` : '',
      `<atom:link href="${absoluteUrl(siteFeedPath)}" rel="self" type="application/rss+xml"/>`,
    ].join(''),
    items,
  });
};
