import type { Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type {} from 'mdast-util-to-hast';
import { toString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { reportProblem } from './problems';

/** Letters and digits only, lower-cased, so typography and quote marks do not hide a repeat. */
export function comparableText(text: string): string {
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return words ? ` ${words} ` : '';
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Percent-encodes a text fragment's term: `-`, `,` and `&` have a meaning there and must be escaped. */
function fragmentTerm(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

/**
 * A text fragment (`#:~:text=`) that takes the browser to the words of a
 * pull quote where they stand in the body, or `undefined` when they do not
 * stand in one block of it. The words are matched across punctuation and
 * case, then written exactly as the body has them (the browser matches the
 * page's characters); the end of the word before them
 * goes in as a prefix, so the link finds the body's sentence even where the
 * pull quote (which has the same words) comes first on the page.
 *
 * @param blocks the plain text of each block of the body, pull quotes left out
 */
export function quoteFragment(blocks: readonly string[], quote: string): string | undefined {
  // Word by word rather than with a pattern built for each quote: compiling a Unicode-aware
  // pattern per quote was a hot spot of the build (docs/benchmarks.md).
  const wanted = (quote.match(WORD) ?? []).map((word) => word.toLowerCase());
  if (wanted.length === 0) return undefined;
  for (const text of blocks) {
    const found = [...text.matchAll(WORD)];
    for (let first = 0; first + wanted.length <= found.length; first++) {
      if (!wanted.every((word, offset) => found[first + offset]![0].toLowerCase() === word)) continue;
      const start = found[first]!.index;
      const last = found[first + wanted.length - 1]!;
      const words = text.slice(start, last.index + last[0].length);
      const before = found[first - 1];
      const prefix = before ? text.slice(before.index, start).trimEnd() : '';
      return `:~:text=${prefix ? `${fragmentTerm(prefix)}-,` : ''}${fragmentTerm(words)}`;
    }
  }
  return undefined;
}

/**
 * The quote's first words, for the link's accessible name: enough to tell
 * the links to two quotes apart, short of reading the whole (hidden) quote
 * out a second time.
 */
function quoteOpening(quote: string): string {
  const words = quote.trim().split(/\s+/);
  return words.length > 4 ? `${words.slice(0, 4).join(' ')}…` : words.join(' ');
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
 *   In:  Boris Bondarev said: “Never have I been so ashamed of my country.”
 *
 *        :::pullquote{cite="Boris Bondarev"}
 *        Never have I been so ashamed of my country.
 *        :::
 *   Out: <p>Boris Bondarev said: “Never have I been so ashamed of my country.”</p>
 *        <div class="pullquote-group">
 *          <figure class="pullquote" aria-hidden="true">
 *            <blockquote><p>Never have I been so ashamed of my country.</p></blockquote>
 *            <figcaption>Boris Bondarev</figcaption>
 *          </figure>
 *          <p class="pullquote-link screen-only">
 *            <a href="#:~:text=said%3A%20%E2%80%9C-,Never%20have%20I%20been%20so%20ashamed%20of%20my%20country">
 *              Link to this quote in the text<span class="visually-hidden">: “Never have I been…”</span>
 *            </a>
 *          </p>
 *        </div>
 *
 * A repeated pull quote also gets a link to its words in the body (a text
 * fragment, so it can be copied and shared). The link sits beside the
 * hidden figure, not inside it: a focusable element inside `aria-hidden`
 * is reachable by keyboard yet has no name for a screen reader (axe's
 * `aria-hidden-focus`), and taking it out of the tab order instead would
 * leave keyboard users without the link. Beside the figure it is an
 * ordinary link every reader can reach, named by the quote's first words
 * so links to different quotes are told apart.
 */
export const remarkPullquote: Plugin<[], Root> = () => {
  return (tree, file) => {
    const pullquotes: ContainerDirective[] = [];
    visit(tree, 'containerDirective', (node) => {
      if (node.name === 'pullquote') pullquotes.push(node);
    });
    if (pullquotes.length === 0) return;

    const bodyBlocks = tree.children.filter((child) => !isPullquote(child)).map((child) => toString(child));
    const bodyText = comparableText(bodyBlocks.join(' '));

    for (const node of pullquotes) {
      const quote = comparableText(toString(node));
      if (!quote) {
        reportProblem(
          file,
          'empty pull quote: write the quoted words between ":::pullquote" and ":::"',
          node.position,
          'empty-pullquote',
        );
      }
      const { cite, ...rest } = node.attributes ?? {};
      const unknown = Object.keys(rest);
      if (unknown.length > 0) {
        reportProblem(
          file,
          `unknown pull quote attribute ${unknown.map((name) => `"${name}"`).join(', ')}: only "cite" is allowed`,
          node.position,
          'pullquote-attribute',
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
      const figure = {
        hName: 'figure',
        hProperties: { className: ['pullquote'], ...(repeatsBody ? { ariaHidden: 'true' } : {}) },
      };
      const fragment = repeatsBody ? quoteFragment(bodyBlocks, toString(node)) : undefined;
      if (!fragment) {
        node.data = figure;
        node.children = [blockquote, ...caption] as ContainerDirective['children'];
        continue;
      }
      const link = {
        type: 'paragraph',
        data: { hProperties: { className: ['pullquote-link', 'screen-only'] } },
        children: [
          {
            type: 'link',
            url: `#${fragment}`,
            children: [
              { type: 'text', value: 'Link to this quote in the text' },
              {
                type: 'emphasis',
                data: { hName: 'span', hProperties: { className: ['visually-hidden'] } },
                children: [{ type: 'text', value: `: “${quoteOpening(toString(node))}”` }],
              },
            ],
          },
        ],
      } as RootContent;
      node.data = { hName: 'div', hProperties: { className: ['pullquote-group'] } };
      node.children = [
        { type: 'blockquote', data: figure, children: [blockquote, ...caption] },
        link,
      ] as ContainerDirective['children'];
    }
  };
};
