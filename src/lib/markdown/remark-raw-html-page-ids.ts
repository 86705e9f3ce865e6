import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Html, Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { isPageId, pageIds } from './page-ids';
import { reportProblem } from './problems';

/**
 * Reports raw HTML that gives an element one of the ids the page around the
 * body uses (`pageIds`): two elements with `id="main"` send the skip link,
 * or a shared link to a live update, to the wrong one. Headings written in
 * Markdown never need this: their ids are made unique for them
 * (`rehypeUniqueHeadingIds`); an id written by hand is the editor's to
 * change.
 *
 * ```markdown
 * <div id="main">Text.</div>
 * ```
 *
 * is the problem `line 1: raw HTML id="main" is already used by the page
 * around the article; choose another id`.
 */
export const remarkRawHtmlPageIds: Plugin<[], Root> = () => (tree, file) => {
  visit(tree, 'html', (node: Html) => {
    if (!/\bid\s*=/i.test(node.value)) return;
    visit(fromHtml(node.value, { fragment: true }), 'element', (element: Element) => {
      const id = element.properties.id;
      if (typeof id !== 'string' || !isPageId(id)) return;
      const whose = (pageIds as readonly string[]).includes(id)
        ? 'is already used by the page around the article'
        : 'is kept for the anchors of live updates';
      reportProblem(file, `raw HTML id="${id}" ${whose}; choose another id`, node.position, 'page-id');
    });
  });
};
