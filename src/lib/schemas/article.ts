import { z } from 'astro/zod';
import { calendarDay, isTimeZone, toInstant, type Timestamp } from '../time/dates';
import {
  langSchema,
  sectionSchema,
  siteLinkSchema,
  slugSchema,
  textSchema,
  timeZoneSchema,
  typographicTextSchema,
} from './common';
import { correctionSchema } from './correction';
import { editionsSchema } from './editions';
import { sameLanguage } from '../content/editions';
import { imageSchema } from './image';
import { prioritySchema } from './priority';
import { site } from '../../site.config';
import { dateTimeSchema, timestampSchema } from './timestamp';

/**
 * The fields of an article's frontmatter around its image, in order. Astro
 * calls the content config's schema function once for each file (its image
 * helper is bound to the file), so these are built once and shared: building
 * them afresh for each file cost more than checking the frontmatter with
 * them (docs/benchmarks.md, "Measurements behind code").
 */
function articleFields() {
  const before = {
    /** The headline, 1-200 characters, given the body's typography. */
    title: typographicTextSchema(200),
    /** The one-sentence summary under the headline, given the body's typography. */
    standfirst: typographicTextSchema(),
    /** Slug of a section defined in the site config, e.g. `world`. */
    section: sectionSchema(),
    /** First publication: a date alone when the time is unknown. */
    published: timestampSchema(),
    /** Last substantive update, with time and offset; not before `published`. */
    updated: dateTimeSchema().optional(),
    /** Corrections, in any order (the page sorts them), each not before `published`. */
    corrections: z.array(correctionSchema()).default([]),
    /** IANA zone the article's times are shown in. */
    timezone: timeZoneSchema(),
    /**
     * Named writers, in byline order: each the slug of a file in
     * `content/authors/` (`jane-doe` for `jane-doe.md`), checked against
     * those files once every collection is loaded (src/lib/content/author-rules.ts).
     */
    authors: z.array(textSchema()).default([]),
    /** News agencies credited, e.g. `[AFP]`. */
    agencies: z.array(textSchema()).default([]),
    /** Topic slugs, each with its own page. */
    tags: z.array(slugSchema('a tag')).default([]),
  };
  const after = {
    /** An editor's note shown above the body, in plain text, e.g. on how the story was reported. */
    note: typographicTextSchema().optional(),
    /** A link to the live blog that carries the story on. */
    liveUpdates: z
      .strictObject({
        /** The link's words, e.g. "follow the latest news on Russia-Ukraine". */
        label: textSchema(),
        /** A live blog's path on this site or an https: URL. */
        href: siteLinkSchema(),
      })
      .optional(),
    /** Whether the text was machine-translated, and from which language. */
    translation: z
      .strictObject({
        automated: z.boolean(),
        from: langSchema().optional(),
      })
      .optional(),
    /** Language of the article (BCP 47); right-to-left scripts render mirrored. */
    lang: langSchema().default(site.lang),
    /** The same article in other languages: `{ ar: <its permalink> }`, each naming this one back. */
    editions: editionsSchema().default({}),
    /** The last part of the permalink; defaults to the file name. Never derived from the title. */
    slug: slugSchema('slug').optional(),
    /** Old paths that must keep leading here. */
    // Each path is checked with the site's own pages in view, by the rules across entries (src/lib/content/rules.ts).
    redirectFrom: z.array(z.string()).default([]),
    /** Where the front page puts the story while it is fresh: `lead`, `top` or `normal` (the default). */
    priority: prioritySchema(),
    /** A draft is checked, with warnings only, and never built. */
    draft: z.boolean().default(false),
  };
  return { before, after };
}

let fields: ReturnType<typeof articleFields> | undefined;

/**
 * The frontmatter of one article (`content/articles/<yyyy>/<slug>.md`).
 * Unknown keys are refused, so a misspelt field is never silently ignored.
 *
 * @param imageSrc checks `image.src`: Astro's `image()` helper in the content config.
 */
export function articleSchema<Src extends z.ZodType>(imageSrc: Src) {
  fields ??= articleFields();
  return z
    .strictObject({
      ...fields.before,
      /** The lead image. */
      image: imageSchema(imageSrc).optional(),
      ...fields.after,
    })
    .superRefine((article, ctx) => {
      const { published, updated, timezone } = article;
      // A draft may be dated ahead: it is kept out of the build until it is published.
      if (!article.draft && isTimeZone(timezone)) {
        const latest = Date.now() + site.maxFutureHours * 3_600_000;
        if (toInstant(published, timezone).getTime() > latest) {
          ctx.addIssue({
            code: 'custom',
            path: ['published'],
            message: `is more than ${site.maxFutureHours} hours in the future: check the date, or keep the article as a draft until then`,
          });
        }
      }
      const editions = Object.keys(article.editions);
      const own = editions.find((tag) => sameLanguage(tag, article.lang));
      if (own) {
        ctx.addIssue({
          code: 'custom',
          path: ['editions', own],
          message: `is the article's own language (\`lang: ${article.lang}\`): list only editions in other languages`,
        });
      }
      // A bad zone is reported by its own field; there is nothing to compare then.
      if (!isTimeZone(timezone)) return;
      const beforePublished = (time: Extract<Timestamp, { kind: 'datetime' }>) =>
        published.kind === 'date'
          ? Object.values(calendarDay(time, timezone)).join('-') < published.date
          : time.instant < toInstant(published, timezone);
      if (updated && beforePublished(updated)) {
        ctx.addIssue({
          code: 'custom',
          path: ['updated'],
          message: 'is before `published`: an article cannot be updated before it is published',
        });
      }
      article.corrections.forEach((correction, index) => {
        if (beforePublished(correction.time)) {
          ctx.addIssue({
            code: 'custom',
            path: ['corrections', index, 'time'],
            message: 'is before `published`: a correction comes after the article it corrects; check the date',
          });
        }
      });
    });
}
