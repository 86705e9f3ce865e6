/**
 * What a build step found of a file last time, kept with the file's
 * identity, so the step reads again only files that are not the ones it
 * read. A publish builds over hard links to the last site's files
 * (scripts/site-record.ts), so a page or card it kept is the same file,
 * and one Astro wrote is a new file: the search step (scripts/search-index.ts)
 * and the share-card pruning (src/lib/share-card/cache-fs.ts) read only
 * those. Nothing in a build writes into an existing page or card; if
 * something did, its time of last change would differ.
 */
import { statSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * A file's device, inode, size and time of last change (`undefined` if there
 * is none): the same four, the same bytes. Asked on the main thread: 50,000
 * of them took 0.1 s so, and 0.7 s through the thread pool's promises.
 */
export function fileSignature(file: string): string | undefined {
  const found = statSync(file, { bigint: true, throwIfNoEntry: false });
  return found && `${found.dev}:${found.ino}:${found.size}:${found.mtimeNs}`;
}

/** The memo in `file`, by name; empty when there is none yet, or a killed run left it torn (every file is then read). */
export async function readMemo<T>(file: string): Promise<Record<string, T>> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Record<string, T>;
  } catch {
    return {};
  }
}

/** Writes `memo` to `file` whole or not at all: beside its name, then renamed; its folder is made if need be. */
export async function writeMemo(file: string, memo: Record<string, unknown>): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(`${file}.writing`, JSON.stringify(memo));
  await rename(`${file}.writing`, file);
}
