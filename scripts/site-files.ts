/** The files of a built site, for the steps that read it after Astro (the search index, the output checks, the publish's copy). */
import { readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

/**
 * Everything under `dir` but what `leftOut` names (a folder with all it
 * holds), a folder before what it holds: its path relative to `dir`, with
 * `/` between folders, and its entry. One listing per folder: Node's own
 * recursive `readdir` took three times as long over a built archive, whose
 * every page is a folder of its own (docs/benchmarks.md).
 */
export function* walkSite(
  dir: string,
  leftOut: (path: string) => boolean = () => false,
  prefix = '',
): Generator<[string, Dirent]> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${prefix}${entry.name}`;
    if (leftOut(path)) continue;
    yield [path, entry];
    if (entry.isDirectory()) yield* walkSite(join(dir, entry.name), leftOut, `${path}/`);
  }
}

/** Every file under `dir` whose name ends with `ending`, but what `leftOut` names, as sorted paths relative to it with `/` between folders. */
export function siteFiles(dir: string, ending: string, leftOut?: (path: string) => boolean): string[] {
  const files: string[] = [];
  for (const [path, entry] of walkSite(dir, leftOut)) if (entry.isFile() && path.endsWith(ending)) files.push(path);
  return files.sort();
}
