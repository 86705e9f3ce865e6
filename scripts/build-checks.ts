/**
 * What a finished build must hold before it may replace the last good one:
 * the files every site needs (a front page, a 404 page, the feed, the
 * sitemap, robots.txt, the search index), and XML that every feed reader
 * and crawler can read. Astro can end with status 0 and still leave one out
 * (the sitemap integration logs its own errors and carries on), and
 * @astrojs/rss writes whatever characters an article holds, so these are
 * checked on the output itself.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { PARTS_FILE } from './search-index.ts';
import { siteFiles } from './site-files.ts';

/** Each file a site must have, and what it is for, in the words of a failed check. */
export const REQUIRED_OUTPUT: Readonly<Record<string, string>> = {
  'index.html': 'the front page',
  '404.html': 'the page a host serves for an unknown address',
  'feed.xml': 'the site feed',
  'sitemap-index.xml': 'the sitemap crawlers read',
  'robots.txt': 'the file that points crawlers to the sitemap',
  [PARTS_FILE]: 'the list of search index parts the search page loads (scripts/search-index.ts)',
};

/**
 * The site in place, under a publish that writes the files of its change
 * alone (scripts/staged-output.ts, `applyChange`): its folder, and the
 * paths the change deletes from it.
 */
export interface SiteUnderChange {
  site: string;
  deleted: ReadonlySet<string>;
}

/** Whether `path` is a file of the build in `dir`, or of the site in place under it (`over`) that the change keeps. */
async function isFileOf(dir: string, path: string, over?: SiteUnderChange): Promise<boolean> {
  if ((await stat(join(dir, path)).catch(() => undefined))?.isFile()) return true;
  if (!over || over.deleted.has(path)) return false;
  return (await stat(join(over.site, path)).catch(() => undefined))?.isFile() ?? false;
}

/** The required files missing from the build in `dir` (over the site `over`), one message each. */
export async function missingOutput(dir: string, over?: SiteUnderChange): Promise<string[]> {
  const problems: string[] = [];
  for (const [path, purpose] of Object.entries(REQUIRED_OUTPUT))
    if (!(await isFileOf(dir, path, over))) problems.push(`${path}: missing; every build must write ${purpose}`);
  return problems;
}

/**
 * What is wrong with the search index's list of parts: each must be a
 * folder under `/pagefind/` holding Pagefind's module and entry file, since
 * the search page loads every part it lists.
 */
export async function searchPartProblems(dir: string, over?: SiteUnderChange): Promise<string[]> {
  const inPlace = over && !over.deleted.has(PARTS_FILE) ? join(over.site, PARTS_FILE) : undefined;
  const text = await readFile(join(dir, PARTS_FILE), 'utf8').catch(() =>
    inPlace ? readFile(inPlace, 'utf8').catch(() => undefined) : undefined,
  );
  if (text === undefined) return [];
  let parts: unknown;
  try {
    parts = JSON.parse(text);
  } catch {
    return [`${PARTS_FILE}: not JSON; it must list the search index parts`];
  }
  if (!Array.isArray(parts) || parts.length === 0) return [`${PARTS_FILE}: lists no search index part`];
  const problems: string[] = [];
  for (const part of parts) {
    if (typeof part !== 'string' || !/^\/pagefind\/[^/]+\/$/.test(part)) {
      problems.push(`${PARTS_FILE}: ${JSON.stringify(part)} is not a folder under /pagefind/`);
      continue;
    }
    for (const file of ['pagefind.js', 'pagefind-entry.json'])
      if (!(await isFileOf(dir, `${part.slice(1)}${file}`, over)))
        problems.push(`${part.slice(1)}${file}: missing; ${PARTS_FILE} lists this part`);
  }
  return problems;
}

/** A character as a reader can find it in a message: printable ones as they are, others as U+XXXX. */
function shown(character: string): string {
  const codePoint = character.codePointAt(0) ?? 0;
  const printable = /[\p{L}\p{N}\p{P}\p{S} ]/u.test(character);
  return printable ? character : `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The text around `offset`, short and on one line, so the article it came from can be found. */
function excerpt(text: string, offset: number): string {
  const around = [...text.slice(Math.max(0, offset - 30), offset + 30)];
  return around.map((character) => (/[\t\n\r]/.test(character) ? ' ' : shown(character))).join('');
}

/**
 * Why `text` is not a well-formed XML 1.0 document (with namespaces, as
 * every feed reader reads it), or `undefined` when it is. The message gives
 * the line and column, what is wrong, and the text around it. A parser
 * decides, not a pattern: disallowed characters (a control character pasted
 * from a word processor), undefined entities, unclosed tags, a second root
 * all count.
 */
export function xmlProblem(text: string): string | undefined {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let first: string | undefined;
  parser.on('error', (error) => {
    if (first !== undefined) return;
    // saxes starts its message with "line:column: ".
    const what = error.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '');
    const at = parser.position;
    first = `line ${parser.line}, column ${parser.column}: ${what}, near "${excerpt(text, Math.max(0, at - 1))}"`;
  });
  parser.write(text).close();
  return first;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Every `.xml` file in the build at `dir` that is not well-formed XML 1.0 in UTF-8, one message each. */
export async function malformedXml(dir: string): Promise<string[]> {
  const problems: string[] = [];
  for (const path of siteFiles(dir, '.xml')) {
    const file = join(dir, path);
    let text: string;
    try {
      text = utf8.decode(await readFile(file));
    } catch {
      problems.push(`${path}: is not valid UTF-8, the encoding every XML file of the site declares`);
      continue;
    }
    const problem = xmlProblem(text);
    if (problem) problems.push(`${path}: not well-formed XML: ${problem}`);
  }
  return problems;
}

/**
 * Every problem of the build at `dir`: required files first, then XML. An
 * empty list means it may go live. Over the site in place (`over`), the
 * files `dir` lacks are looked for there, and the XML checked is the
 * change's own: the rest went live checked.
 */
export async function checkBuildOutput(dir: string, over?: SiteUnderChange): Promise<string[]> {
  return [...(await missingOutput(dir, over)), ...(await searchPartProblems(dir, over)), ...(await malformedXml(dir))];
}
