import type { Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type {} from 'mdast-util-to-hast';
import { toString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';

/** Letters and digits only, lower-cased, so typography and quote marks do not hide a repeat. */
export function comparableText(text: string): string {
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return words ? ` ${words} ` : '';
}

function isPullquote(node: RootContent): node is ContainerDirective {
  return node.type === 'containerDirective' && node.name === 'pullquote';
}

/**
 * Turns `:::pullquote` container directives into a figure with a blockquote
 * and, when `cite` is given, a figcaption. A pull quote whose words already
 * stand in the body is hidden from assistive technology, so a screen reader
 * does not read it twice; one that does not repeat the body is read.
 *
 * @example
 *   In:  Boris Bondarev said: "Never have I been so ashamed of my country."
 *
 *        :::pullquote{cite="Boris Bondarev"}
 *        Never have I been so ashamed of my country.
 *        :::
 *   Out: <p>Boris Bondarev said: "Never have I been so ashamed of my country."</p>
 *        <figure class="pullquote" aria-hidden="true">
 *          <blockquote><p>Never have I been so ashamed of my country.</p></blockquote>
 *          <figcaption>Boris Bondarev</figcaption>
 *        </figure>
 */
export const remarkPullquote: Plugin<[], Root> = () => {
  return (tree, file) => {
    const pullquotes: ContainerDirective[] = [];
    visit(tree, 'containerDirective', (node) => {
      if (node.name === 'pullquote') pullquotes.push(node);
    });
    if (pullquotes.length === 0) return;

    const bodyText = comparableText(
      tree.children
        .filter((child) => !isPullquote(child))
        .map((child) => toString(child))
        .join(' '),
    );

    for (const node of pullquotes) {
      const quote = comparableText(toString(node));
      if (!quote) file.fail('empty pull quote: write the quoted words between ":::pullquote" and ":::"', node);
      const { cite, ...rest } = node.attributes ?? {};
      const unknown = Object.keys(rest);
      if (unknown.length > 0) {
        file.fail(
          `unknown pull quote attribute ${unknown.map((name) => `"${name}"`).join(', ')}: only "cite" is allowed`,
          node,
        );
      }
      const repeatsBody = bodyText.includes(quote);
      const blockquote = {
        type: 'blockquote',
        children: node.children,
      } as RootContent;
      const caption = cite?.trim()
        ? [
            {
              type: 'paragraph',
              data: { hName: 'figcaption' },
              children: [{ type: 'text', value: cite.trim() }],
            } as RootContent,
          ]
        : [];
      node.data = {
        hName: 'figure',
        hProperties: { className: ['pullquote'], ...(repeatsBody ? { ariaHidden: 'true' } : {}) },
      };
      node.children = [blockquote, ...caption] as ContainerDirective['children'];
    }
  };
};
