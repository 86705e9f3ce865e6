/**
 * What a failed Markdown render says, as lines for the build's report. The
 * Markdown plugins report each problem with its line (counted in the file:
 * see `renderSource` in the loader); anything else that fails is told as it
 * is, without terminal colours.
 */
interface Located {
  line?: unknown;
  reason?: unknown;
}

function located({ line, reason }: Located): string | undefined {
  if (typeof reason !== 'string') return undefined;
  return typeof line === 'number' ? `line ${line}: ${reason}` : reason;
}

/** One line per problem of a render that threw `error`. */
export function renderProblems(error: unknown): string[] {
  const { problems } = (error ?? {}) as { problems?: unknown };
  if (Array.isArray(problems) && problems.length > 0) {
    return problems.map((problem: Located) => located(problem) ?? JSON.stringify(problem));
  }
  const one = located(error ?? {});
  if (one) return [one];
  const message = error instanceof Error ? error.message : String(error);
  return [message.replace(/\x1b\[[0-9;]*m/g, '').trim()];
}
