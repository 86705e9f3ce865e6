/**
 * One live blog's RSS 2.0 feed: one item per update, newest first, each
 * whole (its Markdown body as the page renders it, links absolute), linking
 * to the update's own page; a corrected update carries its new time in
 * `atom:updated`, so feed readers show it again.
 */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { getLiveBlogs, liveBlogInstant, type LiveBlog } from '@/lib/content/articles';
import { renderBody } from '@/lib/content/render-body';
import { feedHtml, FEED_LENGTH } from '@/lib/metadata/feed';
import { updateHeadline } from '@/lib/reading/update-text';
import { absoluteUrl, liveBlogFeedPath, liveBlogPermalink, liveUpdatePermalink } from '@/lib/routes/permalinks';
import { machineTimestamp } from '@/lib/time/dates';
import { site } from '@/site.config';

export async function getStaticPaths() {
  const blogs = await getLiveBlogs();
  return blogs.map((blog) => ({ params: { slug: blog.id }, props: { blog } }));
}

export const GET: APIRoute<{ blog: LiveBlog }> = async ({ props: { blog } }) => {
  const { title, standfirst, timezone } = blog.data;
  const container = await AstroContainer.create();
  const items = await Promise.all(
    blog.updates.slice(0, FEED_LENGTH).map(async (update) => {
      const pageUrl = absoluteUrl(liveUpdatePermalink(blog.id, update.id));
      const { Content, html } = await renderBody(update.entry);
      return {
        title: updateHeadline(update.data.title, html),
        link: pageUrl,
        pubDate: update.data.time.instant,
        content: feedHtml(await container.renderToString(Content), pageUrl),
        customData: `<atom:updated>${machineTimestamp(update.data.updated ?? update.data.time, timezone)}</atom:updated>`,
      };
    }),
  );
  return rss({
    title: `${title} | ${site.name}`,
    description: standfirst,
    site: absoluteUrl(liveBlogPermalink(blog.id)),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: [
      `<language>${site.locale.toLowerCase()}</language>`,
      `<lastBuildDate>${liveBlogInstant(blog).toUTCString()}</lastBuildDate>`,
      `<atom:link href="${absoluteUrl(liveBlogFeedPath(blog.id))}" rel="self" type="application/rss+xml"/>`,
    ].join(''),
    items,
  });
};
