/** A project folder, a store and a context for running the Markdown loader outside Astro. */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';

/** A new project folder, and a function writing a file into it. */
export function loaderProject() {
  const root = mkdtempSync(join(tmpdir(), 'broadside-loader-'));
  const write = (path: string, text: string): void => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  return { root, write };
}

type Entry = { id: string; digest?: string | number } & Record<string, unknown>;

/** A store as a loader sees it, logging each write with the number of loaders still running then. */
export function recordingStore(log: string[], running: () => number) {
  const entries = new Map<string, Entry>();
  return {
    entries,
    get: (id: string) => entries.get(id),
    keys: () => [...entries.keys()],
    values: () => [...entries.values()],
    set: (entry: Entry) => {
      log.push(`set ${entry.id} with ${running()} loading`);
      entries.set(entry.id, entry);
      return true;
    },
    delete: (id: string) => {
      log.push(`delete ${id} with ${running()} loading`);
      entries.delete(id);
    },
  };
}

/** Astro's loader context, its Markdown renderer a stand-in giving `<p>` and the body. */
export function loaderContext(
  root: string,
  collection: string,
  store: ReturnType<typeof recordingStore>,
): LoaderContext {
  return {
    collection,
    store,
    config: { root: pathToFileURL(`${root}/`) },
    logger: { warn: () => undefined, info: () => undefined, error: () => undefined },
    generateDigest: (text: string) => createHash('sha256').update(text).digest('hex'),
    parseData: ({ data }: { data: unknown }) => Promise.resolve(data),
    renderMarkdown: (markdown: string) =>
      Promise.resolve({ html: `<p>${markdown.split('\n---\n')[1]?.trim()}</p>`, metadata: { frontmatter: {} } }),
  } as unknown as LoaderContext;
}
