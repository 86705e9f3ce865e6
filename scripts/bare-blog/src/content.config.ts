import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** The corpus's articles, with the fields a starter's post uses; the rest passes through unchecked. */
const blog = defineCollection({
  loader: glob({ base: `${process.env.BROADSIDE_CONTENT}/articles`, pattern: '**/*.md' }),
  schema: z
    .object({
      title: z.string(),
      standfirst: z.string(),
      published: z.coerce.date(),
      updated: z.coerce.date().optional(),
    })
    .passthrough(),
});

export const collections = { blog };
