import { z } from 'astro/zod';
import { parseTimestamp, type Timestamp } from '../time/dates';

const EXAMPLES = 'e.g. 2022-05-23 or 2022-05-23T15:25:00+04:00';

/** A year before this is a slip of the keyboard (`0202`), not a news story's date. */
const EARLIEST_YEAR = 1900;

/**
 * An ISO 8601 date (`2022-05-23`, time unknown) or a date-time with an
 * offset. The content loader hands these over as the text the editor wrote,
 * so a date alone stays a date.
 */
export function timestampSchema() {
  return z
    .string({
      error: (issue) =>
        `${issue.input === undefined ? 'is required' : 'must be text'}: an ISO 8601 date or date-time with offset, ${EXAMPLES}`,
    })
    .transform((raw, ctx): Timestamp => {
      const parsed = parseTimestamp(raw);
      if (!parsed) {
        ctx.addIssue({
          code: 'custom',
          message: `"${raw}" is not an ISO 8601 date or date-time with offset (${EXAMPLES})`,
        });
        return z.NEVER;
      }
      const year = raw.trim().slice(0, 4);
      if (Number(year) < EARLIEST_YEAR) {
        ctx.addIssue({
          code: 'custom',
          message: `"${raw}": the year ${year} looks mistyped (dates start in ${EARLIEST_YEAR})`,
        });
        return z.NEVER;
      }
      return parsed;
    });
}

/** A date-time with an offset; a date alone is refused (an update always has a time). */
export function dateTimeSchema() {
  return timestampSchema().refine((value) => value.kind === 'datetime', {
    error: 'needs a time and an offset, e.g. 2022-05-23T15:25:00+04:00',
  }) as unknown as z.ZodType<Extract<Timestamp, { kind: 'datetime' }>, string>;
}
