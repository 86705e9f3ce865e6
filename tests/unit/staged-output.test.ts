/**
 * A build writes beside its target and takes the target's place only by
 * renames; a failed swap, or a build killed before it could clean up, never
 * costs the last good build, and two builds never share a staging folder.
 * A publish's change goes into the site in place by a journal and renames,
 * and one killed half way is finished by the next build.
 */
import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  applyChange,
  changeFile,
  changeMoves,
  discardedFolder,
  discardOld,
  finishChange,
  astroLockFile,
  lockAstro,
  lockBuild,
  lockFile,
  previousFolder,
  refusedTarget,
  replaceWithStaged,
  stagingFolder,
} from '../../scripts/staged-output';
import { siteFiles } from '../../scripts/site-files';

const root = mkdtempSync(join(tmpdir(), 'broadside-staged-output-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A folder holding one `index.html` that says `text`. */
function site(path: string, text: string): string {
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, 'index.html'), text);
  return path;
}

const page = (folder: string) => readFileSync(join(folder, 'index.html'), 'utf8');

/** A process id that is certainly not running: above the kernel's largest. */
const DEAD_PID = 4_194_305;

/** The lock of a build killed outright: its file is still there, its process is not. */
const abandonedLock = (target: string) => writeFileSync(lockFile(target), String(DEAD_PID));

describe('the staging folder', () => {
  it('is hidden beside the target, on the same file system, under a name that never changes', () => {
    expect(stagingFolder('/srv/site/dist')).toBe('/srv/site/.dist.staging');
    expect(previousFolder('/srv/site/dist')).toBe('/srv/site/.dist.previous');
    expect(discardedFolder('/srv/site/dist')).toBe('/srv/site/.dist.discarded');
    expect(lockFile('/srv/site/dist')).toBe('/srv/site/.dist.lock');
  });
});

describe('the swap', () => {
  it('puts the new build in the place of the old one, and leaves the old one aside to be deleted', async () => {
    const parent = join(root, 'swap');
    const target = site(join(parent, 'dist'), 'old');
    site(stagingFolder(target), 'new');
    replaceWithStaged(stagingFolder(target), target);
    expect(page(target)).toBe('new');
    expect(readdirSync(parent)).toEqual(['.dist.discarded', 'dist']);
    expect(page(discardedFolder(target))).toBe('old');
    await discardOld(target);
    expect(readdirSync(parent)).toEqual(['dist']);
    await expect(discardOld(target), 'nothing to delete is no failure').resolves.toBeUndefined();
  });

  it('refuses to start while the site the last swap replaced is still there, touching nothing', () => {
    const parent = join(root, 'not-discarded');
    const target = site(join(parent, 'dist'), 'current');
    site(discardedFolder(target), 'replaced');
    site(stagingFolder(target), 'new');
    expect(() => replaceWithStaged(stagingFolder(target), target)).toThrow(
      /\.dist\.discarded, the site the last build replaced, is not deleted yet/,
    );
    expect(page(target)).toBe('current');
    expect(page(stagingFolder(target))).toBe('new');
    expect(page(discardedFolder(target))).toBe('replaced');
  });

  it('renames the first build into place when there was no target yet', () => {
    const parent = join(root, 'first');
    const target = join(parent, 'dist');
    site(stagingFolder(target), 'new');
    replaceWithStaged(stagingFolder(target), target);
    expect(page(target)).toBe('new');
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  it('puts the old build back when the new one cannot be renamed in', () => {
    const parent = join(root, 'failed-swap');
    const target = site(join(parent, 'dist'), 'old');
    expect(() => replaceWithStaged(join(parent, 'no-such-staging'), target)).toThrow(/ENOENT/);
    expect(page(target)).toBe('old');
    expect(readdirSync(parent)).toEqual(['dist']);
  });
});

describe('the build lock', () => {
  it('is taken, and given up, beside the target, creating the folder the target goes in', () => {
    const parent = join(root, 'lock', 'out');
    const target = join(parent, 'dist');
    const lock = lockBuild(target);
    expect(readdirSync(parent)).toEqual(['.dist.lock']);
    expect(readFileSync(lockFile(target), 'utf8')).toBe(String(process.pid));
    lock.release();
    expect(readdirSync(parent)).toEqual([]);
  });

  it('refuses a second build while the first one is running', () => {
    const target = join(root, 'busy', 'dist');
    mkdirSync(join(target, '..'));
    // The test's parent process is certainly alive, and is not this one.
    writeFileSync(lockFile(target), String(process.ppid));
    expect(() => lockBuild(target)).toThrow(`another build for ${target} is running (process ${process.ppid}`);
    expect(readFileSync(lockFile(target), 'utf8')).toBe(String(process.ppid));
  });

  it('takes over the lock of a build that was killed, and tidies what it left', () => {
    const parent = join(root, 'abandoned-staging');
    const target = site(join(parent, 'dist'), 'good');
    site(stagingFolder(target), 'half-written');
    abandonedLock(target);
    const lock = lockBuild(target);
    expect(lock.recovered).toEqual([
      expect.stringMatching(/^deleted .*\.dist\.staging, left by an interrupted build$/),
    ]);
    lock.release();
    expect(readdirSync(parent)).toEqual(['dist']);
    expect(page(target)).toBe('good');
  });

  it('takes over a lock file that names no process', () => {
    const target = join(root, 'garbled', 'dist');
    mkdirSync(join(target, '..'));
    writeFileSync(lockFile(target), '');
    expect(() => lockBuild(target).release()).not.toThrow();
  });

  it('puts back the last good build when a build died between the two renames', () => {
    const parent = join(root, 'between-renames');
    const target = join(parent, 'dist');
    site(previousFolder(target), 'good');
    site(stagingFolder(target), 'new');
    abandonedLock(target);
    lockBuild(target).release();
    expect(readdirSync(parent)).toEqual(['dist']);
    expect(page(target)).toBe('good');
  });

  it('deletes an old build left after the swap, once the new one is in place', () => {
    const parent = join(root, 'after-swap');
    const target = site(join(parent, 'dist'), 'new');
    site(previousFolder(target), 'old');
    abandonedLock(target);
    lockBuild(target).release();
    expect(readdirSync(parent)).toEqual(['dist']);
    expect(page(target)).toBe('new');
  });

  it('leaves the folders of other targets alone', () => {
    const parent = join(root, 'others');
    const target = site(join(parent, 'dist'), 'good');
    site(stagingFolder(join(parent, 'other')), 'not ours');
    lockBuild(target).release();
    expect(existsSync(stagingFolder(join(parent, 'other')))).toBe(true);
  });
});

describe("the lock on Astro's build in a project", () => {
  it("is taken in the project's .astro/ folder, made if need be, and given up", () => {
    const project = join(root, 'astro-lock');
    const release = lockAstro(project);
    expect(readFileSync(astroLockFile(project), 'utf8')).toBe(String(process.pid));
    release();
    expect(readdirSync(join(project, '.astro'))).toEqual([]);
  });

  it('refuses a second build of the project while the first runs Astro, for whatever target', () => {
    const project = join(root, 'astro-busy');
    mkdirSync(join(project, '.astro'), { recursive: true });
    writeFileSync(astroLockFile(project), String(process.ppid));
    expect(() => lockAstro(project)).toThrow(
      `another build of ${project} is running Astro's build (process ${process.ppid}; its lock is ${astroLockFile(project)})`,
    );
    expect(readFileSync(astroLockFile(project), 'utf8')).toBe(String(process.ppid));
  });

  it('takes over the lock of a build that was killed', () => {
    const project = join(root, 'astro-abandoned');
    mkdirSync(join(project, '.astro'), { recursive: true });
    writeFileSync(astroLockFile(project), String(DEAD_PID));
    const release = lockAstro(project);
    expect(readFileSync(astroLockFile(project), 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(astroLockFile(project))).toBe(false);
  });

  it('is not given up by a process that does not hold it', () => {
    const project = join(root, 'astro-taken-over');
    const release = lockAstro(project);
    writeFileSync(astroLockFile(project), String(process.ppid));
    release();
    expect(readFileSync(astroLockFile(project), 'utf8')).toBe(String(process.ppid));
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

describe('a change put into the site in place', () => {
  /** A site of a front page, an article and a search part, and a change to it in the staging folder. */
  function siteAndChange(name: string) {
    const target = join(root, name, 'dist');
    const staging = stagingFolder(target);
    const write = (folder: string, path: string, text: string) => {
      mkdirSync(join(folder, path, '..'), { recursive: true });
      writeFileSync(join(folder, path), text);
    };
    write(target, 'index.html', 'front page');
    write(target, 'world/2022/05/23/diplomat/index.html', 'diplomat');
    write(target, 'world/2021/03/04/harbour/index.html', 'harbour, retracted');
    write(target, 'pagefind/2021.aaa/pagefind.js', 'old part');
    write(target, 'pagefind/parts.json', '["/pagefind/2021.aaa/"]');
    write(staging, 'index.html', 'front page, corrected');
    write(staging, 'world/2025/11/29/new/index.html', 'new article');
    write(staging, 'pagefind/2021.bbb/pagefind.js', 'new part');
    write(staging, 'pagefind/parts.json', '["/pagefind/2021.bbb/"]');
    write(root, `${name}/record.pending`, 'the new record');
    const change = {
      staging,
      target,
      moves: changeMoves(staging, target, ['pagefind/parts.json']),
      deletions: ['world/2021/03/04/harbour/index.html', 'pagefind/2021.aaa'],
      record: [join(root, name, 'record.pending'), join(root, name, 'record.json')] as [string, string],
    };
    return { target, staging, change };
  }

  /** What the site holds once the change is in place. */
  const changed = {
    'index.html': 'front page, corrected',
    'pagefind/2021.bbb/pagefind.js': 'new part',
    'pagefind/parts.json': '["/pagefind/2021.bbb/"]',
    'world/2022/05/23/diplomat/index.html': 'diplomat',
    'world/2025/11/29/new/index.html': 'new article',
  };
  const contents = (folder: string) =>
    Object.fromEntries(siteFiles(folder, '').map((path) => [path, readFileSync(join(folder, path), 'utf8')]));

  it('moves a folder the site lacks whole, each other file alone, and the list of search parts last', () => {
    const { target, staging } = siteAndChange('moves');
    expect(changeMoves(staging, target, ['pagefind/parts.json'])).toEqual([
      'index.html',
      'pagefind/2021.bbb',
      'world/2025',
      'pagefind/parts.json',
    ]);
  });

  it('renames each new file over the old one, deletes what goes with the folders it empties, and tidies up', () => {
    const { target, staging, change } = siteAndChange('apply');
    const linkedFront = join(root, 'apply', 'front-before.html');
    linkSync(join(target, 'index.html'), linkedFront);
    applyChange(change);
    expect(contents(target)).toEqual(changed);
    // The old front page's file was replaced, never written into.
    expect(readFileSync(linkedFront, 'utf8')).toBe('front page');
    expect(existsSync(join(target, 'world/2021'))).toBe(false);
    expect(readFileSync(join(root, 'apply', 'record.json'), 'utf8')).toBe('the new record');
    expect(existsSync(staging)).toBe(false);
    expect(existsSync(changeFile(target))).toBe(false);
  });

  it('is finished by the next build to take the lock when a publish was killed half way', () => {
    const { target, change } = siteAndChange('killed');
    // The journal is written, two of the moves are done, then the process dies.
    writeFileSync(changeFile(target), JSON.stringify(change));
    for (const path of change.moves.slice(0, 2)) renameSync(join(change.staging, path), join(target, path));
    abandonedLock(target);
    const lock = lockBuild(target);
    expect(lock.recovered).toEqual([
      `finished putting into ${target} the change an interrupted publish had begun to put there`,
    ]);
    lock.release();
    expect(contents(target)).toEqual(changed);
    expect(existsSync(changeFile(target))).toBe(false);
  });

  it('finishes a change already finished without harm', () => {
    const { target, change } = siteAndChange('twice');
    applyChange(change);
    writeFileSync(changeFile(target), JSON.stringify(change));
    finishChange(changeFile(target));
    expect(contents(target)).toEqual(changed);
  });
});
