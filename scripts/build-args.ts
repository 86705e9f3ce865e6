/**
 * The build's command line: `npm run build [-- --outDir X] [Astro's own
 * flags]` (`npm run publish` adds `--publish`). The build writes into a
 * staging folder, so it takes the folder the site is meant for, and its own
 * `--publish`, out of the arguments and gives Astro the others, as they
 * were, with the staging folder in its place.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

export interface BuildArgs {
  /** The folder the finished site replaces: `--outDir`, resolved as Astro does (against `--root`). */
  target: string;
  /** Every other argument, for Astro, in the order given. */
  astroArgs: string[];
  /** `--publish`: render only the pages that changed since the site in place was built (`npm run publish`). */
  publish: boolean;
}

/**
 * Reads `--outDir <dir>` or `--outDir=<dir>` (the last one wins, as in
 * Astro) out of `argv`. A relative folder is resolved against `--root`, else
 * `cwd`, because that is where Astro would have put it; without one the
 * site goes to `dist/`, Astro's default.
 */
export function readBuildArgs(argv: readonly string[], cwd = process.cwd()): BuildArgs {
  const { values, tokens } = parseArgs({
    args: [...argv],
    options: { outDir: { type: 'string' }, root: { type: 'string' }, publish: { type: 'boolean' } },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const ours = new Set<number>();
  for (const token of tokens) {
    if (token.kind === 'option' && token.name === 'publish') ours.add(token.index);
    if (token.kind !== 'option' || token.name !== 'outDir') continue;
    ours.add(token.index);
    // `--outDir X` is two arguments, `--outDir=X` one.
    if (token.inlineValue === false) ours.add(token.index + 1);
  }
  const outDir = typeof values.outDir === 'string' ? values.outDir : 'dist';
  const root = typeof values.root === 'string' ? resolve(cwd, values.root) : cwd;
  return {
    target: resolve(root, outDir),
    astroArgs: argv.filter((_, index) => !ours.has(index)),
    publish: values.publish === true,
  };
}
