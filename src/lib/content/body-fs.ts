/**
 * Where an entry's rendered body is kept: in a file of its own, not in the
 * content store.
 *
 * Astro saves the whole content store as one string and reads it back as
 * one, and a JavaScript string cannot pass about 512 MB. The rendered
 * bodies were four fifths of it (331 of 411 MB at 50,000 articles), so with
 * them inside, an archive stopped building at about 65,000 articles. The
 * loader writes each body to a file named by the entry's collection, id and
 * digest, and stores the entry with an empty `html` and the file's name in
 * `rendered.metadata.bodyFile` (the metadata Astro's `RenderedContent` keeps
 * for a loader's own use). Pages read a body with `bodyHtml`, or render it
 * with `renderBody` (`render-body.ts`), which hands Astro's `render()` the
 * entry with its body filled in, so images in the body are resolved by Astro
 * as before.
 *
 * A body file is written whole or not at all (written beside its name,
 * then renamed), so a file under a digest's name always holds that
 * digest's body. Each collection keeps its own folder and, once its files
 * are loaded, deletes the files no entry of it names.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { buildCacheRoot } from './root';

type RenderedContent = Awaited<ReturnType<LoaderContext['renderMarkdown']>>;

/** Beside the other build caches (share cards, search index parts). */
export const bodiesFolder = (project: string = process.cwd()): string =>
  join(buildCacheRoot(project), 'broadside-bodies');

/** The metadata field naming an entry's body file, relative to `bodiesFolder()`. */
const BODY_FILE = 'bodyFile';

/** The body file of one version of one entry: `<collection>/<hash of id and digest>.html`. */
export function bodyFileName(collection: string, id: string, digest: string): string {
  const name = createHash('sha256').update(`${id}\n${digest}`).digest('base64url').slice(0, 32);
  return `${collection}/${name}.html`;
}

/** The body file an entry names, relative to `bodiesFolder()`; `undefined` when its body is in the store. */
export function storedBodyFile(entry: { rendered?: RenderedContent | undefined }): string | undefined {
  const file = entry.rendered?.metadata?.[BODY_FILE];
  return typeof file === 'string' ? file : undefined;
}

/** The body files of `collection` there are, named as `bodyFileName` gives them: one listing, not a look per entry. */
export async function bodyFilesOf(collection: string, folder: string = bodiesFolder()): Promise<Set<string>> {
  const names = await readdir(join(folder, collection)).catch(() => []);
  return new Set(names.map((name) => `${collection}/${name}`));
}

/** Whether a stored entry's body can be read: in the store, or in a file `present` (from `bodyFilesOf`) lists. */
export function bodyKept(entry: { rendered?: RenderedContent | undefined }, present: ReadonlySet<string>): boolean {
  const file = storedBodyFile(entry);
  return file === undefined ? entry.rendered !== undefined : present.has(file);
}

/**
 * Writes an entry's rendered body to its file and gives what the store
 * keeps of it: an empty `html`, the metadata, and the file's name.
 */
export async function setBodyAside(
  rendered: RenderedContent,
  file: string,
  folder: string = bodiesFolder(),
): Promise<RenderedContent> {
  const path = join(folder, file);
  await mkdir(dirname(path), { recursive: true });
  const partial = `${path}.${process.pid}.partial`;
  await writeFile(partial, rendered.html);
  await rename(partial, path);
  return { html: '', metadata: { ...rendered.metadata, [BODY_FILE]: file } };
}

/**
 * An entry's rendered body: from its file when the store set it aside, or
 * from the store. A missing file is an error, never an empty body.
 */
export function bodyHtml(
  entry: { id?: string; rendered?: RenderedContent | undefined },
  folder: string = bodiesFolder(),
): string {
  const file = storedBodyFile(entry);
  // eslint-disable-next-line no-restricted-syntax -- an entry whose body is in the store.
  if (file === undefined) return entry.rendered?.html ?? '';
  try {
    return readFileSync(join(folder, file), 'utf8');
  } catch (error) {
    throw new Error(
      `The rendered body of ${entry.id ?? 'an entry'} is missing (${join(folder, file)}): the build cache was changed while the site was built. Build again.`,
      { cause: error },
    );
  }
}

/** The entry with its body in `rendered.html`, as Astro's `render()` expects it. */
export function withBody<T extends { id?: string; rendered?: RenderedContent | undefined }>(
  entry: T,
  folder: string = bodiesFolder(),
): T {
  if (!entry.rendered || storedBodyFile(entry) === undefined) return entry;
  return { ...entry, rendered: { ...entry.rendered, html: bodyHtml(entry, folder) } };
}

/** Deletes the body files of `collection` that `kept` (names as `bodyFileName` gives them) does not list. */
export async function pruneBodies(
  collection: string,
  kept: ReadonlySet<string>,
  folder: string = bodiesFolder(),
): Promise<number> {
  const stale = [...(await bodyFilesOf(collection, folder))].filter((file) => !kept.has(file));
  await Promise.all(stale.map((file) => rm(join(folder, file), { force: true })));
  return stale.length;
}
