/**
 * The JSON a live blog's first page polls: the build writes it beside the
 * page (`/live/<slug>/updates.json`) and LiveBlogUpdates reads it, checked
 * against `LiveFeed` (`src/lib/live/live-feed.ts`), the one statement of
 * its shape.
 */
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { SKIP, visit } from 'unist-util-visit';
import { latestNewsTime, updateChange } from '../content/live-changes';
import type { LiveFeed } from '../live/live-feed';
import { liveUpdatePermalink } from '../routes/permalinks';
import { displayTimestamp, machineTimestamp, type Timestamp } from '../time/dates';
import { LIVE_PAGE_SIZE } from '../routes/pagination';

/** The JSON's shape: the contract the browser checks (`src/lib/live/live-feed.ts`). */
export type LiveBlogJson = LiveFeed;

type DateTime = Extract<Timestamp, { kind: 'datetime' }>;

export interface LiveBlogJsonInput {
  blog: {
    id: string;
    data: { timezone: string; coverageStart: DateTime };
    /** Every published update, newest first. */
    updates: readonly { id: string; data: { time: DateTime; updated?: DateTime | undefined } }[];
  };
  live: boolean;
  statusHtml: string;
  keyEventsHtml: string;
  /** The newest `LIVE_PAGE_SIZE` updates, rendered. */
  updates: { id: string; modified: Date; html: string }[];
}

/**
 * Rendered HTML as the page already has it, without `<script>` and
 * `<style>`: a component rendered alone carries its own script tags, which
 * the page loaded once already (and which a page's CSP would refuse inline).
 */
export function withoutScripts(html: string): string {
  const tree = fromHtml(html, { fragment: true });
  visit(tree, 'element', (node, index, parent) => {
    if ((node.tagName !== 'script' && node.tagName !== 'style') || !parent || index === undefined) return undefined;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
  return toHtml(tree).trim();
}

/** When the blog last had news (`latestNewsTime`), as the article's live line and the JSON show it. */
export function latestNews(blog: LiveBlogJsonInput['blog']): LiveBlogJson['latest'] {
  const time = latestNewsTime(blog);
  const zone = blog.data.timezone;
  return { datetime: machineTimestamp(time, zone), text: displayTimestamp(time, zone).text };
}

/** The blog's JSON, from its rendered pieces. */
export function liveBlogJson({ blog, live, statusHtml, keyEventsHtml, updates }: LiveBlogJsonInput): LiveBlogJson {
  return {
    live,
    statusHtml: withoutScripts(statusHtml),
    keyEventsHtml: withoutScripts(keyEventsHtml),
    latest: latestNews(blog),
    updates: updates.map(({ id, modified, html }) => ({
      id,
      modified: modified.toISOString(),
      html: withoutScripts(html),
    })),
    older: blog.updates.slice(LIVE_PAGE_SIZE).map((update) => ({
      id: update.id,
      modified: updateChange(update).instant.toISOString(),
      url: liveUpdatePermalink(blog.id, update.id),
    })),
  };
}
