import { z } from 'astro/zod';
import { textSchema } from './common';
import { imageSchema } from './image';

/**
 * Where a profile link may lead: an `https:` page (a personal site, a
 * social profile) or a `mailto:` address. A plain `http:` page would be
 * downgraded from the site's own `https:`; a site path needs no profile link.
 */
export function profileHrefSchema() {
  return z.string().refine((href) => /^https:\/\/[^\s/]+\S*$/.test(href) || /^mailto:[^\s@]+@[^\s@]+$/.test(href), {
    error: 'must be an https: URL (https://example.com/jane) or an e-mail address as mailto:jane@example.com',
  });
}

/** One link on an author's page, e.g. `{ label: Mastodon, href: https://... }`. */
export function profileLinkSchema() {
  return z.strictObject({
    /** The link's words, e.g. "Website" or "Mastodon". */
    label: textSchema(60),
    /** An https: URL or a mailto: address. */
    href: profileHrefSchema(),
  });
}

/**
 * The frontmatter of one author (`content/authors/<slug>.md`): the slug is
 * the file name, which is what an article's `authors` list names. The bio
 * is a field, not the Markdown body, so it reads the same on the page, in
 * the author's `Person` structured data and in their feed; the loader
 * refuses a body (src/content.config.ts). Unknown keys are refused.
 *
 * @param imageSrc checks `photo.src`: Astro's `image()` helper in the content config.
 */
export function authorSchema<Src extends z.ZodType>(imageSrc: Src) {
  return z.strictObject({
    /** The name as bylines print it, e.g. "Jane Doe". */
    name: textSchema(100),
    /** What they do at the paper, e.g. "Diplomatic correspondent". */
    role: textSchema(100),
    /** A sentence or two about them, in plain text. */
    bio: textSchema(400),
    /** A portrait, with the same rules as an article's lead image (`alt` required). */
    photo: imageSchema(imageSrc).optional(),
    /** Their own pages and addresses, in the order the page lists them. */
    links: z.array(profileLinkSchema()).default([]),
  });
}
