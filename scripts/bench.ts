/**
 * The newsroom's side of speed: `npm run bench [-- 100 1000 5000]`.
 *
 * For each archive size it writes a synthetic corpus (scripts/corpus.ts) to a
 * temporary folder and runs the build an editor runs (scripts/build.ts:
 * Astro, the search index, the output checks, the swap into place): a cold
 * build (no caches), a cold build that keeps only the share cards of the
 * first (their difference is the cards' cost), then builds the whole site
 * after one edited article (`npm run build`, the yardstick), then publishes
 * another edited article (`npm run publish`, which renders only what the
 * change shows), then one new update to the live blog (the time from a
 * changed file to the whole new site in place), then one new article, the
 * newest of all, then the same three through the publishing service
 * (`npm run publish:service`, started after them), and prints a table:
 * wall time, milliseconds per article, peak memory (the highest high-water
 * resident set of any process of the build, or of the service), output
 * size, and the time of each of the build's steps as the build reports it.
 *
 * With `--cold`, each size is built cold once and nothing more: the one-off
 * build of an archive too large to build five times in an hour (100,000).
 *
 * With `--bare-blog`, each size is also built cold by the blog in
 * scripts/bare-blog (the shape of Astro's blog starter, same Markdown
 * processor), so the site is compared with it on the same hour of the
 * machine.
 */
import { spawn } from 'node:child_process';
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { syntheticArticle, writeCorpus } from './corpus.ts';
import { startService, stopService } from './publish-service.ts';

const args = process.argv.slice(2);
const withBareBlog = args.includes('--bare-blog');
const coldOnly = args.includes('--cold');
const sizes = args.map(Number).filter(Boolean);
const counts = sizes.length > 0 ? sizes : [100, 1000, 5000];

/** A new article in the benchmark's first section and tags, published after every article of the corpus. */
function newestArticle(name: string): string {
  return `---
title: "A new article: ${name}"
standfirst: Published after everything else in the archive.
section: world
published: 2026-01-05T09:00:00+00:00
timezone: Europe/London
tags: [topic-1, topic-4]
---

The newest article of the archive, at the top of the front page, its section and its tags.
`;
}

interface Run {
  seconds: number;
  /** The build's own account of its steps ("Astro 19.1 s, Pagefind 4.3 s, ..."), when it gives one. */
  steps: string;
  peakMiB: number;
  pages: number;
  outputMiB: number;
}

function folderBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .reduce((total, entry) => total + statSync(join(entry.parentPath, entry.name)).size, 0);
}

/** `pid` and every process it started, and they started, as far down as they go. */
function processTree(pid: number): number[] {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
    return [pid, ...children.flatMap(processTree)];
  } catch {
    // The process has just exited.
    return [];
  }
}

/** The highest high-water resident set, in KiB, of any process in `pid`'s tree now. */
function treePeakKiB(pid: number): number {
  return Math.max(
    0,
    ...processTree(pid).map((member) => {
      try {
        return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${member}/status`, 'utf8'))?.[1] ?? 0);
      } catch {
        return 0;
      }
    }),
  );
}

/** The environment of a build of `content`, or of a publishing service for it. */
const environment = (content: string): NodeJS.ProcessEnv => ({
  ...process.env,
  BROADSIDE_CONTENT: content,
  ASTRO_TELEMETRY_DISABLED: '1',
});

/**
 * Builds `content` into `out`, sampling the peak memory: the site with
 * `npm run build`'s script (`npm run publish`'s with `publish`), or with
 * `root`, another project's `astro build` (the bare blog).
 */
function build(
  content: string,
  out: string,
  { publish = false, root, service }: { publish?: boolean; root?: string; service?: number } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const command = root
      ? ['node_modules/astro/bin/astro.mjs', 'build', '--root', root, '--outDir', out]
      : ['scripts/build.ts', '--outDir', out, ...(publish ? ['--publish'] : [])];
    const child = spawn(process.execPath, command, {
      env: environment(content),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let peakKiB = 0;
    let errors = '';
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4096)));
    // A publishing service's process counts as the build's: it runs two of its steps.
    const sample = setInterval(
      () => (peakKiB = Math.max(peakKiB, treePeakKiB(child.pid!), service ? treePeakKiB(service) : 0)),
      50,
    );
    // 'close', not 'exit': the last of its output has been read by then.
    child.on('close', (code) => {
      clearInterval(sample);
      if (code !== 0) {
        reject(new Error(`build failed (${code}):\n${errors.slice(-3000)}`));
        return;
      }
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const pages = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((file) =>
        file.endsWith('.html'),
      ).length;
      const steps = /^Took [\d.]+ s: (.*)\.$/m.exec(output)?.[1] ?? '';
      resolve({ seconds, steps, peakMiB: peakKiB / 1024, pages, outputMiB: folderBytes(out) / 1024 / 1024 });
    });
  });
}

const rows: string[] = [];
const cardRows: string[] = [];
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const rowOf = (count: number, name: string, run: Run) =>
  row([
    count,
    name,
    run.seconds.toFixed(1),
    ((run.seconds * 1000) / count).toFixed(1),
    run.peakMiB.toFixed(0),
    run.pages,
    run.outputMiB.toFixed(1),
    run.steps,
  ]);
rows.push(
  row(['articles', 'build', 'wall time (s)', 'ms per article', 'peak memory (MiB)', 'pages', 'output (MiB)', 'steps']),
);
rows.push(row(['---:', '---', '---:', '---:', '---:', '---:', '---:', '---']));

for (const count of counts) {
  const dir = mkdtempSync(join(tmpdir(), `broadside-bench-${count}-`));
  const content = join(dir, 'content');
  const out = join(dir, 'dist');
  try {
    writeCorpus(content, count);
    const cold = await build(content, out);
    if (coldOnly) {
      rows.push(rowOf(count, 'cold, no caches', cold));
      console.error(`${count} articles done:\n${rows.at(-1)}`);
      continue;
    }
    // The same cold build again, but with the share cards of the first one kept: the difference
    // is what drawing the cards costs.
    const cache = join(content, '.astro-cache');
    renameSync(join(cache, 'broadside-cards'), join(dir, 'cards'));
    rmSync(cache, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
    mkdirSync(cache);
    renameSync(join(dir, 'cards'), join(cache, 'broadside-cards'));
    const coldWithCards = await build(content, out);
    const correct = (index: number) =>
      appendFileSync(join(content, syntheticArticle(index).path), '\nA correction was appended to this article.\n');
    // The whole site built after one edited article, every cache kept: the yardstick for a publish.
    correct(Math.floor(count / 2));
    const wholeAfterEdit = await build(content, out);
    // Publish another edited article: what an editor waits for after a correction.
    correct(Math.floor(count / 2) + 1);
    const warm = await build(content, out, { publish: true });
    // Publish one new live update: from the new file to the whole new site in place.
    writeFileSync(
      join(content, 'live/russia-ukraine/updates/bench-new-update.md'),
      '---\ntime: 2022-05-23T16:00:00+04:00\ntitle: A new update\n---\n\nA new update, posted while the blog is live.\n',
    );
    const liveUpdate = await build(content, out, { publish: true });
    // Publish one new article, newer than any in the archive: what it costs to list it first.
    const newArticle = (name: string) => {
      mkdirSync(join(content, 'articles/2026'), { recursive: true });
      writeFileSync(join(content, `articles/2026/${name}.md`), newestArticle(name));
    };
    newArticle('bench-new-article');
    const added = await build(content, out, { publish: true });
    // The same two through the publishing service, started (and readied) after the publishes above.
    const { service } = await startService(out, environment(content));
    let served: [Run, Run, Run];
    try {
      correct(Math.floor(count / 2) + 2);
      const edit = await build(content, out, { publish: true, service: service.pid });
      writeFileSync(
        join(content, 'live/russia-ukraine/updates/bench-served-update.md'),
        '---\ntime: 2022-05-23T16:05:00+04:00\ntitle: Another update\n---\n\nAnother update, through the service.\n',
      );
      const update = await build(content, out, { publish: true, service: service.pid });
      newArticle('bench-served-article');
      served = [edit, update, await build(content, out, { publish: true, service: service.pid })];
    } finally {
      await stopService(service);
    }
    const bareBlog = withBareBlog
      ? await build(content, join(dir, 'bare-blog'), { root: 'scripts/bare-blog' })
      : undefined;
    cardRows.push(row([count, (((cold.seconds - coldWithCards.seconds) * 1000) / (count + 2)).toFixed(0)]));
    const done = rows.length;
    for (const [name, run] of [
      ['cold, no caches', cold],
      ['cold, share cards cached', coldWithCards],
      ['whole build after one edit', wholeAfterEdit],
      ['publish one edit', warm],
      ['publish one new live update', liveUpdate],
      ['publish one new article', added],
      ['publish one edit, publishing service', served[0]],
      ['publish one new live update, publishing service', served[1]],
      ['publish one new article, publishing service', served[2]],
      ...(bareBlog ? [['bare blog, cold', bareBlog] as const] : []),
    ] as const) {
      rows.push(rowOf(count, name, run));
    }
    // Each size's rows as soon as they are measured, so a larger size that fails loses none of them.
    console.error(`${count} articles done:\n${rows.slice(done).join('\n')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(
  `Machine: ${cpus().length} x ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);
console.log(rows.join('\n'));
console.log(`\nShare cards, drawn cold (cold build minus cold build with cards cached), per card:\n`);
console.log([row(['articles', 'ms per card']), row(['---:', '---:']), ...cardRows].join('\n'));
