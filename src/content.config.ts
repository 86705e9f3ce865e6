import { defineCollection } from 'astro:content';
import { siteLoaders, siteSchemas } from '@/lib/content/collections';

const loaders = siteLoaders();

export const collections = {
  articles: defineCollection({ loader: loaders.articles, schema: ({ image }) => siteSchemas.articles(image()) }),
  live: defineCollection({ loader: loaders.live, schema: ({ image }) => siteSchemas.live(image()) }),
  liveUpdates: defineCollection({ loader: loaders.liveUpdates, schema: siteSchemas.liveUpdates() }),
  authors: defineCollection({ loader: loaders.authors, schema: ({ image }) => siteSchemas.authors(image()) }),
};
