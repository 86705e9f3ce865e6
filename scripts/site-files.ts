/** The files of a built site, for the steps that read it after Astro (the search index, the output checks, the publish's copy). */
import { readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

/**
 * Calls `visit` for everything under `dir`, a folder before what it holds,
 * with its path relative to `dir` (`/` between folders); a folder for which
 * `visit` returns `false` is not entered. One listing per folder: Node's own
 * recursive `readdir` took three times as long over a built archive, whose
 * every page is a folder of its own (docs/benchmarks.md).
 */
export function walkSite(dir: string, visit: (path: string, entry: Dirent) => boolean | undefined): void {
  const walk = (folder: string, prefix: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = `${prefix}${entry.name}`;
      if (visit(path, entry) !== false && entry.isDirectory()) walk(join(folder, entry.name), `${path}/`);
    }
  };
  walk(dir, '');
}

/** Every file under `dir` whose name ends with `ending`, as sorted paths relative to it with `/` between folders. */
export function siteFiles(dir: string, ending: string): string[] {
  const files: string[] = [];
  walkSite(dir, (path, entry) => {
    if (entry.isFile() && path.endsWith(ending)) files.push(path);
    return undefined;
  });
  return files.sort();
}
