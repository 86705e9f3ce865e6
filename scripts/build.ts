/**
 * `npm run build`: the Astro build with the arguments given (`--outDir`
 * included), then Pagefind's search index over the pages it wrote. A failed
 * Astro build stops here with its own exit code and messages.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const args = process.argv.slice(2);
const bin = (name: string) => join(import.meta.dirname, '../node_modules/.bin', name);

/** Where the pages go: `--outDir <dir>` or `--outDir=<dir>`, else Astro's default. */
function outDir(argv: string[]): string {
  for (const [index, arg] of argv.entries()) {
    if (arg === '--outDir' && argv[index + 1]) return argv[index + 1]!;
    if (arg.startsWith('--outDir=')) return arg.slice('--outDir='.length);
  }
  return 'dist';
}

const run = (command: string, commandArgs: string[]) =>
  spawnSync(command, commandArgs, { stdio: 'inherit' }).status ?? 1;

const built = run(bin('astro'), ['build', ...args]);
if (built !== 0) process.exit(built);
process.exit(run(bin('pagefind'), ['--site', outDir(args)]));
