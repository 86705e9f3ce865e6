/**
 * Astro's `render()` for entries whose body the loader set aside
 * (`body-fs.ts`): the entry is handed over with its body read back, so the
 * `Content` component, the headings and the plugins' frontmatter are
 * Astro's own, images in the body included. Pages render entries through
 * this and never through `render()` directly (ESLint refuses it), which
 * would show an empty body.
 */
// eslint-disable-next-line no-restricted-imports -- the one place Astro's render() is called.
import { render, type CollectionEntry, type CollectionKey } from 'astro:content';
import { withBody } from './body-fs';

export const renderBody = <C extends CollectionKey>(entry: CollectionEntry<C>) => render(withBody(entry));
