/** A live update as the site's queries give it to components, for component tests. */
import type { LiveUpdate } from '@/lib/content/articles';
import { parseTimestamp } from '@/lib/time/dates';

type DateTime = Extract<ReturnType<typeof parseTimestamp>, { kind: 'datetime' }>;
const at = (text: string) => parseTimestamp(text) as DateTime;

/** An update of the blog `russia-ukraine` whose Markdown rendered to `html`; `authors` are author slugs (`jane-example`). */
export function liveUpdate(
  id: string,
  html: string,
  fields: { title?: string; time?: string; updated?: string; keyEvent?: boolean; authors?: string[] } = {},
): LiveUpdate {
  const data = {
    time: at(fields.time ?? '2022-05-23T10:05:00+04:00'),
    title: fields.title,
    updated: fields.updated ? at(fields.updated) : undefined,
    authors: fields.authors ?? [],
    keyEvent: fields.keyEvent ?? false,
    pinned: false,
    draft: false,
  };
  const entry = {
    id: `russia-ukraine/${id}`,
    collection: 'liveUpdates',
    data,
    rendered: { html, metadata: { headings: [], frontmatter: {}, imagePaths: [] } },
  } as unknown as LiveUpdate['entry'];
  const credits = data.authors.map((slug) => ({
    name: slug.replace(/-/g, ' ').replace(/\b\w/g, (letter) => letter.toUpperCase()),
    path: `/authors/${slug}/`,
    url: `https://broadside.example/authors/${slug}/`,
  }));
  return { entry, id, blogId: 'russia-ukraine', data, credits };
}
