/**
 * One report of content problems for a whole content sync. Astro loads the
 * collections side by side and stops at the first loader that throws, so a
 * loader that threw alone would hide the other collections' problems, and
 * the rules that look across collections (permalinks, links, redirects)
 * would only run in a later build. Instead each loader hands its problems to
 * this report, and the last loader to finish runs the cross-collection rules
 * on what the others stored and stops the sync once, listing everything.
 *
 * The list is printed by the report, not carried in the error: Astro prints
 * a sync's error and ends its process at once, and a process that ends drops
 * what a pipe (the build's, CI's log) has not taken yet, which cut long
 * lists short. The report waits until the list is written, then throws an
 * error that only counts the problems.
 *
 * The report also holds every collection's writes to its store until the
 * last loader is done, then makes them all at once. Astro saves the whole
 * store to disk half a second after the last write it saw; with writes
 * spread through a sync, any pause of that length (a long garbage
 * collection at 50,000 articles) saved the whole store mid-sync, again and
 * again, each save slower than the last (docs/benchmarks.md). Held, the
 * writes give Astro one save, at the end of the sync.
 */
import type { DataStore } from 'astro/loaders';

type Store = Pick<DataStore, 'values'>;

/** Problems found across collections, given each collection's stored entries. */
export type CrossCollectionCheck = (stores: Record<string, Store>) => string[];

export interface ContentReport {
  /** A loader starts: its collection and the store it fills. */
  begin(collection: string, store: Store): void;
  /**
   * A loader is done with `problems` and the writes it holds for its store
   * (`write`). Once the last loader of the sync is done, makes every
   * loader's writes, in the order the loaders ended, then prints every
   * problem and rejects.
   */
  end(problems: readonly string[], write?: () => void): Promise<void>;
}

/** Where the list of problems goes: resolves once it is written. */
export type Print = (text: string) => Promise<void>;

/** Writes `text` to stderr and resolves once the system has taken all of it. */
function printToStderr(text: string): Promise<void> {
  return new Promise((resolve, reject) =>
    process.stderr.write(`${text}\n`, (error) => (error ? reject(error) : resolve())),
  );
}

const counted = (count: number) => `${count} content problem${count === 1 ? '' : 's'} stop the build`;

/** The list a build stops with: every problem, one a line. */
export function contentProblemsMessage(problems: readonly string[]): string {
  return `${counted(problems.length)}:\n  ${problems.join('\n  ')}`;
}

/** The error a sync stops with once the list is printed: the count alone. */
class ContentProblems extends Error {
  override name = 'ContentProblems';
}

export function createContentReport(crossCheck: CrossCollectionCheck, print: Print = printToStderr): ContentReport {
  let running = 0;
  let problems: string[] = [];
  let writes: (() => void)[] = [];
  const stores: Record<string, Store> = {};
  return {
    begin(collection, store) {
      running += 1;
      stores[collection] = store;
    },
    async end(found, write) {
      running -= 1;
      problems.push(...found);
      if (write) writes.push(write);
      if (running > 0) return;
      for (const held of writes) held();
      writes = [];
      const all = [...problems, ...crossCheck(stores)];
      problems = [];
      if (all.length === 0) return;
      await print(contentProblemsMessage(all));
      const error = new ContentProblems(`${counted(all.length)} (listed above)`);
      // A stack trace of the loader would only bury the list.
      error.stack = '';
      throw error;
    },
  };
}
