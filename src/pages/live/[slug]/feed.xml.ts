/**
 * One live blog's RSS 2.0 feed: one item per update, newest first, each
 * linking to the update's own anchor.
 */
import { newestFirst } from '@/lib/content/live-blog';
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getLiveBlogs, liveBlogInstant, type LiveBlog } from '@/lib/content/articles';
import { liveUpdateFeedHtml } from '@/lib/metadata/feed';
import { absoluteUrl, liveBlogFeedPath, liveBlogPermalink, liveUpdateAnchor } from '@/lib/routes/permalinks';
import { site } from '@/site.config';

export async function getStaticPaths() {
  const blogs = await getLiveBlogs();
  return blogs.map((blog) => ({ params: { slug: blog.id }, props: { blog } }));
}

export const GET: APIRoute<{ blog: LiveBlog }> = ({ props: { blog } }) => {
  const { title, standfirst, updates } = blog.data;
  const pageUrl = absoluteUrl(liveBlogPermalink(blog.id));
  const updatesNewestFirst = newestFirst(updates);
  return rss({
    title: `${title} | ${site.name}`,
    description: standfirst,
    site: pageUrl,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: [
      `<language>${site.locale.toLowerCase()}</language>`,
      `<lastBuildDate>${liveBlogInstant(blog).toUTCString()}</lastBuildDate>`,
      `<atom:link href="${absoluteUrl(liveBlogFeedPath(blog.id))}" rel="self" type="application/rss+xml"/>`,
    ].join(''),
    items: updatesNewestFirst.map((update) => ({
      title: update.title,
      link: `${pageUrl}#${liveUpdateAnchor(update.id)}`,
      pubDate: update.time.instant,
      description: liveUpdateFeedHtml(update.body, update.link, pageUrl),
    })),
  });
};
