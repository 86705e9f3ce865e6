import { z } from 'astro/zod';

/**
 * How far up the front page an editor puts a story: `lead` (the lead story,
 * largest headline and image), `top` (first among the stories under it) or
 * `normal` (where its publication time puts it). A promotion lapses on its
 * own once the news moves on: see `isPromoted` in src/lib/routes/front-page.ts.
 */
export const PRIORITIES = ['lead', 'top', 'normal'] as const;

export type Priority = (typeof PRIORITIES)[number];

/** An article's `priority`, `normal` when not given. */
export function prioritySchema() {
  return z
    .enum(PRIORITIES, {
      error: (issue) =>
        `unknown priority ${JSON.stringify(issue.input)}: use lead (the front page's lead story), top (among the stories under it) or normal`,
    })
    .default('normal');
}
