import { join } from 'node:path';

/**
 * Where the Markdown lives. `BROADSIDE_CONTENT` points a build at another
 * folder (a benchmark corpus, a test's broken articles); by default it is
 * the project's own `content/`.
 */
export const contentRoot: string = process.env.BROADSIDE_CONTENT ?? './content';

/**
 * Where a build of another content folder keeps its caches: beside that
 * content, so a benchmark's cold build really starts cold and never fills
 * or reads the site's own caches. `undefined` for the site's own content,
 * whose caches stay in their default places under `node_modules/`.
 */
export const otherContentCacheDir: string | undefined = process.env.BROADSIDE_CONTENT
  ? join(process.env.BROADSIDE_CONTENT, '.astro-cache')
  : undefined;

/**
 * Where the build's own caches (share cards, search index parts) are kept
 * between builds: beside another content folder's Astro cache, or under the
 * project's `node_modules/.cache/`.
 */
export const buildCacheRoot = (project: string = process.cwd()): string =>
  otherContentCacheDir ?? join(project, 'node_modules/.cache');

/** Astro's cache folder (its `cacheDir`), which holds the content store: Astro's default, or beside another content folder. */
export const astroCacheDir = (project: string = process.cwd()): string =>
  otherContentCacheDir ?? join(project, 'node_modules/.astro');
