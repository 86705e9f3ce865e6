import type { Root, RootContent, Text, Paragraph } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import type { Plugin } from 'unified';
import { visit, SKIP } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { reportProblem } from './problems';

export interface DirectiveGuardOptions {
  /** Container directives (`:::name`) that other plugins turn into HTML. */
  containers: readonly string[];
}

type Directive = ContainerDirective | LeafDirective | TextDirective;

function sourceOf(node: Directive, file: VFile): string {
  const { start, end } = node.position ?? {};
  if (start?.offset === undefined || end?.offset === undefined) return `:${node.name}`;
  return String(file.value).slice(start.offset, end.offset);
}

/**
 * Keeps directive syntax from eating prose and refuses what it cannot render.
 *
 * - Text and leaf directives are not used by articles, so `re:Invent` or a
 *   line starting `::` is put back as the text the editor wrote.
 * - A container directive whose name is not in `containers` is a problem.
 * - A container directive with no closing `:::` is a problem (remark
 *   would otherwise swallow the rest of the article into it).
 *
 * Problems are reported (see `reportProblem`) and the node left as it is;
 * the build stops at the end of the render with all of them.
 *
 * @example
 *   In:  We met at re:Invent.
 *   Out: <p>We met at re:Invent.</p>
 *
 *   In:  :::sidebar
 *        Text
 *        :::
 *   Out: problem at line 1: unknown directive ":::sidebar": the directives articles can use are :::pullquote
 */
export const remarkDirectiveGuard: Plugin<[DirectiveGuardOptions], Root> = ({ containers }) => {
  return (tree, file) => {
    visit(tree, (node, index, parent) => {
      if (node.type === 'textDirective' && parent && index !== undefined) {
        const text: Text = { type: 'text', value: sourceOf(node, file) };
        parent.children.splice(index, 1, text as never);
        return SKIP;
      }
      if (node.type === 'leafDirective' && parent && index !== undefined) {
        const paragraph: Paragraph = {
          type: 'paragraph',
          children: [{ type: 'text', value: sourceOf(node, file) }],
        };
        parent.children.splice(index, 1, paragraph as RootContent as never);
        return SKIP;
      }
      if (node.type === 'containerDirective') {
        if (!containers.includes(node.name)) {
          reportProblem(
            file,
            `unknown directive ":::${node.name}": the directives articles can use are ${containers
              .map((name) => `:::${name}`)
              .join(', ')}`,
            node.position,
            'unknown-directive',
          );
        }
        const lastLine = sourceOf(node, file).trimEnd().split('\n').at(-1) ?? '';
        if (!/^\s*:{3,}\s*$/.test(lastLine)) {
          reportProblem(
            file,
            `unclosed directive ":::${node.name}": end it with a line holding only ":::"`,
            node.position,
            'unclosed-directive',
          );
        }
      }
      return undefined;
    });
  };
};
