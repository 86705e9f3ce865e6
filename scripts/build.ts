/**
 * `npm run build [-- --outDir X]`: the Astro build, then the search index
 * (scripts/search-index.ts: Pagefind, in parts), then checks of the result
 * (scripts/build-checks.ts), all in a staging folder beside the target
 * (scripts/staged-output.ts). Only when all of them succeeded does the
 * staging folder take the target's place; on any failure it is deleted, the
 * target is left exactly as it was, and the last line says which step
 * failed and why.
 *
 * `npm run publish` (`--publish`) renders the pages of a change of content
 * with the bundle the last build kept (scripts/publish-pages.ts) into an
 * empty staging folder, indexes and checks them over the site in place,
 * and puts them into it (scripts/staged-output.ts, `applyChange`), so its
 * cost follows the change. What that cannot render goes to Astro's build,
 * over a copy of the site in place made of hard links
 * (scripts/site-record.ts), so Astro leaves the pages it keeps where they
 * are; then the steps after Astro's and the swap are a build's. Without a
 * record of the site in place it builds the whole site.
 *
 * With `npm run publish:service` running (scripts/publish-service.ts), the
 * render and search steps run in that process, which stays up, instead of
 * each in a process of its own; everything else is the same.
 *
 * The last line also says how long the build took, and each step's share,
 * so an editor (and the benchmark) sees where a publish spends its time.
 *
 * Astro's incremental build does not read the previous pages from the
 * output folder (it empties it first) but from its own copy in its cache
 * folder, so building into a fresh folder reuses as much as building in
 * place did, as long as that folder's name never changes (docs/decisions.md).
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { constants, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { readBuildArgs } from './build-args.ts';
import { checkBuildOutput } from './build-checks.ts';
import { phaseExitCode, phaseFailure, runPhase, withHeapLimit, type PhaseEnd } from './build-phase.ts';
import { buildCacheRoot } from '../src/lib/content/root.ts';
import { BUNDLE_OUT, OVER_LAST_SITE, RECORD_OUT, readPageRecord } from '../src/lib/render/record.ts';
import { siteCodeVersion } from '../src/lib/routes/site-code.ts';
import {
  bundleFolder,
  copyForPublish,
  deleteFiles,
  lastSiteRecord,
  missingFiles,
  NEEDS_ASTRO,
  newRecordFile,
  recordChange,
  recordChangeFile,
  siteRecordFile,
  type RecordChange,
  writeSiteRecord,
  type SiteRecord,
} from './site-record.ts';
import { PARTS_FILE, SEARCH_FOLDER, searchCacheDir } from './search-index.ts';
import { servedSetting, servedStep, serviceSocket } from './publish-service.ts';
import {
  applyChange,
  changeFile,
  changeMoves,
  discardOld,
  lockAstro,
  lockBuild,
  refusedTarget,
  replaceWithStaged,
  stagingFolder,
  type BuildLock,
} from './staged-output.ts';

const project = join(import.meta.dirname, '..');
const bin = (name: string) => join(project, 'node_modules/.bin', name);

const { target, astroArgs, publish } = readBuildArgs(process.argv.slice(2));
const staging = stagingFolder(target);
const recordFile = siteRecordFile(buildCacheRoot(project), target);
const newRecord = newRecordFile(recordFile);
const bundle = bundleFolder(recordFile);
const newBundle = `${bundle}.new`;
/** The target as short as it can be said: `dist/` rather than a full path. */
const fromHere = relative(process.cwd(), target);
const shownTarget = `${fromHere && !fromHere.startsWith('..') ? fromHere : target}/`;

let lock: BuildLock | undefined;

// Every step's Node process gets half the machine's memory for its heap, or Node's own limit if that is more.
process.env.NODE_OPTIONS = withHeapLimit(process.env.NODE_OPTIONS, totalmem(), getHeapStatistics().heap_size_limit);

/** Why the build stopped, the status it ends with, and what became of the target. */
class BuildFailure extends Error {
  readonly exitCode: number;
  readonly outcome: string;
  constructor(reason: string, exitCode: number, outcome = `${shownTarget} was left as it was`) {
    super(reason);
    this.exitCode = exitCode;
    this.outcome = outcome;
  }
}

/** Stops the build with `reason`: see the end of this file for what happens then. */
function fail(reason: string, exitCode: number, outcome?: string): never {
  throw new BuildFailure(reason, exitCode, outcome);
}

// A Ctrl-C or a stop from CI reaches the running step too; the build waits
// for it to end, then removes the staging folder, instead of dying first.
let running: ChildProcess | undefined;
let interruptedBy: NodeJS.Signals | undefined;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    interruptedBy = signal;
    running?.kill(signal);
  });
}

const startedAt = performance.now();
/** Each finished step and its time, in seconds, in order. */
const timings: [string, number][] = [];

/** Runs `work` as the step `phase` and keeps its time. */
async function timed<T>(phase: string, work: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  timings.push([phase, (performance.now() - started) / 1000]);
  return result;
}

/**
 * Runs one step; on failure (or after an interruption) ends the build with
 * the reason. Resolves `true` when it succeeded, `false` when it ended with
 * `declined`, the status with which a step says it leaves the work to another.
 */
async function step(phase: string, command: string, args: string[], declined?: number): Promise<boolean> {
  const end = await timed(phase, async () => {
    const served = command === process.execPath && args[0] ? await inService(args[0], args.slice(1)) : undefined;
    if (served) inTheService.push(phase);
    return served ?? runPhase(command, args, (child) => (running = child));
  });
  running = undefined;
  if (interruptedBy) fail(`interrupted by ${interruptedBy} during ${phase}`, 128 + constants.signals[interruptedBy]);
  if (declined !== undefined && end.code === declined) return false;
  const failure = phaseFailure(phase, end);
  if (failure) fail(failure, phaseExitCode(end));
  return true;
}

/** The version of the site's code (src/lib/routes/site-code.ts), once the build has read it. */
let siteCode: string | undefined;
/** What the publishing service must share with this build to run its steps (scripts/publish-service.ts), once asked. */
let setting: string | undefined;
/** The steps the publishing service ran. */
const inTheService: string[] = [];

/** Runs the step of `script` in the publishing service, when one is listening and takes it. */
function inService(script: string, args: string[]): Promise<PhaseEnd | undefined> {
  const socket = serviceSocket();
  if (!existsSync(socket)) return Promise.resolve(undefined);
  siteCode ??= siteCodeVersion(project);
  setting ??= servedSetting(siteCode, project);
  return servedStep(script, args, setting, socket);
}

async function build(): Promise<void> {
  const refusal = refusedTarget(target, [project, process.env.BROADSIDE_CONTENT ?? join(project, 'content')]);
  if (refusal) fail(`the output folder cannot be replaced: ${refusal}`, 1);
  try {
    lock = lockBuild(target);
  } catch (error) {
    fail((error as Error).message, 1);
  }
  for (const note of lock.recovered) console.log(`Build: ${note}.`);

  const code = siteCodeVersion(project);
  siteCode = code;
  let last: (() => SiteRecord) | undefined;
  if (publish) {
    const found = lastSiteRecord(recordFile, target, code);
    console.log(
      found.why
        ? `Publish: ${found.why}, so the whole site is built.`
        : `Publish: rendering only what changed in ${shownTarget}.`,
    );
    last = found.record;
  }
  // Astro records every page it generates and keeps the bundle that rendered them; a publish builds
  // over a copy of the site in place (docs/decisions.md).
  process.env[RECORD_OUT] = newRecord;
  process.env[BUNDLE_OUT] = newBundle;
  process.env[OVER_LAST_SITE] = last ? '1' : '';
  mkdirSync(dirname(newRecord), { recursive: true });
  for (const path of [newRecord, recordChangeFile(newRecord), newBundle])
    rmSync(path, { recursive: true, force: true });

  const hadTarget = existsSync(target);
  // A change to the content alone is rendered with the bundle that built the site in place, if the build
  // kept it, into an empty folder: the files of the change alone, put into the site in place at the end.
  let inPlace = false;
  if (last && existsSync(bundle)) {
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging);
    inPlace = await step(
      'render',
      process.execPath,
      [join(import.meta.dirname, 'publish-pages.ts'), staging, target, bundle, recordFile, newRecord],
      NEEDS_ASTRO,
    );
  }
  // The site the last swap replaced is deleted while Astro runs, before this build's own swap. A change put into
  // the site in place has no swap, and leaves it to the next build that has one.
  const discarding = inPlace ? Promise.resolve() : discardOld(target);
  discarding.catch(() => undefined);
  if (!inPlace) {
    if (last) {
      await timed('copy', () => copyForPublish(target, staging, project));
      // Astro keeps a page whose key matches its cache as it finds it in the output: a page rendered without it
      // since may be another version, so it goes, and Astro restores its own or renders it.
      deleteFiles(staging, last().rendered);
    }
    let releaseAstro: () => void;
    try {
      releaseAstro = lockAstro(project);
    } catch (error) {
      fail((error as Error).message, 1);
    }
    try {
      await step('Astro', bin('astro'), ['build', ...astroArgs, '--outDir', staging]);
    } finally {
      releaseAstro();
    }
  }
  // In place, the render step says which files its change adds (each must be in it) and removes; otherwise
  // the record of Astro's build names every file of the new site.
  const record = inPlace ? undefined : readPageRecord(newRecord);
  const { removed, added } = record
    ? { removed: last ? recordChange(last().pages, record.pages).removed : [], added: Object.values(record.pages) }
    : (JSON.parse(readFileSync(recordChangeFile(newRecord), 'utf8')) as RecordChange);
  if (last && !inPlace) deleteFiles(staging, removed);
  const missing = missingFiles(staging, added);
  if (missing.length > 0)
    fail(
      `the record of the pages names ${missing.length} file(s) the build did not write (${missing.slice(0, 3).join(', ')}): Astro's output names may have changed (docs/upgrading-astro.md)`,
      1,
    );
  await step('Pagefind', process.execPath, [
    join(import.meta.dirname, 'search-index.ts'),
    staging,
    searchCacheDir(),
    ...(inPlace ? [target, newRecord] : []),
  ]);
  const underChange = inPlace ? { site: target, deleted: new Set(removed) } : undefined;
  const problems = await timed('checks', () => checkBuildOutput(staging, underChange));
  if (problems.length > 0) {
    console.error(`\nThe built site failed ${problems.length} check(s):\n${problems.map((p) => `  ${p}`).join('\n')}`);
    fail(`${problems.length} output check(s) failed (listed above)`, 1);
  }
  if (interruptedBy) fail(`interrupted by ${interruptedBy}`, 128 + constants.signals[interruptedBy]);
  if (inPlace) {
    try {
      await timed('apply', () => {
        // The record, written by the render step with the site's stamps, goes into place with the change.
        const deletions = [...removed, ...droppedParts(target, staging)];
        const moves = changeMoves(staging, target, [PARTS_FILE]);
        applyChange({ staging, target, moves, deletions, record: [newRecord, recordFile] });
      });
      rmSync(recordChangeFile(newRecord), { force: true });
    } catch (error) {
      const begun = existsSync(changeFile(target));
      fail(
        `the change could not be put into the site in place (${(error as Error).message})`,
        1,
        begun
          ? `${shownTarget} holds part of the change: the next build or publish finishes putting it in place`
          : undefined,
      );
    }
    lock.release();
    return;
  }
  try {
    await timed('swap', async () => {
      await discarding;
      // Written first: should the swap fail, the record names the staging folder, not the site in place.
      // Astro's bundle goes in before the record that says which code built it.
      if (existsSync(newBundle)) {
        rmSync(bundle, { recursive: true, force: true });
        renameSync(newBundle, bundle);
      }
      writeSiteRecord(recordFile, staging, code, record!);
      replaceWithStaged(staging, target);
    });
    rmSync(newRecord, { force: true });
  } catch (error) {
    const { message } = error as Error;
    const outcome = hadTarget && !existsSync(target) ? `${shownTarget} is missing: see above` : undefined;
    fail(`the new site could not take the place of the old one (${message})`, 1, outcome);
  }
  lock.release();
}

/** The search parts of the site in place that the change's list of parts no longer names, as folders of the site. */
function droppedParts(target: string, change: string): string[] {
  const listed = (site: string): string[] => {
    try {
      return JSON.parse(readFileSync(join(site, PARTS_FILE), 'utf8')) as string[];
    } catch {
      return [];
    }
  };
  const kept = new Set(listed(change));
  return listed(target)
    .filter((part) => !kept.has(part))
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter((part) => part.startsWith(`${SEARCH_FOLDER}/`));
}

// On failure the staging folder goes, the target stays, and the last line
// says why. The process ends by its exit code once its output is written,
// never by `process.exit()`, which drops whatever a pipe (CI's log) has not
// taken yet: the end of a long list of problems.
try {
  await build();
  const seconds = (value: number) => `${value.toFixed(1)} s`;
  const steps = timings.map(([phase, time]) => `${phase} ${seconds(time)}`).join(', ');
  const served = inTheService.length > 0 ? ` (${inTheService.join(' and ')} in the publishing service)` : '';
  console.log(`\nTook ${seconds((performance.now() - startedAt) / 1000)}: ${steps}${served}.`);
  console.log(`Build succeeded: ${shownTarget} now holds the new site.`);
} catch (error) {
  if (!(error instanceof BuildFailure)) console.error(error);
  const failure =
    error instanceof BuildFailure
      ? error
      : new BuildFailure(`the build script itself failed (${(error as Error).message})`, 1);
  // A change the journal holds stays in the staging folder, for the next build to finish putting in place.
  const halfApplied = existsSync(changeFile(target));
  if (lock)
    // The journal renames the new record into place with the rest.
    for (const path of halfApplied ? [newBundle] : [staging, newRecord, recordChangeFile(newRecord), newBundle])
      rmSync(path, { recursive: true, force: true });
  lock?.release();
  console.error(`\nBuild failed: ${failure.message}; ${failure.outcome}.`);
  process.exitCode = failure.exitCode;
}
