import { z } from 'astro/zod';
import { smartPunctuation } from '../markdown/remark-smart-punctuation';
import { isTimeZone } from '../time/dates';
import { sectionSlugs, site } from '../../site.config';

/** Lower-case letters, digits and single hyphens: safe in any URL as it is. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A URL path segment such as a slug or a tag. */
export function slugSchema(what: string) {
  return z.string().regex(SLUG_PATTERN, {
    error: `${what} may hold only lower-case letters, digits and single hyphens, e.g. "russia-ukraine"`,
  });
}

/** One of the sections defined in `src/site.config.ts`. */
export function sectionSchema() {
  return z.enum(sectionSlugs, {
    error: (issue) =>
      `unknown section ${JSON.stringify(issue.input)}: use one of ${sectionSlugs.join(', ')} (defined in src/site.config.ts)`,
  });
}

/** An IANA time zone such as `Asia/Dubai`; defaults to the site's. */
export function timeZoneSchema() {
  return z
    .string()
    .refine(isTimeZone, { error: 'is not an IANA time zone, e.g. Asia/Dubai or Europe/London' })
    .default(site.timeZone);
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/**
 * A BCP 47 language tag such as `en`, `ar` or `pt-BR`, one the site can
 * name ("Arabic"): a tag with a private-use part (`de-x-private`) is valid
 * BCP 47 but names no language a reader would recognise.
 */
export function langSchema() {
  return z.string().refine(
    (tag) => {
      try {
        return Intl.getCanonicalLocales(tag).length === 1 && languageNames.of(tag) !== undefined;
      } catch {
        return false;
      }
    },
    { error: 'is not a BCP 47 language tag the site can name, e.g. en, ar or pt-BR' },
  );
}

/** A site path (`/live/russia-ukraine/`) or an absolute `https:` URL. */
export function siteLinkSchema() {
  return z.string().refine((href) => /^\/(?!\/)\S*$/.test(href) || /^https:\/\/[^\s/]+\S*$/.test(href), {
    error: 'must be a site path starting with "/" or an https: URL',
  });
}

/** Spaces, zero-width and other invisible characters: text made of nothing else looks filled but says nothing. */
const INVISIBLE = /[\s\p{Cf}\p{Z}\u115F\u1160\u3164\uFFA0\u2800]/gu;

/** True when `text` has at least one character a reader can see. */
export function hasVisibleText(text: string): boolean {
  return text.replace(INVISIBLE, '') !== '';
}

/** A non-empty line of text with no surrounding white space. */
export function textSchema(max?: number) {
  const base = z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
    .trim()
    .refine(hasVisibleText, { error: 'must not be empty (it holds only spaces or invisible characters)' });
  return max ? base.max(max, { error: `must be at most ${max} characters` }) : base;
}

/**
 * Text a reader sees beside the body (a headline, a standfirst, a caption,
 * a note): checked as `textSchema`, then given the body's typography
 * (`'warmongering'` becomes ‘warmongering’), so every copy of it, on the
 * page, in a list, on the share card and in the metadata, reads the same.
 */
export function typographicTextSchema(max?: number) {
  return textSchema(max).transform(smartPunctuation);
}
