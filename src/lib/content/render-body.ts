/**
 * Astro's `render()` for entries whose body the loader set aside
 * (`body-fs.ts`): the entry is handed over with its body read back, so the
 * `Content` component, the headings and the plugins' frontmatter are
 * Astro's own, images in the body included, and the body's HTML comes
 * back with them, so a page that also needs the text (a headline taken
 * from it, a summary shown only when there is one) reads the file once.
 * Pages render entries through this and never through `render()` directly
 * (ESLint refuses it), which would show an empty body.
 */
// eslint-disable-next-line no-restricted-imports -- the one place Astro's render() is called.
import { render, type CollectionEntry, type CollectionKey } from 'astro:content';
import { withBody } from './body-fs';

export async function renderBody<C extends CollectionKey>(entry: CollectionEntry<C>) {
  const full = withBody(entry);
  // eslint-disable-next-line no-restricted-syntax -- the body just read back from its file.
  return { ...(await render(full)), html: full.rendered?.html ?? '' };
}
