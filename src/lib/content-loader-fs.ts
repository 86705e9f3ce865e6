import { readFile } from 'node:fs/promises';
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

/**
 * Astro's glob loader for Markdown, with three changes: dates reach the
 * schema as written; an entry's id is always its path
 * (`2022/bondarev-resigns`), so a `slug` field changes the permalink but can
 * never make two files overwrite each other in the store; and a Markdown
 * file that fails to render stops the build. The glob loader only logs such
 * a failure and stores the entry with no body, which would publish the
 * page with its text silently gone.
 */
export function markdownCollection(base: string): Loader {
  const inner = glob({
    pattern: '**/*.md',
    base,
    generateId: ({ entry }) => entry.replace(/\.md$/, ''),
  });
  return {
    name: 'broadside-markdown',
    load: async (context) => {
      const failures: string[] = [];
      const logger = Object.create(context.logger) as typeof context.logger;
      logger.error = (message: string) => {
        failures.push(message);
        context.logger.error(message);
      };
      await inner.load({
        ...context,
        logger,
        parseData: async (props) => {
          if (props.filePath && hasDate(props.data)) {
            const source = await readFile(props.filePath, 'utf8');
            const frontmatter = FRONTMATTER.exec(source)?.[1] ?? '';
            const raw: unknown = parseYaml(frontmatter, { schema: 'core' });
            props = { ...props, data: restoreWrittenDates(props.data, raw) as typeof props.data };
          }
          return context.parseData(props);
        },
      });
      if (failures.length > 0) {
        throw new Error(`${failures.length} Markdown file(s) could not be rendered:\n${failures.join('\n')}`);
      }
    },
  };
}
