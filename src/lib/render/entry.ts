/**
 * The pages' code as a module that renders any path: built by every build
 * in Astro's prerender environment, used by that build to render its pages,
 * and kept for rendering them again outside a build (./bundle.ts), with the
 * content sync of a publish (./content-sync.ts), bundled here so that a
 * publish loads the site's modules as plain JavaScript.
 */
import { forgetAuthors } from '../content/authors';
import { forgetSite } from '../content/articles';

export { createApp } from 'astro/app/entrypoint';
export { StaticPaths } from 'astro:static-paths';
export { contentSyncer } from './content-sync';
// The pages of an entry, for a publish to render first those of the entries it changed (scripts/publish-pages.ts).
export { entryPages } from '../routes/entry-pages';

/**
 * Forgets what the pages' modules remember of the content and the clock,
 * so that a process rendering again (a publishing service's) renders what a
 * new build would. Every memo of the site's modules that depends on the
 * content or the time is reset here (`tests/unit/render-memos.test.ts`
 * lists the modules' own state).
 */
export function forgetContent(): void {
  forgetSite();
  forgetAuthors();
}
