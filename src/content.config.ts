import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { contentRoot } from '@/lib/content/root';
import { createContentReport } from '@/lib/content/content-report';
import { liveBlogFile, liveUpdateFile, updateBodyIdPrefix } from '@/lib/content/live-files';
import { markdownCollection } from '@/lib/content/markdown-loader-fs';
import { crossCollectionProblems } from '@/lib/content/cross-collection-fs';
import { articleSchema } from '@/lib/schemas/article';
import { authorSchema } from '@/lib/schemas/author';
import { liveBlogSchema, liveUpdateSchema } from '@/lib/schemas/live';

// Every collection reports to one list, checked across collections once all are loaded.
const report = createContentReport(crossCollectionProblems);

const articles = defineCollection({
  loader: markdownCollection({
    base: `${contentRoot}/articles`,
    schema: articleSchema(z.string()),
    requireBody: true,
    report,
  }),
  schema: ({ image }) => articleSchema(image()),
});

// A live blog is a folder: the blog in `<slug>/index.md`, each update a file in `<slug>/updates/`.
const live = defineCollection({
  loader: markdownCollection({
    base: `${contentRoot}/live`,
    schema: liveBlogSchema(z.string()),
    select: liveBlogFile,
    report,
  }),
  schema: ({ image }) => liveBlogSchema(image()),
});

const liveUpdates = defineCollection({
  loader: markdownCollection({
    base: `${contentRoot}/live`,
    schema: liveUpdateSchema(),
    select: liveUpdateFile,
    requireBody: true,
    bodyIdPrefix: updateBodyIdPrefix,
    report,
  }),
  schema: liveUpdateSchema(),
});

// Authors are named by their file name in an article's `authors`; their bio is a field, so a body is refused.
const authors = defineCollection({
  loader: markdownCollection({
    base: `${contentRoot}/authors`,
    schema: authorSchema(z.string()),
    refuseBody: 'put the bio in `bio:`, a sentence or two of plain text',
    imageField: 'photo',
    report,
  }),
  schema: ({ image }) => authorSchema(image()),
});

export const collections = { articles, live, liveUpdates, authors };
