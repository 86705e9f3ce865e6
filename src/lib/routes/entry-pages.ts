/**
 * The pages whose searchable text is an entry's, by its collection: an
 * article's page; a live blog's first page; a live update's own page and
 * its blog's first page, which shows it. A publish renders these first
 * when it changed the entry, for Pagefind to index their part while the
 * rest renders (scripts/publish-pages.ts); a page of the change missed
 * here only costs that head start.
 */
import type { CollectionName } from '../content/collections';
import { blogOfUpdate, updateAnchorId } from '../content/live-files';
import { articlePermalink, liveBlogPermalink, liveUpdatePermalink, type PermalinkSource } from './permalinks';

/** An entry as the content store holds it; a draft has no page. */
export interface StoredPageSource {
  id: string;
  data?: { draft?: boolean | undefined; id?: unknown; [field: string]: unknown };
}

export function entryPages(collection: CollectionName, entry: StoredPageSource): string[] {
  if (!entry.data || entry.data.draft) return [];
  switch (collection) {
    case 'articles':
      return [articlePermalink(entry as unknown as PermalinkSource)];
    case 'live':
      return [liveBlogPermalink(entry.id)];
    case 'liveUpdates': {
      const blog = blogOfUpdate(entry.id);
      return [liveUpdatePermalink(blog, updateAnchorId({ id: entry.id, data: entry.data })), liveBlogPermalink(blog)];
    }
    case 'authors':
      return [];
  }
}
