/**
 * `npm run lighthouse`: builds the site, serves it on localhost and runs
 * Lighthouse (mobile preset) with Debian's Chromium on the seed article, the
 * live blog and the front page, or on the site paths given
 * (`npm run lighthouse -- --no-build /authors/jane-doe/`, with
 * `BROADSIDE_DIST` naming another build). Prints the four scores per page and
 * writes them, with every failed audit, to reports/lighthouse.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumArgs, chromiumPath } from './chromium.ts';
import { serveFolder } from './serve.ts';

const given = process.argv.slice(2).filter((arg) => arg.startsWith('/'));
const paths =
  given.length > 0 ? given : ['/world/2022/05/23/russian-diplomat-un-resigns/', '/live/russia-ukraine/', '/'];
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = await serveFolder(process.env.BROADSIDE_DIST ?? 'dist');
const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
const chrome = await chromeLauncher.launch({ chromePath: chromiumPath, chromeFlags: chromiumArgs });
const results: Record<string, { scores: Record<string, number>; failed: string[] }> = {};
try {
  for (const path of paths) {
    const result = await lighthouse(`${origin}${path}`, {
      port: chrome.port,
      onlyCategories: categories,
      output: 'json',
      logLevel: 'error',
    });
    if (!result) throw new Error(`no result for ${path}`);
    const { lhr } = result;
    const scores = Object.fromEntries(categories.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)]));
    const failed = Object.values(lhr.audits)
      .filter(
        (audit) =>
          audit.score !== null &&
          audit.score < 1 &&
          audit.scoreDisplayMode !== 'informative' &&
          audit.scoreDisplayMode !== 'manual',
      )
      .map((audit) => `${audit.id}: ${audit.displayValue ?? audit.title}`);
    results[path] = { scores, failed };
    console.log(
      `${path}\n  ${categories.map((id) => `${id} ${scores[id]}`).join(', ')}${failed.length ? `\n  below 100: ${failed.join('; ')}` : ''}`,
    );
  }
} finally {
  chrome.kill();
  server.close();
}
mkdirSync('reports', { recursive: true });
writeFileSync('reports/lighthouse.json', `${JSON.stringify({ date: new Date().toISOString(), results }, null, 2)}\n`);
console.log('Scores written to reports/lighthouse.json');
