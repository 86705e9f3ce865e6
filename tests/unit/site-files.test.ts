/**
 * The walk over a built site (scripts/site-files.ts): the files it finds are
 * the ones Node's own recursive listing finds, in sorted order, whatever
 * the tree.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { siteFiles, walkSite } from '../../scripts/site-files';

const root = mkdtempSync(join(tmpdir(), 'broadside-site-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let trees = 0;
/** A folder holding `files` (paths with `/`), each file holding its own path. */
function folderOf(files: readonly string[]): string {
  const dir = join(root, `tree-${trees++}`);
  mkdirSync(dir);
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), file);
  }
  return dir;
}

/** What Node's recursive `readdir` lists as files under `dir`, as `siteFiles` gives them. */
const nodeListing = (dir: string, ending: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(ending))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();

const name = fc.constantFrom('a', 'b', 'world', '2024', 'index.html', 'feed.xml', 'x.png');
const path = fc.array(name, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/'));
/** Paths of which none is a folder of another. */
const tree = fc
  .uniqueArray(path, { maxLength: 12 })
  .map((paths) => paths.filter((p) => !paths.some((other) => other !== p && other.startsWith(`${p}/`))));

describe('the files of a site', () => {
  it("are those Node's recursive listing finds, sorted, for any tree and any ending", () => {
    fc.assert(
      fc.property(tree, fc.constantFrom('', '.html', '.xml'), (files, ending) => {
        const dir = folderOf(files);
        expect(siteFiles(dir, ending)).toEqual(nodeListing(dir, ending));
      }),
      { numRuns: 60 },
    );
  });

  it('leave out links, which are not files of the site', () => {
    const dir = folderOf(['index.html']);
    symlinkSync(join(dir, 'index.html'), join(dir, 'link.html'));
    expect(siteFiles(dir, '.html')).toEqual(['index.html']);
  });

  it('come a folder before what it holds, and without a folder left out or anything in it', () => {
    const dir = folderOf(['world/2024/a/index.html', 'pagefind/2024/x.pf', 'index.html']);
    const asked: string[] = [];
    const walked = [
      ...walkSite(dir, (path) => {
        asked.push(path);
        return path === 'pagefind';
      }),
    ].map(([path]) => path);
    expect(walked.indexOf('world')).toBeLessThan(walked.indexOf('world/2024'));
    expect(walked.indexOf('world/2024/a')).toBeLessThan(walked.indexOf('world/2024/a/index.html'));
    expect(walked.sort()).toEqual(['index.html', 'world', 'world/2024', 'world/2024/a', 'world/2024/a/index.html']);
    expect(asked.filter((path) => path.startsWith('pagefind'))).toEqual(['pagefind']);
    expect(siteFiles(dir, '', (path) => path === 'pagefind')).toEqual(['index.html', 'world/2024/a/index.html']);
  });
});
