/**
 * A build writes beside its target and takes the target's place only by
 * renames; a failed swap, or a build killed before it could clean up, never
 * costs the last good build.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  previousFolder,
  recoverAbandonedFolders,
  refusedTarget,
  replaceWithStaged,
  stagingFolder,
} from '../../scripts/staged-output';

const root = mkdtempSync(join(tmpdir(), 'broadside-staged-output-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A folder holding one `index.html` that says `text`. */
function site(path: string, text: string): string {
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, 'index.html'), text);
  return path;
}

/** A process id that is certainly not running: above the kernel's largest. */
const DEAD_PID = 4_194_305;

describe('the staging folder', () => {
  it('is hidden beside the target, on the same file system, and names the build that writes it', () => {
    expect(stagingFolder('/srv/site/dist', 42)).toBe('/srv/site/.dist.staging-42');
    expect(previousFolder('/srv/site/dist', 42)).toBe('/srv/site/.dist.previous-42');
  });
});

describe('the swap', () => {
  it('puts the new build in the place of the old one and deletes the old one', () => {
    const parent = join(root, 'swap');
    const target = site(join(parent, 'dist'), 'old');
    site(stagingFolder(target), 'new');
    replaceWithStaged(stagingFolder(target), target);
    expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe('new');
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  it('renames the first build into place when there was no target yet', () => {
    const parent = join(root, 'first');
    const target = join(parent, 'dist');
    site(stagingFolder(target), 'new');
    replaceWithStaged(stagingFolder(target), target);
    expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe('new');
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  it('puts the old build back when the new one cannot be renamed in', () => {
    const parent = join(root, 'failed-swap');
    const target = site(join(parent, 'dist'), 'old');
    expect(() => replaceWithStaged(join(parent, 'no-such-staging'), target)).toThrow(/ENOENT/);
    expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe('old');
    expect(readdirSync(parent)).toEqual(['dist']);
  });
});

describe('what an interrupted build left', () => {
  it('deletes a dead build’s staging folder and leaves the target alone', () => {
    const parent = join(root, 'abandoned-staging');
    const target = site(join(parent, 'dist'), 'good');
    site(stagingFolder(target, DEAD_PID), 'half');
    expect(recoverAbandonedFolders(target)).toEqual([expect.stringMatching(/^deleted .*\.dist\.staging-4194305/)]);
    expect(readdirSync(parent)).toEqual(['dist']);
    expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe('good');
  });

  it('puts back the last good build when a build died between the two renames', () => {
    const parent = join(root, 'between-renames');
    const target = join(parent, 'dist');
    site(previousFolder(target, DEAD_PID), 'good');
    site(stagingFolder(target, DEAD_PID), 'new');
    recoverAbandonedFolders(target);
    expect(readdirSync(parent)).toEqual(['dist']);
    expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe('good');
  });

  it('deletes an old build left after the swap, once the new one is in place', () => {
    const parent = join(root, 'after-swap');
    const target = site(join(parent, 'dist'), 'new');
    site(previousFolder(target, DEAD_PID), 'old');
    recoverAbandonedFolders(target);
    expect(readdirSync(parent)).toEqual(['dist']);
    expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe('new');
  });

  it('leaves the folders of a build still running, and folders of other targets', () => {
    const parent = join(root, 'running');
    const target = site(join(parent, 'dist'), 'good');
    site(stagingFolder(target, process.pid), 'in progress');
    site(stagingFolder(join(parent, 'other'), DEAD_PID), 'not ours');
    expect(recoverAbandonedFolders(target)).toEqual([]);
    expect(existsSync(stagingFolder(target, process.pid))).toBe(true);
    expect(existsSync(stagingFolder(join(parent, 'other'), DEAD_PID))).toBe(true);
  });

  it('has nothing to do when the target’s folder does not exist yet', () => {
    expect(recoverAbandonedFolders(join(root, 'nowhere', 'dist'))).toEqual([]);
  });
});

describe('targets a swap must never replace', () => {
  const kept = ['/work/site', '/work/site/content'];

  it('accepts a folder of its own, inside the project or anywhere else', () => {
    expect(refusedTarget('/work/site/dist', kept)).toBeUndefined();
    expect(refusedTarget('/tmp/out', kept)).toBeUndefined();
    expect(refusedTarget('/work/site-dist', kept)).toBeUndefined();
    expect(refusedTarget('/work/site/..dist', kept)).toBeUndefined();
  });

  it.each([
    ['the project itself', '/work/site'],
    ['a folder holding the project', '/work'],
    ['the content folder', '/work/site/content'],
    ['the root of the file system', '/'],
  ])('refuses %s', (_, target) => {
    expect(refusedTarget(target, kept)).toMatch(/holds|root of the file system/);
  });
});
