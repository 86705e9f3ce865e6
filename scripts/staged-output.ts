/**
 * The folder a build writes into and how it takes the place of the last good
 * one. A build writes a hidden staging folder beside its target, on the same
 * file system, so that when every step has succeeded the swap is renames:
 * the old folder away, the new one in, and the old one renamed once more to
 * be discarded. At no moment is a half-written tree at the target's path; a
 * build that fails deletes its staging folder and never touches the target.
 *
 * Deleting a site takes time that grows with it (about a minute at 50,000
 * articles), so the swap does not wait for it: the next build through
 * Astro deletes the discarded site while Astro runs (`discardOld`), and
 * waits for that before its own swap. A publish put into the site in place
 * has no swap, and leaves it there.
 *
 * The staging folder has the same name every time: Astro writes the output
 * folder's path into its image module, and its incremental build re-renders
 * every page whose modules changed, so a new name per build would re-render
 * every page with an image. A lock file beside the target keeps a second
 * build from writing into the same staging folder at once, and one in the
 * project's `.astro/` keeps two builds of one project from running Astro's
 * build at once.
 *
 * A publish rendered without Astro's build (scripts/publish-pages.ts)
 * writes the files of its change alone, and when every step has succeeded
 * puts them into the site in place (`applyChange`): a journal first, then a
 * rename per file, so the cost follows the change, not the archive.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, parse, relative, resolve, sep } from 'node:path';
import { walkSite } from './site-files.ts';
import { deleteFiles } from './site-record.ts';

const beside = (target: string, suffix: string) => join(dirname(target), `.${basename(target)}.${suffix}`);

/** Where a build for `target` writes: beside it, hidden, under a name that does not change between builds. */
export const stagingFolder = (target: string) => beside(target, 'staging');

/** Where the last good build waits between the renames of a swap, before it is discarded. */
export const previousFolder = (target: string) => beside(target, 'previous');

/** Where the site a swap replaced waits for the next build to delete it. */
export const discardedFolder = (target: string) => beside(target, 'discarded');

/** The file that says which process is building for `target`. */
export const lockFile = (target: string) => beside(target, 'lock');

/**
 * Why `target` must not be replaced wholesale, or `undefined` when it may.
 * The swap deletes whatever was at the target, so the target can be neither
 * a file system root nor a folder holding something the build needs (the
 * project, its content, the folder it runs in).
 */
export function refusedTarget(target: string, kept: readonly string[]): string | undefined {
  const folder = resolve(target);
  if (folder === parse(folder).root) return `${folder} is the root of the file system`;
  for (const path of kept.map((keptPath) => resolve(keptPath))) {
    const fromTarget = relative(folder, path);
    const outside = fromTarget === '..' || fromTarget.startsWith(`..${sep}`) || isAbsolute(fromTarget);
    if (!outside) return `${folder} holds ${path}, which a build must not delete`;
  }
  return undefined;
}

/** Whether the process `pid` is running, under this user or another. */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Tidies what a build killed outright (with no chance to clean up) left
 * beside `target`: its staging folder is deleted, and the last good build,
 * if it was caught between the two renames of the swap, is put back. Only
 * called by the holder of the lock. Returns what it did, for the log.
 */
function recoverAbandonedFolders(target: string): string[] {
  const done: string[] = [];
  const journal = changeFile(target);
  if (existsSync(journal)) {
    finishChange(journal);
    done.push(`finished putting into ${target} the change an interrupted publish had begun to put there`);
  }
  const previous = previousFolder(target);
  if (existsSync(previous)) {
    if (existsSync(target)) {
      rmSync(previous, { recursive: true, force: true });
      done.push(`deleted ${previous}, the old build an interrupted build had already replaced`);
    } else {
      renameSync(previous, target);
      done.push(`put back the last good build from ${previous}, where an interrupted build had left it`);
    }
  }
  const staging = stagingFolder(target);
  if (existsSync(staging)) {
    rmSync(staging, { recursive: true, force: true });
    done.push(`deleted ${staging}, left by an interrupted build`);
  }
  return done;
}

export interface BuildLock {
  /** What was tidied up after an earlier build that was killed, for the log. */
  recovered: string[];
  /** Gives the lock up; the build calls it however it ends. */
  release: () => void;
}

/**
 * Writes this process's id into `lock`, or throws `busy(holder)` when a
 * process that is still running holds it. A lock left by a process that is
 * gone (killed outright) is taken over. Returns how to give it up.
 */
function takeLock(lock: string, busy: (holder: number) => string, pid: number): () => void {
  mkdirSync(dirname(lock), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(lock, String(pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lock, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && holder !== pid && processIsAlive(holder)) {
        throw new Error(busy(holder), { cause: error });
      }
      if (attempt > 0) throw error;
      rmSync(lock, { force: true });
    }
  }
  return () => {
    if (existsSync(lock) && readFileSync(lock, 'utf8') === String(pid)) unlinkSync(lock);
  };
}

/**
 * Takes the lock on building for `target`, or throws when a build that is
 * still running holds it. A lock left by a process that is gone is taken
 * over, and what that build left is tidied first.
 */
export function lockBuild(target: string, pid = process.pid): BuildLock {
  const lock = lockFile(target);
  const release = takeLock(
    lock,
    (holder) => `another build for ${target} is running (process ${holder}; its lock is ${lock})`,
    pid,
  );
  return { recovered: recoverAbandonedFolders(target), release };
}

/** The lock on Astro's build in `project`, in the folder of Astro's own build files. */
export const astroLockFile = (project: string) => join(project, '.astro', 'build.lock');

/**
 * Takes the lock on Astro's build in `project`, or throws when another
 * build is running it there: builds for different targets write the same
 * files of Astro's in the project's `.astro/` (the bundle it renders with
 * among them), so two at once would each find the other's. Returns how to
 * give it up.
 */
export function lockAstro(project: string, pid = process.pid): () => void {
  const lock = astroLockFile(project);
  return takeLock(
    lock,
    (holder) =>
      `another build of ${project} is running Astro's build (process ${holder}; its lock is ${lock}): builds of one project share its .astro/ folder, so they run it one at a time`,
    pid,
  );
}

/**
 * Deletes the site the last swap discarded, in the background: the build
 * starts it as soon as it holds the lock and awaits it before its own swap.
 */
export function discardOld(target: string): Promise<void> {
  return rm(discardedFolder(target), { recursive: true, force: true });
}

/**
 * Puts the finished build at `staging` in the place of `target`: the old
 * target is renamed away, the staging folder renamed in, then the old one
 * renamed to the discarded folder, for the next build to delete. If the
 * second rename fails, the old target is renamed back, so a failed swap
 * leaves it as it was. A target that does not exist yet is simply renamed
 * into place. The discarded folder must be gone already (`discardOld`).
 */
export function replaceWithStaged(staging: string, target: string, previous = previousFolder(target)): void {
  const discarded = discardedFolder(target);
  if (existsSync(discarded)) throw new Error(`${discarded}, the site the last build replaced, is not deleted yet`);
  let movedAway = false;
  try {
    renameSync(target, previous);
    movedAway = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  try {
    renameSync(staging, target);
  } catch (error) {
    if (movedAway) {
      try {
        renameSync(previous, target);
      } catch {
        throw new Error(`${(error as Error).message}; the last good build is at ${previous}: rename it back`);
      }
    }
    throw error;
  }
  if (movedAway) renameSync(previous, discarded);
}

/** The journal of a change being put into the site at `target` in place (`applyChange`). */
export const changeFile = (target: string) => beside(target, 'change.json');

/**
 * A change to the site in place: the new files in the staging folder, at
 * their paths in the site, and the paths of the site that go. A publish
 * rendered without Astro's build writes only the files of its change, so
 * it changes the site in place rather than replacing it whole.
 */
export interface SiteChange {
  staging: string;
  target: string;
  /** What moves from the staging folder into the site, in order: a file, or a folder the site lacks, whole. */
  moves: string[];
  /** The paths of the site to delete after the moves, a folder with all it holds. */
  deletions: string[];
  /** A file to rename into place once the site holds the change (the record of its pages): `[from, to]`. */
  record?: [string, string];
}

/**
 * What of the staging folder moves into `target`, in order: each file, or
 * a folder the site lacks whole (a new article's folder, a search part),
 * and `last` (the list of search parts) after everything else, so that no
 * file names one that is not in place yet.
 */
export function changeMoves(staging: string, target: string, last: readonly string[] = []): string[] {
  const moves: string[] = [];
  const movedWhole: string[] = [];
  for (const [path, entry] of walkSite(staging, (path) => movedWhole.some((folder) => path.startsWith(`${folder}/`)))) {
    if (entry.isDirectory()) {
      if (!existsSync(join(target, path))) {
        movedWhole.push(path);
        moves.push(path);
      }
    } else moves.push(path);
  }
  return [...moves.filter((path) => !last.includes(path)), ...moves.filter((path) => last.includes(path))];
}

/**
 * Puts `change` into the site in place: its journal is written first, whole
 * or not at all, then each file is renamed over the one it replaces (a
 * rename replaces a file at once, so a reader gets the old page or the new,
 * never part of one), the deleted paths go, the record goes into place, and
 * the journal last. A build killed on the way leaves the journal, and the
 * next build to take the lock finishes the change (`finishChange`) before
 * anything else.
 */
export function applyChange(change: SiteChange, journal = changeFile(change.target)): void {
  writeFileSync(`${journal}.writing`, JSON.stringify(change));
  renameSync(`${journal}.writing`, journal);
  finishChange(journal);
}

/** Finishes the change the journal `journal` holds; each step is skipped if done, so it can run again after a crash. */
export function finishChange(journal: string): void {
  const { staging, target, moves, deletions, record } = JSON.parse(readFileSync(journal, 'utf8')) as SiteChange;
  for (const path of moves) {
    const from = join(staging, path);
    if (!existsSync(from)) continue;
    mkdirSync(dirname(join(target, path)), { recursive: true });
    renameSync(from, join(target, path));
  }
  deleteFiles(target, deletions);
  if (record && existsSync(record[0])) renameSync(record[0], record[1]);
  rmSync(staging, { recursive: true, force: true });
  rmSync(journal, { force: true });
}
