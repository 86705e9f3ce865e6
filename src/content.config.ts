import { defineCollection } from 'astro:content';
import { contentRoot } from './lib/content-root';
import { markdownCollection } from './lib/content-loader-fs';
import { articleSchema } from './lib/schemas/article';
import { liveBlogSchema } from './lib/schemas/live';

const articles = defineCollection({
  loader: markdownCollection(`${contentRoot}/articles`, { requireBody: true }),
  schema: ({ image }) => articleSchema(image()),
});

const live = defineCollection({
  loader: markdownCollection(`${contentRoot}/live`),
  schema: liveBlogSchema(),
});

export const collections = { articles, live };
