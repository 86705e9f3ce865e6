/** Real builds of a content folder other than the site's own, for build tests. */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { storeChangesFile } from '../../src/lib/render/content-sync';

export const project = join(import.meta.dirname, '../..');

/** The environment of a build of `content`: this process's, no telemetry, no colours, and `env` over them. */
export function buildEnvironment(content: string, env: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, BROADSIDE_CONTENT: content, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', ...env };
}

/**
 * Runs `npm run build` (or `script`: `publish`) of the content in `content`
 * into `outDir`, and gives back the exit code and everything it printed,
 * without colour codes or Markdown emphasis, so the output reads as an
 * editor sees it. `cwd` is the project to build: this one, unless a test
 * builds a copy; `env` adds to the build's environment.
 */
export function buildSite(
  content: string,
  outDir: string,
  cwd = project,
  env: Record<string, string> = {},
  script: 'build' | 'publish' = 'build',
): { status: number | null; output: string } {
  const result = spawnSync('npm', ['run', script, '--', '--outDir', outDir], {
    cwd,
    env: buildEnvironment(content, env),
    encoding: 'utf8',
    timeout: 240_000,
  });
  const output = `${result.stdout}\n${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, '').replaceAll('**', '');
  return { status: result.status, output };
}

/** Every file under `dir`, relative to it, sorted. */
export const siteFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();

/** The files of `dir` whose bytes differ from the file of the same name in `other`. */
export const differingFiles = (dir: string, other: string): string[] =>
  siteFiles(dir).filter((file) => !readFileSync(join(dir, file)).equals(readFileSync(join(other, file))));

/**
 * Deletes what a build of `content` kept to reuse (Astro's earlier pages,
 * the content store and the changes a publish kept beside it, the rendered bodies, the search index's parts), so the
 * next build renders the content afresh. The share cards stay: they are
 * drawn from what they show alone.
 */
export function forgetBuilds(content: string): void {
  for (const cached of ['incremental-build.json', 'broadside-search', 'data-store.json', 'broadside-bodies'])
    rmSync(join(content, '.astro-cache', cached), { recursive: true });
  // The changes a publish kept beside the store, if one ran since.
  rmSync(storeChangesFile(join(content, '.astro-cache', 'data-store.json')), { force: true });
}
