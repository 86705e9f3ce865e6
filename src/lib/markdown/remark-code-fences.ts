import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { reportProblem } from './problems';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Reports fenced code blocks that would lose words or swallow the article:
 *
 * - words after the language on the opening fence (```` ```js the words ````):
 *   CommonMark keeps them as "meta" that no page shows;
 * - a fence never closed, which turns everything below it into code.
 *
 * ````markdown
 * ```text a caption for the code
 * code
 * ```
 * ````
 *
 * is the problem `line 1: the words "a caption for the code" after the
 * code block's language would not be shown; put them in a sentence above
 * the block`.
 */
export const remarkCodeFences: Plugin<[], Root> = () => (tree, file) => {
  const lines = String(file.value).split(/\r?\n/);
  visit(tree, 'code', (node) => {
    const start = node.position?.start.line;
    const end = node.position?.end.line;
    if (!start || !end) return;
    const opening = FENCE.exec(lines[start - 1] ?? '');
    if (!opening) return;
    if (node.meta) {
      reportProblem(
        file,
        `the words "${node.meta}" after the code block's language would not be shown; put them in a sentence above the block`,
        node.position,
        'code-fence-meta',
      );
    }
    const closing = lines[end - 1]?.trim() ?? '';
    const fence = opening[1]!;
    const closed = end > start && closing.startsWith(fence[0]!.repeat(fence.length)) && /^(`+|~+)$/.test(closing);
    if (!closed) {
      reportProblem(
        file,
        `code block opened with "${fence}" is never closed, so everything below it would show as code; end it with a line holding only ${fence}`,
        node.position?.start,
        'code-fence-unclosed',
      );
    }
  });
};
