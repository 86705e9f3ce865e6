import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { reportProblem } from './problems';

/**
 * Reports a Markdown link with no words: `[](https://example.com/report)`
 * puts a link on the page that no reader can see, read or follow, and the
 * address the editor wrote vanishes with it.
 *
 * ```markdown
 * The report [](https://example.com/report) is out.
 * ```
 *
 * is the problem `line 1: link to "https://example.com/report" has no
 * words, so readers could neither see nor follow it; write its words
 * between the brackets: [the report](https://example.com/report)`. An
 * image's alt text counts as words (`[![Map](map.png)](/maps/)`).
 */
export const remarkEmptyLinks: Plugin<[], Root> = () => (tree, file) => {
  visit(tree, ['link', 'linkReference'], (node) => {
    if (node.type !== 'link' && node.type !== 'linkReference') return;
    if (toString(node).trim() !== '') return;
    const target = node.type === 'link' ? `(${node.url})` : `[${node.label ?? node.identifier}]`;
    const what = node.type === 'link' ? `"${node.url}"` : `"[${node.label ?? node.identifier}]"`;
    reportProblem(
      file,
      `link to ${what} has no words, so readers could neither see nor follow it; write its words between the brackets: [the words]${target}`,
      node.position,
      'empty-link',
    );
  });
};
