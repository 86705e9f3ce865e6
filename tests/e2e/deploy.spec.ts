/**
 * Serves the build with Debian's nginx and `deploy/nginx.conf`, as a real
 * host would, and checks what a reader's browser receives: headers, caching,
 * pretty URLs, the 404 page. The config is used as written; only where it
 * listens, where the files are and where nginx keeps its pid and log change.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { distDir } from './dist';
import { articlePath } from './seed';

const port = Number(process.env.E2E_NGINX_PORT ?? 4480);
const origin = `http://127.0.0.1:${port}`;
let nginx: ChildProcess | undefined;
let work = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'broadside-nginx-'));
  const config = readFileSync('deploy/nginx.conf', 'utf8')
    .replace(/^\s*listen [^;]+;/m, `listen 127.0.0.1:${port};`)
    .replace(/^\s*root [^;]+;/m, `root ${distDir};`)
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

test('caches hashed assets for a year, immutable, compressed', async ({ request }) => {
  const asset = readdirSync(join(distDir, '_astro')).find((name) => name.endsWith('.css'));
  expect(asset, 'the build has a hashed stylesheet').toBeTruthy();
  const response = await request.get(`${origin}/_astro/${asset}`, { headers: { 'accept-encoding': 'gzip' } });
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(response.headers()['content-encoding']).toBe('gzip');
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
});

test('sends a path without its slash on to the one URL of the page', async ({ request }) => {
  const response = await request.get(`${origin}/world`, { maxRedirects: 0 });
  expect(response.status()).toBe(301);
  expect(response.headers()['location']).toBe('/world/');
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
