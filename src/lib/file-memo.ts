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

/**
 * What this process last read or wrote of each file, by the file's
 * signature then, for as long as the file is that one: a process that stays
 * up between publishes (scripts/publish-service.ts) then parses a memo or
 * record of the whole site once, not on every publish. A rename keeps the
 * signature, so a file written beside its place and renamed into it is
 * still held. A path holds one thing at most, let go once the path is
 * written again or found to be another file. What is held is shared with
 * every later read: never changed by its readers.
 */
const held = new Map<string, unknown>();
const heldSignature = new Map<string, string>();

/** What `file` held when this process last read or wrote it, if it is still that file; and its signature now. */
export function heldContent(file: string): { signature: string | undefined; content: unknown } {
  const signature = fileSignature(file);
  const before = heldSignature.get(file);
  // Changed since: what it held is no file's any more (a file renamed away still has it, under its own path).
  if (before !== undefined && signature !== undefined && before !== signature) {
    held.delete(before);
    heldSignature.delete(file);
  }
  return { signature, content: signature === undefined ? undefined : held.get(signature) };
}

/**
 * Holds `content` as what `file` holds while its signature is `signature`:
 * the one taken before reading it (a file changed during the read then
 * has another), or after writing it.
 */
export function holdContent(file: string, signature: string | undefined, content: unknown): void {
  const before = heldSignature.get(file);
  if (before !== undefined) held.delete(before);
  heldSignature.delete(file);
  if (signature === undefined) return;
  held.set(signature, content);
  heldSignature.set(file, signature);
}

/** The memo in `file`, by name; empty when there is none yet, or a killed run left it torn (every file is then read). */
export async function readMemo<T>(file: string): Promise<Record<string, T>> {
  const { signature, content } = heldContent(file);
  if (content) return content as Record<string, T>;
  try {
    const memo = JSON.parse(await readFile(file, 'utf8')) as Record<string, T>;
    holdContent(file, signature, memo);
    return memo;
  } catch {
    return {};
  }
}

/** Writes `memo` to `file` whole or not at all: beside its name, then renamed; its folder is made if need be. */
export async function writeMemo(file: string, memo: Record<string, unknown>): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(`${file}.writing`, JSON.stringify(memo));
  await rename(`${file}.writing`, file);
  holdContent(file, fileSignature(file), memo);
}
