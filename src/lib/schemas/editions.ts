import { z } from 'astro/zod';
import { langSchema } from './common';

/** An article's permalink on this site: folders only, starting and ending with "/". */
const PERMALINK = /^\/(?:[a-z0-9-]+\/)+$/;

/**
 * The same article in other languages: `{ ar: /world/2023/11/06/slug/ }`,
 * each key a language tag, each value that edition's permalink. Whether the
 * path is an article in that language that names this one back is checked
 * across articles (`src/lib/content/rules.ts`); an edition in the article's
 * own language is refused by the article's schema, which knows its `lang`.
 */
export function editionsSchema() {
  const lang = langSchema();
  return z
    .record(
      z.string(),
      z.string().regex(PERMALINK, {
        error: (issue) =>
          `${JSON.stringify(issue.input)} is not an article's permalink on this site: write its path, e.g. /world/2023/11/06/slug/ (starting and ending with "/", no domain)`,
      }),
    )
    .superRefine((editions, ctx) => {
      for (const tag of Object.keys(editions)) {
        if (!lang.safeParse(tag).success) {
          ctx.addIssue({
            code: 'custom',
            path: [tag],
            message: `"${tag}" is not a BCP 47 language tag the site can name: write the edition's language, e.g. ar, fr or pt-BR`,
          });
        }
      }
    });
}
