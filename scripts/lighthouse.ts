/**
 * `npm run lighthouse`: builds the site, serves it on localhost and runs
 * Lighthouse (mobile preset) with Debian's Chromium on the seed article, the
 * live blog and the front page. Prints the four scores per page and writes
 * them, with every failed audit, to reports/lighthouse.json.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const port = 4398;
const origin = `http://127.0.0.1:${port}`;
const paths = ['/world/2022/05/23/russian-diplomat-un-resigns/', '/live/russia-ukraine/', '/'];
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, ['scripts/serve.ts', process.env.BROADSIDE_DIST ?? 'dist', String(port)], {
  stdio: 'ignore',
});
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const results: Record<string, { scores: Record<string, number>; failed: string[] }> = {};
try {
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(origin)).ok) break;
    } catch {
      if (tries > 100) throw new Error('the static server did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
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
  await chrome.kill();
  server.kill();
}
mkdirSync('reports', { recursive: true });
writeFileSync('reports/lighthouse.json', `${JSON.stringify({ date: new Date().toISOString(), results }, null, 2)}\n`);
console.log('Scores written to reports/lighthouse.json');
