/**
 * The site's full-content RSS 2.0 feed: the newest articles, each whole
 * (standfirst, lead image, body), links absolute, with their publication and
 * update times.
 */
import type { APIRoute } from 'astro';
import { getArticles } from '@/lib/content/articles';
import { articlesFeed } from '@/lib/metadata/articles-feed';
import { siteFeedPath } from '@/lib/routes/permalinks';
import { site } from '@/site.config';

export const GET: APIRoute = async () =>
  articlesFeed({ title: site.name, description: site.tagline, feedPath: siteFeedPath, articles: await getArticles() });
