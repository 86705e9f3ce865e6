import { z } from 'astro/zod';
import { typographicTextSchema } from './common';
import { dateTimeSchema } from './timestamp';

/**
 * One correction of a published article: when it was made and what it
 * says. The text is plain (no Markdown, as a live update's body), given the
 * body's typography; the page shows it at the article's foot as
 * "Correction, May 24, 2022, 10:00 AM GMT+4: ...". Whether it comes after
 * `published` is checked by the article's schema, which knows both.
 */
export function correctionSchema() {
  return z.strictObject({
    /** When the correction was made: a date-time with offset, not before `published`. */
    time: dateTimeSchema(),
    /** What was wrong and what is right, e.g. "An earlier version gave the wrong date of the letter." */
    text: typographicTextSchema(),
  });
}

export type Correction = z.output<ReturnType<typeof correctionSchema>>;
