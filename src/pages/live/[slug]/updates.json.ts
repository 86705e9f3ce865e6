/**
 * What a live blog's first page polls for (`/live/<slug>/updates.json`):
 * whether coverage is live, the status line and key events, the newest
 * updates as the same HTML the page has (rendered by the same components,
 * so the page's CSP holds: no inline script or style), and the id and last
 * change of every older update, with its own page. See LiveBlogUpdates.
 */
import type { APIRoute } from 'astro';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import KeyEvents from '@/components/KeyEvents.astro';
import LiveStatus from '@/components/LiveStatus.astro';
import LiveUpdateEntry from '@/components/LiveUpdateEntry.astro';
import { getLiveBlogs, isLive, updateModified, type LiveBlog } from '@/lib/content/articles';
import { liveBlogJson } from '@/lib/metadata/live-json';
import { LIVE_PAGE_SIZE } from '@/lib/routes/pagination';

export async function getStaticPaths() {
  return (await getLiveBlogs()).map((blog) => ({ params: { slug: blog.id }, props: { blog } }));
}

export const GET: APIRoute<{ blog: LiveBlog }> = async ({ props: { blog } }) => {
  const container = await AstroContainer.create();
  const timeZone = blog.data.timezone;
  const shown = blog.updates.slice(0, LIVE_PAGE_SIZE);
  const json = liveBlogJson({
    blog,
    live: isLive(blog),
    statusHtml: await container.renderToString(LiveStatus, { props: { live: isLive(blog) } }),
    keyEventsHtml: await container.renderToString(KeyEvents, {
      props: {
        events: blog.updates.filter((update) => update.data.keyEvent),
        onPage: new Set(shown.map((update) => update.id)),
        timeZone,
      },
    }),
    updates: await Promise.all(
      shown.map(async (update) => ({
        id: update.id,
        modified: updateModified(update),
        html: await container.renderToString(LiveUpdateEntry, { props: { update, timeZone } }),
      })),
    ),
  });
  return new Response(JSON.stringify(json), { headers: { 'Content-Type': 'application/json' } });
};
