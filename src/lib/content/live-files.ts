/**
 * Which files under `content/live/` are live blogs and which are their
 * updates. A blog is a folder: `<slug>/index.md`, the blog itself, and
 * `<slug>/updates/<name>.md`, one file per update, so that several
 * journalists can post to one blog at once without touching the same file.
 */
import type { EntryChoice, EntryFile } from './markdown-loader-fs';

const BLOG = /^([^/]+)\/index\.md$/;
const UPDATE = /^([^/]+)\/updates\/([^/]+)\.md$/;

const LAYOUT =
  'is not part of a live blog: a blog is a folder, content/live/<slug>/index.md, with one file per update in content/live/<slug>/updates/<name>.md';

/** The blog of `content/live/<slug>/index.md`, its id the folder's name; any stray Markdown file is refused here. */
export function liveBlogFile(entry: string): EntryChoice {
  const blog = BLOG.exec(entry);
  if (blog?.[1]) return { id: blog[1], urlName: blog[1], urlNameOf: 'folder' };
  if (UPDATE.test(entry)) return { elsewhere: true };
  return { problem: LAYOUT };
}

/** An update, `content/live/<slug>/updates/<name>.md`: its id `<slug>/<name>`, its anchor the name unless `id:` is set. */
export function liveUpdateFile(entry: string): EntryChoice {
  const update = UPDATE.exec(entry);
  if (!update?.[1] || !update[2]) return { elsewhere: true };
  return { id: `${update[1]}/${update[2]}`, urlName: update[2], urlNameOf: 'file', urlField: 'id' };
}

/** The blog an update belongs to, from its entry id. */
export function blogOfUpdate(entryId: string): string {
  return entryId.slice(0, entryId.indexOf('/'));
}

/**
 * An update's anchor id, from its entry id (`<blog>/<file name>`) and its
 * frontmatter: its `id:` when set, else its file name. The loader (before
 * the schema has run, so `id` may be anything) and the pages both ask here.
 */
export function updateAnchorId(update: { id: string; data: { id?: unknown } }): string {
  return typeof update.data.id === 'string' ? update.data.id : update.id.slice(update.id.indexOf('/') + 1);
}

/**
 * The prefix of every id in an update's body: several updates share a page,
 * and two that each have a "Background" heading or a footnote must not give
 * the page one id twice. `--` never occurs in an update id (a slug), so no
 * prefix is another update's anchor.
 */
export function updateBodyIdPrefix(entry: EntryFile, data: { id?: unknown }): string {
  return `update-${updateAnchorId({ id: entry.id, data })}--`;
}
