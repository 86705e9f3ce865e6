import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { isPageId, pageIdPrefixes } from './page-ids';

const HEADING = /^h[1-6]$/;

/** The "Footnotes" heading remark-rehype puts in the footnotes section: its id is referred to and stays. */
function isFootnotesLabel(parent: unknown): boolean {
  const section = parent as Element | undefined;
  return section?.type === 'element' && section.tagName === 'section' && 'dataFootnotes' in section.properties;
}

/**
 * Makes every heading id in the body unique on the whole page. rehype-slug
 * (which runs just before) keeps headings apart from each other, but not
 * from the ids around them: `## Main` became `id="main"`, the layout's
 * `<main>` that the skip link leads to, so that link took readers to the
 * heading, or nowhere useful.
 *
 * ```markdown
 * ## Main
 * ```
 *
 * ```html
 * <h2 id="main-1">Main</h2>
 * ```
 *
 * A heading whose id is one of the page's (`pageIds`) or of another element
 * of the body (a footnote, say) gets the first free `-1`, `-2`, ... suffix,
 * one no other heading has either. An id in one of the page's families
 * (`update-...`, the live updates' anchors) is moved out of it, to
 * `heading-update-...`: no suffix would do that. The page's ids and the body's
 * other elements are never touched, and Astro's list of headings (the table
 * of contents) takes the new ids, as it runs after this.
 */
export const rehypeUniqueHeadingIds: Plugin<[], Root> = () => (tree) => {
  const headings: Element[] = [];
  const otherIds = new Set<string>();
  visit(tree, 'element', (element, _index, parent) => {
    const id = element.properties.id;
    if (HEADING.test(element.tagName) && typeof id === 'string' && !isFootnotesLabel(parent)) {
      headings.push(element);
    } else if (typeof id === 'string') {
      otherIds.add(id);
    }
  });
  // Every id is given once: the others, the headings kept as they are, the new ones.
  const given = new Set([...otherIds, ...headings.map((heading) => String(heading.properties.id))]);
  const free = (id: string) => !isPageId(id) && !given.has(id);
  for (const heading of headings) {
    const id = String(heading.properties.id);
    if (!isPageId(id) && !otherIds.has(id)) continue;
    const base = pageIdPrefixes.some((prefix) => id.startsWith(prefix)) ? `heading-${id}` : id;
    let unique = base;
    for (let suffix = 1; !free(unique); suffix++) unique = `${base}-${suffix}`;
    heading.properties.id = unique;
    given.add(unique);
  }
};
