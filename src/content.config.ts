import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { contentRoot } from '@/lib/content/root';
import { createContentReport } from '@/lib/content/content-report';
import { markdownCollection } from '@/lib/content/markdown-loader-fs';
import { crossCollectionProblems } from '@/lib/content/cross-collection';
import { articleSchema } from '@/lib/schemas/article';
import { liveBlogSchema } from '@/lib/schemas/live';

// Both collections report to one list, checked across collections once both are loaded.
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

const live = defineCollection({
  loader: markdownCollection({ base: `${contentRoot}/live`, schema: liveBlogSchema(), report }),
  schema: liveBlogSchema(),
});

export const collections = { articles, live };
