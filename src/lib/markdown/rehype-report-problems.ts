import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { inLineOrder, MarkdownProblems, PROBLEM_SOURCE, problemLine, type MarkdownProblem } from './problems';

/**
 * Stops the render once, at its end, with every problem the plugins before
 * it found in the body (see `reportProblem`), rather than at the first: an
 * editor sees them all in one build.
 *
 * ```markdown
 * :::sidebar
 * Boxed text.
 * :::
 *
 * <script>alert(1)</script>
 * ```
 *
 * throws a `MarkdownProblems` whose message is
 *
 * ```text
 * line 1: unknown directive ":::sidebar": the directives articles can use are :::pullquote
 * line 5: unsafe HTML <script> is not allowed in articles
 * ```
 *
 * Registered last, so every rule has had its say. Messages from other
 * sources (warnings of third-party plugins) are left alone, and a problem
 * reported twice at the same place is listed once.
 *
 * The content loader asks, through the render's frontmatter
 * (`problemsInMetadata: true`), for the problems to be handed back in the
 * render's metadata (`frontmatter.markdownProblems`) instead: a thrown
 * error is also logged whole by Astro's renderer, before the loader can
 * list it with the others.
 */
export const rehypeReportProblems: Plugin<[], Root> = () => (_tree, file) => {
  const seen = new Set<string>();
  const problems: MarkdownProblem[] = [];
  for (const message of file.messages) {
    if (message.source !== PROBLEM_SOURCE) continue;
    const problem: MarkdownProblem = { reason: message.reason };
    if (typeof message.line === 'number') problem.line = message.line;
    if (typeof message.column === 'number') problem.column = message.column;
    const key = `${problem.column ?? ''}:${problemLine(problem)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  if (problems.length === 0) return;
  const frontmatter = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter;
  if (frontmatter?.problemsInMetadata === true) frontmatter.markdownProblems = inLineOrder(problems);
  else throw new MarkdownProblems(problems);
};
