import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';

/** Marks the `source` of every message a Broadside plugin leaves on a file, so the report finds them. */
export const PROBLEM_SOURCE = 'broadside';

/** One problem of an article body: where it is in the Markdown and what to change. */
export interface MarkdownProblem {
  /** 1-based line in the Markdown given to the processor (the body, below the frontmatter). */
  line?: number;
  column?: number;
  /** What is wrong, then what would be right. */
  reason: string;
}

/** Set on every `MarkdownProblems`, so it is recognised across module copies (Vite loads config and content apart). */
const BRAND = Symbol.for('broadside.MarkdownProblems');

/**
 * Every problem of one Markdown body, thrown once at the end of the render
 * (by `rehypeReportProblems`) instead of at the first problem, so an editor
 * fixes them all in one round. The message holds one `line N: reason` a
 * line, in line order.
 */
export class MarkdownProblems extends Error {
  readonly problems: MarkdownProblem[];

  constructor(problems: readonly MarkdownProblem[]) {
    const sorted = inLineOrder(problems);
    super(sorted.map(problemLine).join('\n'));
    this.name = 'MarkdownProblems';
    this.problems = sorted;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /**
   * How the error prints when something logs it whole (Astro's Markdown
   * renderer does, before the loader reports it): one line, since the
   * build's report lists each problem with its file at the end.
   */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    const file = /Markdown file "([^"]+)"/.exec(this.message)?.[1];
    const count = `${this.problems.length} problem${this.problems.length === 1 ? '' : 's'}`;
    return `${file ? `${file}: ` : ''}${count} in the body, listed in the report below`;
  }

  /**
   * True for a `MarkdownProblems`, even one made by another copy of this
   * module: the content loader and the Markdown processor are loaded apart,
   * so `instanceof` alone can miss it.
   */
  static is(error: unknown): error is MarkdownProblems {
    return error instanceof MarkdownProblems || (typeof error === 'object' && error !== null && BRAND in error);
  }
}

/** Problems in the order of their lines, those without a line last. */
export function inLineOrder(problems: readonly MarkdownProblem[]): MarkdownProblem[] {
  return [...problems].sort(
    (a, b) =>
      (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER) || (a.column ?? 0) - (b.column ?? 0),
  );
}

/** One problem as the editor reads it: `line 3: unknown directive ":::sidebar": ...`. */
export function problemLine({ line, reason }: MarkdownProblem): string {
  return line === undefined ? reason : `line ${line}: ${reason}`;
}

/**
 * Records a problem and lets the plugin carry on, so the render goes on to
 * find the others; `rehypeReportProblems` stops it at the end. Every
 * Broadside plugin reports through this, which keeps the `source` the report
 * looks for in one place.
 *
 * @param place where the problem is in the Markdown: usually `node.position`
 * @param ruleId a short name of the rule, e.g. `unclosed-directive`
 */
export function reportProblem(file: VFile, reason: string, place: Position | Point | undefined, ruleId: string): void {
  file.message(reason, { place, source: PROBLEM_SOURCE, ruleId });
}
