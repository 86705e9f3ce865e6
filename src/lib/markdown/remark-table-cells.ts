import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { reportProblem } from './problems';

/**
 * Reports a table row with more cells than the header row: a GFM table has
 * as many columns as its header, and the extra cells are dropped from the
 * page without a word.
 *
 * ```markdown
 * | Country | Votes |
 * | ------- | ----- |
 * | France  | 12 | 3 |
 * ```
 *
 * is the problem `line 3: table row has 3 cells but its header has 2: the
 * cell "3" would not be shown; add a column to the header, or write a "|"
 * that belongs to the text as "\|"`. A row with fewer cells is fine: the
 * missing ones are left empty.
 */
export const remarkTableCells: Plugin<[], Root> = () => (tree, file) => {
  visit(tree, 'table', (table) => {
    const [header, ...rows] = table.children;
    const columns = header?.children.length ?? 0;
    for (const row of rows) {
      const extra = row.children.slice(columns);
      if (extra.length === 0) continue;
      const cells = extra.map((cell) => `"${toString(cell)}"`).join(', ');
      reportProblem(
        file,
        `table row has ${row.children.length} cells but its header has ${columns}: the ${extra.length === 1 ? 'cell' : 'cells'} ${cells} would not be shown; add a column to the header, or write a "|" that belongs to the text as "\\|"`,
        extra[0]!.position ?? row.position,
        'table-extra-cell',
      );
    }
  });
};
