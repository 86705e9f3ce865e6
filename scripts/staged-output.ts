/**
 * The folder a build writes into and how it takes the place of the last good
 * one. A build writes a hidden staging folder beside its target, on the same
 * file system, so that when every step has succeeded the swap is two
 * renames: the old folder away, the new one in, and only then the old one
 * deleted. At no moment is a half-written tree at the target's path; a build
 * that fails deletes its staging folder and never touches the target.
 */
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, parse, relative, resolve, sep } from 'node:path';

/** Where a build for `target` writes: beside it, hidden, named for the process that writes it. */
export function stagingFolder(target: string, pid = process.pid): string {
  return join(dirname(target), `.${basename(target)}.staging-${pid}`);
}

/** Where the last good build waits, between the two renames of a swap, to be deleted. */
export function previousFolder(target: string, pid = process.pid): string {
  return join(dirname(target), `.${basename(target)}.previous-${pid}`);
}

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
    if (!outside) {
      return `${folder} holds ${path}, which a build must not delete`;
    }
  }
  return undefined;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Tidies what a build that was killed outright (no chance to clean up) left
 * beside `target`: its staging folder is deleted, and the last good build,
 * if it was caught between the two renames of the swap, is put back. Folders
 * of a build still running are left alone. Returns what it did, for the log.
 */
export function recoverAbandonedFolders(target: string): string[] {
  const parent = dirname(target);
  const pattern = new RegExp(`^\\.${RegExp.escape(basename(target))}\\.(staging|previous)-(\\d+)$`);
  const done: string[] = [];
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return done;
  }
  for (const name of names) {
    const match = pattern.exec(name);
    if (!match || processIsAlive(Number(match[2]))) continue;
    const folder = join(parent, name);
    if (match[1] === 'previous' && !existsSync(target)) {
      renameSync(folder, target);
      done.push(`put back the last good build from ${folder}, left by an interrupted build`);
    } else {
      rmSync(folder, { recursive: true, force: true });
      done.push(`deleted ${folder}, left by an interrupted build`);
    }
  }
  return done;
}

/**
 * Puts the finished build at `staging` in the place of `target`: the old
 * target is renamed away, the staging folder renamed in, then the old one
 * deleted. If the second rename fails, the old target is renamed back, so a
 * failed swap leaves it as it was. A target that does not exist yet is
 * simply renamed into place.
 */
export function replaceWithStaged(staging: string, target: string, previous = previousFolder(target)): void {
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
  if (movedAway) rmSync(previous, { recursive: true, force: true });
}
