import type { Element, Properties, Root } from 'hast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';

/** Attributes that refer to ids: each holds one id or a list of them. */
const ID_REFERENCES = ['ariaDescribedBy', 'ariaLabelledBy', 'ariaControls', 'ariaOwns', 'htmlFor'] as const;

function prefixed(properties: Properties, name: string, prefix: string, ids: Set<string>): void {
  const value = properties[name];
  if (typeof value === 'string' && ids.has(value)) properties[name] = `${prefix}${value}`;
  else if (Array.isArray(value))
    properties[name] = value.map((id) => (typeof id === 'string' && ids.has(id) ? `${prefix}${id}` : id));
}

/**
 * Puts a prefix before every id of a body, and before every reference to one
 * (`href="#..."`, `aria-describedby`, ...), when the render's frontmatter asks
 * for one (`idPrefix`). Live updates share a page, each rendered alone: two
 * with a "## Background" heading, or a footnote each, would otherwise give
 * the page the same id twice, and a footnote link would lead to the other
 * update's note.
 *
 * ```markdown
 * ## Background
 * ```
 *
 * with `idPrefix: "update-vote--"` becomes
 *
 * ```html
 * <h2 id="update-vote--background">Background<a href="#update-vote--background">...</a></h2>
 * ```
 *
 * Runs after every plugin that gives or uses ids (slugs, heading anchors).
 */
export const rehypeIdPrefix: Plugin<[], Root> = () => (tree, file) => {
  const frontmatter = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter;
  const prefix = frontmatter?.idPrefix;
  if (typeof prefix !== 'string' || prefix === '') return;
  const ids = new Set<string>();
  const elements: Element[] = [];
  visit(tree, 'element', (element) => {
    elements.push(element);
    if (typeof element.properties.id === 'string') ids.add(element.properties.id);
  });
  for (const { properties } of elements) {
    if (typeof properties.id === 'string') properties.id = `${prefix}${properties.id}`;
    for (const name of ID_REFERENCES) prefixed(properties, name, prefix, ids);
    const href = properties.href;
    if (typeof href === 'string' && href.startsWith('#') && ids.has(decodeURIComponent(href.slice(1)))) {
      properties.href = `#${prefix}${href.slice(1)}`;
    }
  }
};
