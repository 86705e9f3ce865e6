/**
 * Splits a Markdown file into its YAML frontmatter and its body, and reads
 * the YAML once, with every problem told as an editor can act on it: the
 * line in the file, what is wrong, and what would be right.
 *
 * The YAML is read with the core schema (YAML 1.2), which has no timestamp
 * type: `published: 2022-05-23` stays the text `2022-05-23`, so a date alone
 * is never turned into midnight UTC. Merge keys (`<<:`) are not expanded,
 * so they reach the schema as an unknown field instead of pulling in values
 * nobody sees. Aliases are capped, so a few hundred bytes of nested aliases
 * (a "billion laughs" file) fail at once instead of eating the build's memory.
 *
 * @example
 * readFrontmatter('---\ntitle: Hi\npublished: 2022-05-23\n---\n\nBody.\n')
 * // => { data: { title: 'Hi', published: '2022-05-23' }, body: '\nBody.\n', bodyLine: 5, problems: [] }
 */
import { isMap, LineCounter, parseDocument, visit, type Document, type YAMLError } from 'yaml';

export interface Frontmatter {
  /** The fields, as plain values; `{}` when the YAML could not be read. */
  data: Record<string, unknown>;
  /** Everything below the closing `---`. */
  body: string;
  /** The line of the file on which `body` starts (1-based). */
  bodyLine: number;
  /** What stops the file, one message each, beginning with its line. */
  problems: string[];
}

/** At most this many alias expansions in one file: real frontmatter uses none. */
const MAX_ALIASES = 20;

const FENCE = /^---[ \t]*$/;

const failed = (problem: string): Frontmatter => ({ data: {}, body: '', bodyLine: 1, problems: [problem] });

/** Reads the frontmatter of one Markdown file's text (a byte-order mark is allowed and ignored). */
export function readFrontmatter(source: string): Frontmatter {
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  const lines = text.split(/\r?\n/);
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first === -1) return failed('line 1: the file is empty: start it with the frontmatter between two --- lines');
  if (first > 0 && FENCE.test(lines[first]!)) {
    return failed(`line ${first + 1}: the frontmatter must start on the first line: remove the blank lines above ---`);
  }
  if (!lines[0]!.startsWith('---')) {
    return failed('line 1: the file has no frontmatter: start it with a line holding only ---, then the fields');
  }
  if (!FENCE.test(lines[0]!)) {
    return failed(
      `line 1: "${lines[0]!.slice(0, 40)}": the opening --- must be alone on its line: put the first field on the next line`,
    );
  }
  const close = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (close === -1) {
    return failed('line 1: the frontmatter is never closed: end it with a line holding only --- above the body');
  }

  const yaml = lines.slice(1, close).join('\n');
  const body = lines.slice(close + 1).join('\n');
  const bodyLine = close + 2;
  const lineCounter = new LineCounter();
  const document = parseDocument(yaml, {
    schema: 'core',
    merge: false,
    uniqueKeys: true,
    prettyErrors: true,
    lineCounter,
  });
  // One problem a line: a parser often reports a mistake again as it recovers.
  const problems = [
    ...new Map(
      [...document.errors, ...document.warnings]
        .map((error) => yamlProblem(error, lines))
        .map((problem) => [problem.slice(0, problem.indexOf(':')), problem]),
    ).values(),
  ];
  problems.push(...cutByComments(document, lineCounter));
  if (problems.length > 0) return { data: {}, body, bodyLine, problems };
  if (document.contents !== null && !isMap(document.contents)) {
    return { data: {}, body, bodyLine, problems: ['line 2: the frontmatter must be fields, one "name: value" a line'] };
  }
  try {
    const data = (document.toJS({ maxAliasCount: MAX_ALIASES }) ?? {}) as Record<string, unknown>;
    return { data, body, bodyLine, problems: [] };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const advice = /alias/i.test(message)
      ? `the YAML repeats aliases (*name) more than ${MAX_ALIASES} times: write the values out instead`
      : message;
    return { data: {}, body, bodyLine, problems: [`line 2: ${advice}`] };
  }
}

/**
 * Unquoted values that a " #" cut short: YAML reads the rest of the line as
 * a comment, so `title: We're #1 again` would silently become "We're". A
 * comment after a quoted value, or on a line of its own, is the editor's.
 */
function cutByComments(document: Document, lines: LineCounter): string[] {
  const problems: string[] = [];
  visit(document, {
    Scalar(_, node) {
      if (node.comment === undefined || node.type !== 'PLAIN' || !node.range) return;
      const line = lines.linePos(node.range[0]).line + 1;
      problems.push(
        `line ${line}: the words after " #" are read as a YAML comment, so the value would end at "${String(node.value)}": put the whole value in quotes`,
      );
    },
  });
  return problems;
}

/** A YAML parser's error as a line of the file, with a hint for the mistakes editors make most. */
function yamlProblem(error: YAMLError, fileLines: string[]): string {
  // Positions count from the YAML's first line, which is the file's second.
  const line = (error.linePos?.[0].line ?? 1) + 1;
  const text = fileLines[line - 1]?.trim() ?? '';
  const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return `line ${line}: ${reason}${hint(error.code, text)}`;
}

function hint(code: YAMLError['code'], text: string): string {
  const key = /^([^:#\s][^:]*):/.exec(text)?.[1];
  switch (code) {
    case 'DUPLICATE_KEY':
      return key ? `: "${key}" is given twice; keep one` : '; keep one of them';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
    case 'UNEXPECTED_TOKEN':
      return key && text.slice(key.length + 1).includes(': ')
        ? `: a value holding ": " needs quotes, e.g. ${key}: "${text
            .slice(key.length + 1)
            .trim()
            .replaceAll('"', '\\"')}"`
        : ': a line indented under a field continues its value; start every field at the same indentation';
    case 'BAD_INDENT':
    case 'TAB_AS_INDENT':
      return ': indent with spaces, the same number for every field at one level';
    case 'MISSING_CHAR':
      return ': a quote, bracket or brace is opened and never closed';
    default:
      return '';
  }
}
