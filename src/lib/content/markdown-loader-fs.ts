/**
 * The content loader for Markdown collections, on Astro's public loader API
 * (`parseData`, `renderMarkdown`, `generateDigest`, `store`). It reads each
 * file once and checks everything about it before anything is stored, so
 * one build lists every problem of every file:
 *
 * - files that look like Markdown but would not be built (`.MD`,
 *   `.markdown`, `_name.md`, `.name.md`): an editor's file never just
 *   disappears;
 * - characters no feed can carry (see `forbidden-characters.ts`);
 * - the frontmatter's fences and YAML (see `frontmatter.ts`: dates stay as
 *   written, aliases are capped);
 * - the fields, against the collection's schema (misspelt names get a
 *   suggestion), the lead image file, and a file name that is not a valid slug;
 * - an empty body, and every problem the Markdown plugins report.
 *
 * A draft is checked too, but its problems are warnings and nothing of it is
 * stored: drafts never stop a build and never reach the output.
 *
 * An unchanged file is not read into the store again: its digest covers the
 * file and the code that checks and renders it (`codeVersion`), so a change
 * to a schema or a Markdown plugin renders every entry afresh. A file is
 * not even read when it is the very file the last sync read (the same
 * device, inode, size and time of last change, `src/lib/file-memo.ts`),
 * by the same code, and the store holds that sync's entry for it: a
 * publish of one change then reads one file, not the archive.
 *
 * The rendered body is kept in a file of its own, not in the store
 * (`body-fs.ts`), so the store stays small enough to be one string at
 * 100,000 articles.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { z } from 'astro/zod';
import { fileSignature, readMemo, writeMemo } from '../file-memo';
import { READ_AHEAD, readAhead } from '../read-ahead';
import { filesVersion } from '../routes/site-code';
import { SLUG_PATTERN } from '../schemas/common';
import {
  bodiesFolder,
  bodyFileName,
  bodyFilesOf,
  bodyKept,
  pruneBodies,
  setBodyAside,
  storedBodyFile,
} from './body-fs';
import type { ContentReport } from './content-report';
import { forbiddenCharacters, forbiddenInValues, withoutForbiddenCharacters } from './forbidden-characters';
import { readFrontmatter } from './frontmatter';
import { leadImageProblems } from './lead-image-fs';
import { renderProblems } from './render-problems';
import { schemaProblems } from './schema-problems';

export interface MarkdownCollectionOptions {
  /** The folder of the collection, relative to the project. */
  base: string;
  /** The collection's schema, with a plain string standing in for Astro's `image()` helper. */
  schema: z.ZodType;
  /** Refuse a file with nothing below its frontmatter. */
  requireBody?: boolean;
  /** Refuse a file with text below its frontmatter, saying this: where its words belong instead. */
  refuseBody?: string | undefined;
  /** The frontmatter field holding the entry's image, checked as a file (`image`, or an author's `photo`). */
  imageField?: string;
  /** Where problems go; shared by every collection of the content config. */
  report: ContentReport;
  /** Which files under `base` are this collection's entries (default: every `.md` file, its path the id). */
  select?: (entry: string) => EntryChoice;
  /** A prefix for every id in an entry's body, for entries shown several to a page (see `rehype-id-prefix.ts`). */
  bodyIdPrefix?: (entry: EntryFile, data: Record<string, unknown>) => string;
}

/** A file the collection takes. */
export interface EntryFile {
  id: string;
  /** The name that becomes part of a URL unless the frontmatter's `urlField` replaces it. */
  urlName: string;
  /** Whether `urlName` is a file's name or a folder's, for the message when it cannot be one. */
  urlNameOf: 'file' | 'folder';
  urlField?: string;
}

/** Astro's loader context, as the site's own content sync (src/lib/render/content-sync.ts) may give it. */
export interface SiteLoaderContext extends LoaderContext {
  /**
   * Set by a sync whose store is not Astro's: an unchanged entry stays in
   * the store as it is, rather than being stored again for Astro's list of
   * content images, which only Astro's sync writes (at 50,000 articles,
   * storing every entry again cost a publish about half a second).
   */
  leavesUnchangedEntries?: boolean;
}

/** What a collection makes of a Markdown file under its folder: an entry, another collection's file, or a mistake. */
export type EntryChoice = EntryFile | { elsewhere: true } | { problem: string };

/** Every `.md` file is an entry, its path without `.md` the id, its name the slug unless `slug:` says otherwise. */
export function everyFile(entry: string): EntryFile {
  return { id: entry.slice(0, -'.md'.length), urlName: basename(entry, '.md'), urlNameOf: 'file', urlField: 'slug' };
}

/** Names editors give Markdown files; any of them that is not a plain `.md` file is refused, never skipped. */
const MARKDOWN_LIKE = /\.(?:md|markdown|mdown|mkdn?|mdx|txt)$/i;

/** Folders, relative to the project, whose code decides what an entry becomes. */
const CODE_THAT_RENDERS = [
  'src/lib/content',
  'src/lib/markdown',
  'src/lib/schemas',
  'src/lib/images',
  'src/lib/routes',
];
const FILES_THAT_RENDER = [
  'src/content.config.ts',
  'src/site.config.ts',
  'src/lib/time/dates.ts',
  'astro.config.mjs',
  'package-lock.json',
];

/** A hash of the code that checks and renders content: part of every entry's digest. */
export const codeVersion = (root: string): string => filesVersion(root, [...CODE_THAT_RENDERS, ...FILES_THAT_RENDER]);

/**
 * What the last sync of a collection read of each file, by its path: the
 * file's signature and the digest it gave, with the code's version. Kept
 * beside the collection's bodies, written once a sync has succeeded.
 */
interface FilesRead {
  version: string;
  files: Record<string, [signature: string, digest: string]>;
}
const filesReadFile = (bodies: string, collection: string) => join(bodies, `${collection}.files-read.json`);

interface Candidate {
  path: string;
  /** The path under the collection's folder, with "/" between folders. */
  entry: string;
}

/** Every Markdown-looking file under `base`, split into entries and files that would not be built. */
async function listFiles(base: string): Promise<{ entries: Candidate[]; refused: Candidate[] }> {
  const names = await readdir(base, { recursive: true, withFileTypes: true }).catch(() => []);
  const entries: Candidate[] = [];
  const refused: Candidate[] = [];
  for (const dirent of names) {
    if (!dirent.isFile() || !MARKDOWN_LIKE.test(dirent.name)) continue;
    const path = resolve(dirent.parentPath, dirent.name);
    const entry = relative(base, path).split(sep).join('/');
    const hidden = entry.split('/').some((part) => part.startsWith('.') || part.startsWith('_'));
    (hidden || extname(entry) !== '.md' ? refused : entries).push({ path, entry });
  }
  return { entries, refused };
}

function refusedFileProblem({ entry }: Candidate): string {
  const name = basename(entry);
  if (name.startsWith('.') || name.startsWith('_') || entry.includes('/.') || entry.includes('/_')) {
    return 'is not built: names starting with "." or "_" are left out of the site; rename it, or set draft: true to keep it unpublished';
  }
  const stem = name.slice(0, -extname(name).length);
  return `is not built: only .md files are read; rename it to ${stem.toLowerCase()}.md`;
}

/** A file or folder name that cannot be part of a URL, when the frontmatter gives none instead. */
function urlNameProblem(
  { urlName, urlNameOf, urlField }: EntryFile,
  data: Record<string, unknown>,
): string | undefined {
  if (urlField && data[urlField] !== undefined) return undefined;
  if (SLUG_PATTERN.test(urlName)) return undefined;
  const suggested = urlName
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const example = suggested ? ` (e.g. ${suggested}${urlNameOf === 'file' ? '.md' : ''})` : '';
  const instead = urlField ? ` or set ${urlField}:` : '';
  return `the ${urlNameOf} name "${urlName}" becomes part of the URL, which may hold only lower-case letters, digits and single hyphens: rename the ${urlNameOf}${example}${instead}`;
}

/**
 * The Markdown handed to Astro's renderer: a small frontmatter of our own
 * (the renderer would otherwise read any `---` block at the top of the body
 * as YAML), then blank lines, so the body starts on its own line of the
 * file and every line a plugin reports is the file's.
 */
function renderSource(body: string, bodyLine: number, data: Record<string, unknown>, idPrefix?: string): string {
  const frontmatter = JSON.stringify({
    lang: typeof data.lang === 'string' ? data.lang : undefined,
    idPrefix,
    // Body problems come back in the render's metadata, to be listed with the file's others (rehype-report-problems.ts).
    problemsInMetadata: true,
  });
  return `---\n${frontmatter}\n---${'\n'.repeat(bodyLine - 1)}${body}`;
}

export interface EntryToCheck {
  /** The file's place in the collection: its id and the name its URL takes. */
  file: EntryFile;
  /** A prefix for the body's ids (`bodyIdPrefix`). */
  bodyIdPrefix?: ((entry: EntryFile, data: Record<string, unknown>) => string) | undefined;
  /** The file's absolute path. */
  path: string;
  schema: z.ZodType;
  requireBody: boolean;
  /** Why a body is refused, when it is (see `MarkdownCollectionOptions`). */
  refuseBody?: string | undefined;
  /** The field holding the entry's image; `image` unless given. */
  imageField?: string | undefined;
  /** The folder every image must be in. */
  contentRoot: string;
}

type Render = (markdown: string) => ReturnType<LoaderContext['renderMarkdown']>;

/**
 * Everything about one file that can be checked alone: its characters, its
 * frontmatter and fields, its lead image, its name, and its body through
 * `render` (Astro's `renderMarkdown`). `found` lists the problems, each
 * beginning with its line or field; `rendered` is the body's HTML when it
 * rendered.
 */
export async function checkEntry(source: string, file: EntryToCheck, render: Render) {
  const found = forbiddenCharacters(source);
  const { data, body, bodyLine, problems } = readFrontmatter(withoutForbiddenCharacters(source));
  found.push(...problems, ...forbiddenInValues(data));
  if (problems.length === 0) {
    found.push(
      ...schemaProblems(file.schema, data),
      ...(await leadImageProblems(data, file.path, file.contentRoot, file.imageField)),
    );
    const nameProblem = urlNameProblem(file.file, data);
    if (nameProblem) found.push(nameProblem);
    if (file.requireBody && body.trim() === '')
      found.push('the body is empty: write the article below the frontmatter');
    if (file.refuseBody && body.trim() !== '')
      found.push(`the text below the frontmatter is never shown: ${file.refuseBody}`);
  }
  let rendered: Awaited<ReturnType<Render>> | undefined;
  if (bodyLine > 1) {
    try {
      rendered = await render(renderSource(body, bodyLine, data, file.bodyIdPrefix?.(file.file, data)));
      const frontmatter: Record<string, unknown> = { ...rendered.metadata?.frontmatter };
      const markdownProblems: unknown = frontmatter.markdownProblems;
      if (markdownProblems) {
        found.push(...renderProblems({ problems: markdownProblems }));
        rendered = undefined;
      } else if (rendered.metadata) {
        delete frontmatter.problemsInMetadata;
        delete frontmatter.idPrefix;
        rendered.metadata.frontmatter = frontmatter;
      }
    } catch (error) {
      found.push(...renderProblems(error));
    }
  }
  return { found, data, rendered };
}

export function markdownCollection({
  base,
  schema,
  requireBody = false,
  refuseBody,
  imageField,
  report,
  select = everyFile,
  bodyIdPrefix,
}: MarkdownCollectionOptions): Loader {
  return {
    name: 'broadside-markdown',
    load: async (context: LoaderContext) => {
      const { store, logger, config, collection } = context;
      const leavesUnchanged = (context as SiteLoaderContext).leavesUnchangedEntries === true;
      const root = fileURLToPath(config.root);
      const folder = resolve(root, base);
      const shown = (path: string) => relative(process.cwd(), path) || path;
      const problems: string[] = [];
      const bodies = bodiesFolder(root);
      // The body files the entries kept by this sync name (see body-fs.ts).
      const bodyFiles = new Set<string>();
      // Every change to the store, made when the whole sync is done (see ContentReport).
      const writes: (() => void)[] = [];
      const filesRead: FilesRead = { version: '', files: {} };
      report.begin(collection, store);
      try {
        const version = codeVersion(root);
        filesRead.version = version;
        const bodiesThere = await bodyFilesOf(collection, bodies);
        const { entries, refused } = await listFiles(folder);
        for (const file of refused) {
          // Reported by the collection that would take the file under a plain `.md` name, so once.
          if ('elsewhere' in select(file.entry.replace(/\.[^./]*$/, '.md'))) continue;
          problems.push(`${shown(file.path)}: ${refusedFileProblem(file)}`);
        }
        const kept = new Set<string>();
        const chosen: { path: string; choice: EntryFile }[] = [];
        for (const { path, entry } of entries) {
          const choice = select(entry);
          if ('elsewhere' in choice) continue;
          if ('problem' in choice) problems.push(`${shown(path)}: ${choice.problem}`);
          else chosen.push({ path, choice });
        }
        const lastRead = (await readMemo<unknown>(filesReadFile(bodies, collection))) as Partial<FilesRead>;
        const lastFiles = lastRead.version === version ? (lastRead.files ?? {}) : {};
        // A file is read unless it is the one the last sync read and the store holds what that sync made of it.
        const read = async (file: (typeof chosen)[number]) => {
          const signature = fileSignature(file.path) ?? '';
          const known = lastFiles[file.path];
          const stored = store.get(file.choice.id);
          const unchanged =
            known?.[0] === signature && stored?.digest === known[1] && bodyKept(stored, bodiesThere)
              ? known[1]
              : undefined;
          return { ...file, signature, unchanged, source: unchanged ? '' : await readFile(file.path, 'utf8') };
        };
        for await (const { path, choice, signature, unchanged, source } of readAhead(chosen, READ_AHEAD, read)) {
          const { id } = choice;
          const digest = unchanged ?? context.generateDigest(`${version}\n${source}`);
          filesRead.files[path] = [signature, digest];
          const stored = store.get(id);
          if (stored?.digest === digest && bodyKept(stored, bodiesThere)) {
            // Stored again as it is in Astro's sync, which rewrites its list of content images (in the
            // project's .astro/ folder, shared by builds of other content folders) only when an entry is stored.
            if (!leavesUnchanged)
              writes.push(() => {
                store.delete(id);
                store.set(stored);
              });
            kept.add(id);
            const file = storedBodyFile(stored);
            if (file !== undefined) bodyFiles.add(file);
            continue;
          }
          const { found, data, rendered } = await checkEntry(
            source,
            {
              file: choice,
              bodyIdPrefix,
              path,
              schema,
              requireBody,
              refuseBody,
              imageField,
              contentRoot: dirname(folder),
            },
            (markdown) => context.renderMarkdown(markdown, { fileURL: pathToFileURL(path) }),
          );
          const draft = data.draft === true;
          const where = shown(path);
          if (draft) {
            for (const problem of found) logger.warn(`${where} (draft): ${problem}`);
            continue;
          }
          if (found.length > 0 || !rendered) {
            problems.push(...found.map((problem) => `${where}: ${problem}`));
            continue;
          }
          const parsed = await context.parseData({ id, data, filePath: path });
          const file = bodyFileName(collection, id, digest);
          const fresh = {
            id,
            data: parsed,
            filePath: relative(root, path).split(sep).join('/'),
            digest,
            rendered: await setBodyAside(rendered, file, bodies),
            assetImports: rendered.metadata?.imagePaths ?? [],
          };
          bodyFiles.add(file);
          writes.push(() => store.set(fresh));
          kept.add(id);
        }
        for (const id of store.keys()) if (!kept.has(id)) writes.push(() => store.delete(id));
      } catch (error) {
        problems.push(`${base}: ${error instanceof Error ? error.message : String(error)}`);
      }
      await report.end(problems, () => {
        for (const write of writes) write();
      });
      await pruneBodies(collection, bodyFiles, bodies);
      await writeMemo(filesReadFile(bodies, collection), { ...filesRead });
    },
  };
}
