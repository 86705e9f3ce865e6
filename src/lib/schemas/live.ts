import { z } from 'astro/zod';
import { langSchema, sectionSchema, siteLinkSchema, slugSchema, textSchema, timeZoneSchema } from './common';
import { site } from '../../site.config';
import { dateTimeSchema } from './timestamp';

/** One timestamped entry of a live blog. */
export function liveUpdateSchema() {
  return z.strictObject({
    /** Stable id: the update's anchor is `#update-<id>`. Never change it once published. */
    id: slugSchema('an update id'),
    /** When it was posted, with offset. */
    time: dateTimeSchema(),
    /** A short headline for the update. */
    title: textSchema(200),
    /** The update's text; blank lines separate paragraphs. Plain text, never HTML. */
    body: textSchema(),
    /** Where to read more, e.g. the full article. */
    link: z.strictObject({ label: textSchema(), href: siteLinkSchema() }).optional(),
  });
}

/** The frontmatter of a live blog (`content/live/<slug>.md`). */
export function liveBlogSchema() {
  return z
    .strictObject({
      /** The blog's headline. */
      title: textSchema(200),
      /** One sentence on what it follows. */
      standfirst: textSchema(),
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
      /** The updates, in any order; pages show them newest first. */
      updates: z.array(liveUpdateSchema()).min(1, { error: 'needs at least one update' }),
      /** Drafts are never built. */
      draft: z.boolean().default(false),
    })
    .superRefine((blog, ctx) => {
      const seen = new Map<string, number>();
      blog.updates.forEach((update, index) => {
        const first = seen.get(update.id);
        if (first !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['updates', index, 'id'],
            message: `"${update.id}" is already the id of update ${first + 1}: each update needs its own id`,
          });
        } else seen.set(update.id, index);
        if (update.time.instant < blog.coverageStart.instant) {
          ctx.addIssue({ code: 'custom', path: ['updates', index, 'time'], message: 'is before `coverageStart`' });
        }
      });
      if (blog.coverageEnd && blog.coverageEnd.instant < blog.coverageStart.instant) {
        ctx.addIssue({ code: 'custom', path: ['coverageEnd'], message: 'is before `coverageStart`' });
      }
    });
}

export type LiveBlogData = z.output<ReturnType<typeof liveBlogSchema>>;
export type LiveUpdate = LiveBlogData['updates'][number];
