/**
 * Serves the build with Debian's nginx and `deploy/nginx.conf`, as a real
 * host would, and checks what a reader's browser receives: headers, caching,
 * pretty URLs, the 404 page, and SVGs that cannot run script. The config is
 * used as written; only where it listens, where the files are and where
 * nginx keeps its pid and log change. It serves a copy of the build (links
 * to its files) with test SVGs added under /_astro/, as if an article had
 * published them.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { distDir } from './dist';
import { articlePath } from './seed';

const port = Number(process.env.E2E_NGINX_PORT ?? 4480);
const origin = `http://127.0.0.1:${port}`;
let nginx: ChildProcess | undefined;
let work = '';

const fixtureImages = join(import.meta.dirname, '../fixtures/images/content/articles/2022/images');
/** SVGs put into the served copy as the build would name them: one that tries to run script, and safe drawings. */
const testSvgs = {
  'hostile.Bx7Qz1aP.svg': join(fixtureImages, 'hostile.svg'),
  'chart.C2mXo9Lw.svg': join(fixtureImages, 'chart.svg'),
  'photo-unavailable.D4kTr8Vn.svg': join(
    import.meta.dirname,
    '../../content/articles/2022/images/photo-unavailable.svg',
  ),
};

/** A copy of the build that costs no copying: links to its files, plus `extra` files in /_astro/. */
function servedCopy(into: string, extra: Record<string, string>): void {
  mkdirSync(join(into, '_astro'), { recursive: true });
  for (const name of readdirSync(distDir)) {
    if (name !== '_astro') symlinkSync(join(distDir, name), join(into, name));
  }
  for (const name of readdirSync(join(distDir, '_astro'))) {
    symlinkSync(join(distDir, '_astro', name), join(into, '_astro', name));
  }
  for (const [name, source] of Object.entries(extra)) copyFileSync(source, join(into, '_astro', name));
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'broadside-nginx-'));
  servedCopy(join(work, 'site'), testSvgs);
  const config = readFileSync('deploy/nginx.conf', 'utf8')
    .replace(/^\s*listen [^;]+;/m, `listen 127.0.0.1:${port};`)
    .replace(/^\s*root [^;]+;/m, `root ${join(work, 'site')};`)
    .replace(/^pid [^;]+;/m, `pid ${work}/nginx.pid;`)
    .replace(/^error_log [^;]+;/m, `error_log ${work}/error.log warn;`)
    // Temporary files in the test's own folder; as root, workers read the build as its owner.
    .replace(
      /^http \{/m,
      `http {\n  client_body_temp_path ${work}/body;\n  proxy_temp_path ${work}/proxy;\n  fastcgi_temp_path ${work}/fastcgi;\n  uwsgi_temp_path ${work}/uwsgi;\n  scgi_temp_path ${work}/scgi;`,
    );
  const user = process.getuid?.() === 0 ? 'user root;\n' : '';
  writeFileSync(join(work, 'nginx.conf'), user + config);
  const syntax = spawnSync('nginx', ['-t', '-c', join(work, 'nginx.conf'), '-p', work], { encoding: 'utf8' });
  expect(syntax.status, syntax.stderr).toBe(0);
  nginx = spawn('nginx', ['-c', join(work, 'nginx.conf'), '-p', work, '-g', 'daemon off;'], { stdio: 'inherit' });
  for (let tries = 0; ; tries++) {
    try {
      await fetch(origin);
      break;
    } catch {
      if (tries > 50) throw new Error('nginx did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
});

test.afterAll(() => {
  nginx?.kill('SIGQUIT');
  rmSync(work, { recursive: true, force: true });
});

test('serves an article at its pretty URL with security headers, revalidated', async ({ request }) => {
  const response = await request.get(`${origin}${articlePath}`);
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers['content-type']).toBe('text/html; charset=utf-8');
  expect(headers['cache-control']).toBe('public, max-age=0, must-revalidate');
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['strict-transport-security']).toContain('max-age=');
  expect(await response.text()).toContain('<h1>Russian diplomat to UN resigns');
});

test('revalidates pages, feeds and the sitemap on every visit: a changed one is fetched fresh, an unchanged one is a 304', async ({
  request,
}) => {
  for (const path of ['/', articlePath, '/feed.xml', '/live/russia-ukraine/feed.xml', '/sitemap-index.xml']) {
    const first = await request.get(`${origin}${path}`);
    expect(first.status(), path).toBe(200);
    expect(first.headers()['cache-control'], path).toBe('public, max-age=0, must-revalidate');
    const etag = first.headers().etag;
    expect(etag, `${path} has an ETag to revalidate with`).toBeTruthy();
    const again = await request.get(`${origin}${path}`, { headers: { 'if-none-match': etag! } });
    expect(again.status(), path).toBe(304);
  }
});

test('caches hashed assets for a year, immutable, compressed', async ({ request }) => {
  const asset = readdirSync(join(distDir, '_astro')).find((name) => name.endsWith('.css'));
  expect(asset, 'the build has a hashed stylesheet').toBeTruthy();
  const response = await request.get(`${origin}/_astro/${asset}`, { headers: { 'accept-encoding': 'gzip' } });
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(response.headers()['content-encoding']).toBe('gzip');
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
});

test("revalidates a live blog's JSON on every poll: unchanged, a 304 with no body", async ({ request }) => {
  const path = '/live/russia-ukraine/updates.json';
  const headers = { 'accept-encoding': 'gzip' };
  const first = await request.get(`${origin}${path}`, { headers });
  expect(first.status()).toBe(200);
  expect(first.headers()['cache-control']).toBe('no-cache');
  expect(first.headers()['content-type']).toContain('application/json');
  const etag = first.headers().etag;
  expect(etag, 'the JSON has an ETag to revalidate with').toBeTruthy();
  const again = await request.get(`${origin}${path}`, { headers: { ...headers, 'if-none-match': etag! } });
  expect(again.status()).toBe(304);
  expect((await again.body()).length).toBe(0);
});

test('sends a path without its slash on to the one URL of the page', async ({ request }) => {
  const response = await request.get(`${origin}/world`, { maxRedirects: 0 });
  expect(response.status()).toBe(301);
  expect(response.headers().location).toBe('/world/');
});

test('answers an unknown path with 404 and the site 404 page', async ({ request }) => {
  const response = await request.get(`${origin}/world/2022/05/23/no-such-story/`);
  expect(response.status()).toBe(404);
  expect(await response.text()).toContain('Page not found');
  expect(response.headers()['x-frame-options']).toBe('DENY');
});

test('does not serve the host configuration files as pages', async ({ request }) => {
  expect((await request.get(`${origin}/_headers`)).status()).toBe(404);
});

test('keeps every redirectFrom path working', async ({ page }) => {
  const redirects = readFileSync(join(distDir, '_redirects'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => line.trim().split(/\s+/));
  // The seed article keeps an earlier path of its own.
  expect(redirects.length).toBeGreaterThan(0);
  for (const [from, to] of redirects) {
    await page.goto(`${origin}${from}`);
    await expect(page).toHaveURL(`${origin}${to}`);
  }
});

/** The policy `public/_headers` gives every SVG, so the two host configurations cannot drift apart. */
const svgPolicy = /^\/\*\.svg\n\s+Content-Security-Policy: (.+)$/m.exec(readFileSync('public/_headers', 'utf8'))?.[1];

test('sends every SVG, from the build or the public folder, with a policy that allows no script', async ({
  request,
}) => {
  expect(svgPolicy, 'public/_headers has a /*.svg rule').toMatch(/default-src 'none'.*sandbox/);
  for (const path of ['/_astro/hostile.Bx7Qz1aP.svg', '/favicon.svg']) {
    const headers = (await request.get(`${origin}${path}`)).headers();
    expect(headers['content-type'], path).toContain('image/svg+xml');
    expect(headers['content-security-policy'], path).toBe(svgPolicy);
    expect(headers['x-content-type-options'], path).toBe('nosniff');
  }
  // Pages keep their own policy: a sandbox would stop their scripts.
  const page = (await request.get(`${origin}${articlePath}`)).headers();
  expect(page['content-security-policy']).not.toContain('sandbox');
});

test('an SVG opened on its own runs no script', async ({ page }) => {
  const hostile = readFileSync(testSvgs['hostile.Bx7Qz1aP.svg']);
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  // The same file without the policy does run script in this browser: the check below can fail.
  await page.route(`${origin}/unprotected.svg`, (route) =>
    route.fulfill({ body: hostile, contentType: 'image/svg+xml' }),
  );
  await page.goto(`${origin}/unprotected.svg`);
  await expect.poll(() => page.title()).toMatch(/^script ran/);

  expect(requested).toContain('/script-ran');

  requested.length = 0;
  await page.goto(`${origin}/_astro/hostile.Bx7Qz1aP.svg`);
  expect(await page.title()).toBe('hostile');
  expect(requested).not.toContain('/script-ran');
});

test("the site's own SVGs look the same under that policy", async ({ page }) => {
  const ownSvgs: [path: string, file: string][] = [
    ['/favicon.svg', 'public/favicon.svg'],
    ['/_astro/photo-unavailable.D4kTr8Vn.svg', testSvgs['photo-unavailable.D4kTr8Vn.svg']],
    // Styled by a <style> element and style attributes: the policy must keep them.
    ['/_astro/chart.C2mXo9Lw.svg', testSvgs['chart.C2mXo9Lw.svg']],
  ];
  const messages: string[] = [];
  page.on('console', (message) => messages.push(message.text()));
  // Small pictures are quick to compare, and the drawings scale to fit.
  await page.setViewportSize({ width: 400, height: 240 });
  for (const [path, file] of ownSvgs) {
    await page.route(`${origin}/unprotected${path}`, (route) =>
      route.fulfill({ body: readFileSync(file), contentType: 'image/svg+xml' }),
    );
    await page.goto(`${origin}/unprotected${path}`);
    const unprotected = await page.screenshot();
    await page.goto(`${origin}${path}`);
    expect(await page.screenshot(), path).toEqual(unprotected);
  }
  // A policy violation would show in the console ("Refused to apply inline style ...").
  expect(messages).toEqual([]);
});
