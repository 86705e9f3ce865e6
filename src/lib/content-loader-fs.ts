import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { parse as parseYaml } from 'yaml';

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/**
 * Puts back, wherever the YAML parser turned an unquoted date into a `Date`,
 * the text the editor wrote: `2022-05-23` must stay a date without a time,
 * not become midnight UTC. `raw` is the same frontmatter read with YAML's
 * core schema, which has no timestamps.
 */
export function restoreWrittenDates(parsed: unknown, raw: unknown): unknown {
  if (parsed instanceof Date) return typeof raw === 'string' ? raw : parsed;
  if (Array.isArray(parsed)) {
    return parsed.map((item, index) => restoreWrittenDates(item, Array.isArray(raw) ? raw[index] : undefined));
  }
  if (parsed && typeof parsed === 'object') {
    const rawObject = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
    return Object.fromEntries(
      Object.entries(parsed).map(([key, value]) => [key, restoreWrittenDates(value, rawObject[key])]),
    );
  }
  return parsed;
}

function hasDate(value: unknown): boolean {
  if (value instanceof Date) return true;
  if (value && typeof value === 'object') return Object.values(value).some(hasDate);
  return false;
}

/** A path an editor recognises: relative to the project, or as given when outside it. */
function shownPath(filePath: string): string {
  const path = relative(process.cwd(), filePath);
  return path.startsWith('..') ? filePath : path;
}

/**
 * An error's message as an editor should read it: no terminal colours or
 * Markdown emphasis, no line that only repeats which file it is, each field
 * named once, one problem a line.
 */
function problemText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .replace(/\x1b\[[0-9;]*m/g, '')
    .replaceAll('**', '')
    .split('\n')
    .map((line) => line.trim().replace(/^([\w.]+): \1: /, '$1: '))
    .filter((line) => line && !/data does not match collection schema\.$|^Failed to parse Markdown file/.test(line))
    .join('\n    ');
}

/**
 * A Markdown plugin's message, with the line counted in the file: plugins
 * see only the body, which starts below the frontmatter.
 */
async function renderProblem(error: unknown, filePath: string, body: string): Promise<string> {
  const { line, reason } = (error ?? {}) as { line?: unknown; reason?: unknown };
  if (typeof line !== 'number' || typeof reason !== 'string') return problemText(error);
  const source = await readFile(filePath, 'utf8');
  const bodyStart = source.lastIndexOf(body);
  const linesAbove = bodyStart > 0 ? source.slice(0, bodyStart).split('\n').length - 1 : 0;
  return `line ${line + linesAbove}: ${reason}`;
}

/** A local image the frontmatter names that is not there, as a message; `undefined` when it is fine. */
function missingImage(data: Record<string, unknown>, filePath: string): string | undefined {
  const src = (data.image as { src?: unknown } | undefined)?.src;
  if (typeof src !== 'string' || /^(?:[a-z]+:)?\/\//i.test(src)) return undefined;
  const path = resolve(dirname(filePath), src);
  return existsSync(path) ? undefined : `image.src: "${src}" does not exist (looked for ${shownPath(path)})`;
}

/** The part of Astro's (untyped, internal) entry types that the glob loader calls. */
interface EntryType {
  getEntryInfo(params: { contents: string; fileUrl: URL }): Promise<{ data: Record<string, unknown>; body: string }>;
  getRenderFunction?(
    config: unknown,
  ): Promise<(params: { id: string; filePath: string; body: string }) => Promise<unknown>>;
}
type GlobContext = Parameters<Loader['load']>[0] & { entryTypes: Map<string, EntryType> };

/**
 * The problems of one content sync, across collections. Astro loads the
 * collections side by side and stops at the first that fails, so each
 * collection adds its problems here and the last one to finish reports
 * them all at once.
 */
const sync = { loading: 0, problems: [] as string[] };

/**
 * Astro's glob loader for Markdown, with these changes:
 *
 * - dates reach the schema as written (see `restoreWrittenDates`);
 * - an entry's id is always its path (`2022/bondarev-resigns`), so a `slug`
 *   field changes the permalink but can never make two files overwrite each
 *   other in the store;
 * - with `requireBody`, a file with nothing below its frontmatter is refused;
 * - every problem in every file of every collection (YAML that does not
 *   parse, frontmatter the schema refuses, an empty body, Markdown that fails
 *   to render) is collected and the build stops once, listing all of them,
 *   so an editor fixes a whole batch in one round. The glob loader alone
 *   stops at the first bad frontmatter, and only logs a render failure,
 *   storing the entry with no body: the page would go out with its text
 *   silently gone. A refused entry is also kept out of the content cache, so
 *   the next build checks it again.
 */
export function markdownCollection(base: string, { requireBody = false } = {}): Loader {
  const inner = glob({
    pattern: '**/*.md',
    base,
    generateId: ({ entry }) => entry.replace(/\.md$/, ''),
    // Pages use the rendered HTML, never the Markdown source: leaving it out of the
    // content store keeps that store (kept between builds, loaded by every page) a third smaller.
    retainBody: false,
  });
  return {
    name: 'broadside-markdown',
    load: async (loaderContext) => {
      const context = loaderContext as GlobContext;
      const problems: string[] = [];
      const failedFiles = new Set<string>();
      const failedIds = new Set<string>();
      const writtenFrontmatter = new Map<string, string>();
      const fail = (filePath: string, message: string) => {
        failedFiles.add(filePath);
        problems.push(`${shownPath(filePath)}: ${message}`);
      };

      const entryTypes = new Map(
        [...context.entryTypes].map(([extension, entryType]): [string, EntryType] => [
          extension,
          {
            ...entryType,
            getEntryInfo: async (params) => {
              const filePath = fileURLToPath(params.fileUrl);
              try {
                const info = await entryType.getEntryInfo(params);
                // Kept for parseData below, which needs the dates as written: no second read of the file.
                if (hasDate(info.data)) writtenFrontmatter.set(filePath, FRONTMATTER.exec(params.contents)?.[1] ?? '');
                if (requireBody && info.body.trim() === '') {
                  fail(filePath, 'the body is empty: write the article below the frontmatter');
                }
                return info;
              } catch (error) {
                fail(filePath, `the frontmatter is not valid YAML:\n    ${problemText(error)}`);
                return { data: {}, body: '' };
              }
            },
            ...(entryType.getRenderFunction && {
              getRenderFunction: async (config) => {
                const render = await entryType.getRenderFunction!(config);
                return async (params) => {
                  try {
                    return await render(params);
                  } catch (error) {
                    failedIds.add(params.id);
                    fail(params.filePath, await renderProblem(error, params.filePath, params.body));
                    return undefined;
                  }
                };
              },
            }),
          },
        ]),
      );

      const wrapped: GlobContext = {
        ...context,
        entryTypes,
        parseData: async (props) => {
          if (props.filePath && failedFiles.has(props.filePath)) {
            failedIds.add(props.id);
            return props.data;
          }
          if (props.filePath && hasDate(props.data)) {
            const frontmatter =
              writtenFrontmatter.get(props.filePath) ??
              FRONTMATTER.exec(await readFile(props.filePath, 'utf8'))?.[1] ??
              '';
            writtenFrontmatter.delete(props.filePath);
            const raw: unknown = parseYaml(frontmatter, { schema: 'core' });
            props = { ...props, data: restoreWrittenDates(props.data, raw) as typeof props.data };
          }
          const imageProblem = props.filePath && missingImage(props.data, props.filePath);
          if (imageProblem) {
            failedIds.add(props.id);
            fail(props.filePath!, imageProblem);
            return props.data;
          }
          try {
            return await context.parseData(props);
          } catch (error) {
            failedIds.add(props.id);
            fail(props.filePath ?? props.id, `\n    ${problemText(error)}`);
            return props.data;
          }
        },
      };

      sync.loading += 1;
      try {
        await inner.load(wrapped);
      } finally {
        sync.loading -= 1;
        for (const id of failedIds) context.store.delete(id);
        sync.problems.push(...problems);
      }
      if (sync.loading === 0 && sync.problems.length > 0) {
        const all = sync.problems.splice(0);
        throw new Error(
          `${all.length} content problem${all.length === 1 ? '' : 's'} stop the build:\n  ${all.join('\n  ')}`,
        );
      }
    },
  };
}
