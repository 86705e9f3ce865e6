/**
 * One report of content problems for a whole content sync. Astro loads the
 * collections side by side and stops at the first loader that throws, so a
 * loader that threw alone would hide the other collections' problems, and
 * the rules that look across collections (permalinks, links, redirects)
 * would only run in a later build. Instead each loader hands its problems to
 * this report, and the last loader to finish runs the cross-collection rules
 * on what the others stored and throws once, listing everything.
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
   * loader's writes, in the order the loaders ended, then throws every problem.
   */
  end(problems: readonly string[], write?: () => void): void;
}

/** The message a build stops with: every problem, one a line. */
export function contentProblemsMessage(problems: readonly string[]): string {
  return `${problems.length} content problem${problems.length === 1 ? '' : 's'} stop the build:\n  ${problems.join('\n  ')}`;
}

/**
 * The error a build stops with. Its `toString()` is its name alone: Astro
 * reads an error's text for the words "document" and "window" and, finding
 * them (in an article titled "Window cleaners strike", say), appends advice
 * about browser APIs that has nothing to do with content.
 */
class ContentProblems extends Error {
  override name = 'ContentProblems';
  override toString(): string {
    return this.name;
  }
}

export function createContentReport(crossCheck: CrossCollectionCheck): ContentReport {
  let running = 0;
  let problems: string[] = [];
  let writes: (() => void)[] = [];
  const stores: Record<string, Store> = {};
  return {
    begin(collection, store) {
      running += 1;
      stores[collection] = store;
    },
    end(found, write) {
      running -= 1;
      problems.push(...found);
      if (write) writes.push(write);
      if (running > 0) return;
      for (const held of writes) held();
      writes = [];
      const all = [...problems, ...crossCheck(stores)];
      problems = [];
      if (all.length === 0) return;
      const error = new ContentProblems(contentProblemsMessage(all));
      // The list is the whole message: a stack trace of the loader would only bury it.
      error.stack = '';
      throw error;
    },
  };
}
