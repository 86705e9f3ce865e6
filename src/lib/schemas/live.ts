import { z } from 'astro/zod';
import { langSchema, sectionSchema, slugSchema, textSchema, timeZoneSchema, typographicTextSchema } from './common';
import { imageSchema } from './image';
import { site } from '../../site.config';
import { dateTimeSchema } from './timestamp';

/**
 * The frontmatter of a live blog (`content/live/<slug>/index.md`); its body
 * is the summary shown at the top ("key points"), and its updates are files
 * of their own (`liveUpdateSchema`).
 *
 * @param imageSrc checks `image.src`: Astro's `image()` helper in the content config.
 */
export function liveBlogSchema<Src extends z.ZodType>(imageSrc: Src) {
  return z
    .strictObject({
      /** The blog's headline. */
      title: typographicTextSchema(200),
      /** One sentence on what it follows. */
      standfirst: typographicTextSchema(),
      /** Slug of a section defined in the site config. */
      section: sectionSchema(),
      /** When coverage began. */
      coverageStart: dateTimeSchema(),
      /** When coverage closed; absent while the blog is live. */
      coverageEnd: dateTimeSchema().optional(),
      /** IANA zone its times are shown in. */
      timezone: timeZoneSchema(),
      /** Language (BCP 47). */
      lang: langSchema().default(site.lang),
      /** Topic slugs. */
      tags: z.array(slugSchema('a tag')).default([]),
      /** The lead image, for the page and its share card. */
      image: imageSchema(imageSrc).optional(),
      /** Drafts are never built, and neither are their updates. */
      draft: z.boolean().default(false),
    })
    .superRefine((blog, ctx) => {
      if (blog.coverageEnd && blog.coverageEnd.instant < blog.coverageStart.instant) {
        ctx.addIssue({ code: 'custom', path: ['coverageEnd'], message: 'is before `coverageStart`' });
      }
    });
}

/**
 * One update of a live blog (`content/live/<slug>/updates/<name>.md`), a
 * file of its own so that several journalists can post at once. Its body is
 * Markdown, through the same pipeline and rules as an article's.
 */
export function liveUpdateSchema() {
  return z
    .strictObject({
      /** When it was posted, with offset. */
      time: dateTimeSchema(),
      /** Its anchor is `#update-<id>`; defaults to the file name. Never change it once published. */
      id: slugSchema('an update id').optional(),
      /** A short headline; many updates have none. */
      title: typographicTextSchema(200).optional(),
      /** Who wrote it: author file names (`jane-doe` for content/authors/jane-doe.md), as an article's. */
      authors: z.array(textSchema()).default([]),
      /** A turning point of the story: listed in the key events. */
      keyEvent: z.boolean().default(false),
      /** Shown first, above the summary; at most one update of a blog. */
      pinned: z.boolean().default(false),
      /** When the update was corrected, with offset; not before `time`. */
      updated: dateTimeSchema().optional(),
      /** A draft is checked, with warnings only, and never built. */
      draft: z.boolean().default(false),
    })
    .superRefine((update, ctx) => {
      if (update.updated && update.updated.instant < update.time.instant) {
        ctx.addIssue({
          code: 'custom',
          path: ['updated'],
          message: 'is before `time`: it says when the update was corrected',
        });
      }
    });
}

export type LiveBlogData = z.output<ReturnType<typeof liveBlogSchema>>;
export type LiveUpdateData = z.output<ReturnType<typeof liveUpdateSchema>>;
