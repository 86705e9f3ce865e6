/**
 * Checks frontmatter against a collection's Zod schema and tells each
 * problem as a line an editor can act on: `field: what is wrong`, and for a
 * misspelt field the field that was probably meant.
 */
import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'astro/zod';

type Issue = z.core.$ZodIssue;

/** The definition behind a Zod schema: enough to walk to a nested object's fields. */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  in?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The field names the schema allows at `path` (an object inside optional, default, array or pipe wrappers). */
export function fieldsAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let def = defOf(schema);
  const remaining = [...path];
  for (;;) {
    if (def.innerType) def = defOf(def.innerType);
    else if (def.in) def = defOf(def.in);
    else if (def.type === 'array' && def.element) {
      def = defOf(def.element);
      remaining.shift();
    } else if (def.type === 'object' && def.shape) {
      const next = remaining.shift();
      if (next === undefined) return Object.keys(def.shape);
      const field = def.shape[String(next)];
      if (!field) return [];
      def = defOf(field);
    } else return [];
  }
}

/** "did you mean `published`?" when one allowed field is a likely misspelling of `key`. */
function suggestion(key: string, allowed: string[]): string {
  const candidates = allowed.filter((name) => name !== key);
  if (candidates.length === 0) return '';
  const best = closest(key.toLowerCase(), candidates);
  return distance(key.toLowerCase(), best.toLowerCase()) <= Math.max(2, Math.floor(best.length / 3))
    ? `: did you mean \`${best}\`?`
    : `: the fields here are ${candidates.join(', ')}`;
}

function issueLines(schema: z.ZodType, issue: Issue): string[] {
  const where = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const allowed = fieldsAt(schema, issue.path);
    return issue.keys.map((key) =>
      key === '<<'
        ? `${where ? `${where}.` : ''}<<: YAML merge keys are not read: write each field out in full`
        : `${where ? `${where}.` : ''}${key}: is not a field${suggestion(key, allowed)}`,
    );
  }
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    return issue.errors[0]!.flatMap((inner) => issueLines(schema, { ...inner, path: [...issue.path, ...inner.path] }));
  }
  const message =
    issue.code === 'invalid_type' && issue.message.startsWith('Invalid input')
      ? `must be ${EXPECTED[issue.expected] ?? issue.expected}`
      : issue.message;
  return [`${where || 'frontmatter'}: ${message}`];
}

/** Zod's type names as an editor writes them in YAML. */
const EXPECTED: Record<string, string> = {
  array: 'a list, e.g. [one, two] or one "- item" a line',
  boolean: 'true or false',
  string: 'text',
  number: 'a number',
  object: 'fields, one "name: value" a line, indented under this one',
};

/** Every problem `schema` finds in `data`, one line each; empty when the data is valid. */
export function schemaProblems(schema: z.ZodType, data: unknown): string[] {
  const result = schema.safeParse(data);
  return result.success ? [] : result.error.issues.flatMap((issue) => issueLines(schema, issue));
}
