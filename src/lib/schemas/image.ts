import { z } from 'astro/zod';
import { hasVisibleText, textSchema, typographicTextSchema } from './common';

/**
 * An article's lead image. `src` is checked by whatever the caller passes:
 * Astro's `image()` helper in the content config, which also measures it.
 */
export function imageSchema<Src extends z.ZodType>(src: Src) {
  return z.strictObject({
    /** Path to the file, relative to the article. */
    src,
    /** What the image shows, for people who cannot see it; `""` only for a decorative image. */
    alt: z
      .string({ error: 'is required: say what the image shows, or "" if it is purely decorative' })
      .refine((alt) => alt === '' || hasVisibleText(alt), {
        error: 'holds only spaces or invisible characters: say what the image shows, or "" if it is purely decorative',
      }),
    /** The caption printed under the image, given the body's typography. */
    caption: typographicTextSchema().optional(),
    /** Who made or supplied it, e.g. "AFP". */
    credit: textSchema().optional(),
  });
}
