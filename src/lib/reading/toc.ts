/**
 * The table of contents of an article: its h2 sections (with their h3
 * subsections), built from the headings Astro's `render()` returns.
 */
import type { MarkdownHeading } from 'astro';

/** Fewer sections than this and a contents list is more furniture than help. */
export const MIN_SECTIONS = 3;

export interface TocEntry {
  /** The heading's id, the fragment the entry links to. */
  slug: string;
  text: string;
  children: TocEntry[];
}

/** Heading text as a reader sees it: the appended "#" of the heading's self-link removed. */
function headingText(text: string): string {
  return text.replace(/\s*#$/, '').trim();
}

/**
 * The entries of the contents list, or none when the article has fewer than
 * `MIN_SECTIONS` h2 sections. h3s nest under the h2 before them; an h3
 * before any h2, and deeper headings, stay out of the list.
 */
export function buildToc(headings: readonly MarkdownHeading[], minSections = MIN_SECTIONS): TocEntry[] {
  const entries: TocEntry[] = [];
  for (const heading of headings) {
    const entry = { slug: heading.slug, text: headingText(heading.text), children: [] };
    if (heading.depth === 2) entries.push(entry);
    else if (heading.depth === 3) entries.at(-1)?.children.push(entry);
  }
  return entries.length >= minSections ? entries : [];
}
