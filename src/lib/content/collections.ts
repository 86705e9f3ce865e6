/**
 * The site's collections: where each one's files are and how they are read
 * (their loaders), and their schemas given the field that names an image.
 * `src/content.config.ts` hands them to Astro; a publish's own content sync
 * (src/lib/render/content-sync.ts) runs the same loaders with the same
 * schemas.
 */
import { z } from 'astro/zod';
import { contentRoot } from './root';
import { createContentReport } from './content-report';
import { liveBlogFile, liveUpdateFile, updateBodyIdPrefix } from './live-files';
import { markdownCollection } from './markdown-loader-fs';
import { crossCollectionProblems } from './cross-collection-fs';
import { articleSchema } from '../schemas/article';
import { authorSchema } from '../schemas/author';
import { liveBlogSchema, liveUpdateSchema } from '../schemas/live';

/** Each collection's schema, given the schema of a field naming an image (Astro's `image()`). */
export const siteSchemas = {
  articles: <Src extends z.ZodType>(image: Src) => articleSchema(image),
  live: <Src extends z.ZodType>(image: Src) => liveBlogSchema(image),
  liveUpdates: () => liveUpdateSchema(),
  authors: <Src extends z.ZodType>(image: Src) => authorSchema(image),
};

export type CollectionName = keyof typeof siteSchemas;

/** The loaders of one content sync; every call makes a new report for them to share. */
export function siteLoaders() {
  // Every collection reports to one list, checked across collections once all are loaded.
  const report = createContentReport(crossCollectionProblems);
  return {
    articles: markdownCollection({
      base: `${contentRoot}/articles`,
      schema: articleSchema(z.string()),
      requireBody: true,
      report,
    }),
    // A live blog is a folder: the blog in `<slug>/index.md`, each update a file in `<slug>/updates/`.
    live: markdownCollection({
      base: `${contentRoot}/live`,
      schema: liveBlogSchema(z.string()),
      select: liveBlogFile,
      report,
    }),
    liveUpdates: markdownCollection({
      base: `${contentRoot}/live`,
      schema: liveUpdateSchema(),
      select: liveUpdateFile,
      requireBody: true,
      bodyIdPrefix: updateBodyIdPrefix,
      report,
    }),
    // Authors are named by their file name in an article's `authors`; their bio is a field, so a body is refused.
    authors: markdownCollection({
      base: `${contentRoot}/authors`,
      schema: authorSchema(z.string()),
      refuseBody: 'put the bio in `bio:`, a sentence or two of plain text',
      imageField: 'photo',
      report,
    }),
  } satisfies Record<CollectionName, unknown>;
}
