/**
 * Screenshots of the built site for the README: `npm run screenshot`
 * (builds first; `BROADSIDE_DIST` names another built folder than `dist`).
 * Writes docs/images/article-desktop.png, article-phone-dark.png,
 * front-desktop.png, and the first page of the article printed on A4 as
 * print-article-page1.png.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium.ts';
import { serveFolder } from './serve.ts';

const server = await serveFolder(process.env.BROADSIDE_DIST ?? 'dist');
try {
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const article = '/world/2022/05/23/russian-diplomat-un-resigns/';
  const shots = [
    { name: 'article-desktop', path: article, viewport: { width: 1280, height: 1100 }, colorScheme: 'light' as const },
    { name: 'article-phone-dark', path: article, viewport: { width: 390, height: 844 }, colorScheme: 'dark' as const },
    { name: 'front-desktop', path: '/', viewport: { width: 1280, height: 1000 }, colorScheme: 'light' as const },
  ];
  for (const { name, path, viewport, colorScheme } of shots) {
    const page = await browser.newPage({ viewport, colorScheme, deviceScaleFactor: 1 });
    await page.goto(`${base}${path}`);
    await page.screenshot({ path: `docs/images/${name}.png` });
    await page.close();
  }
  const printed = await browser.newPage();
  await printed.goto(`${base}/world/2022/05/23/russian-diplomat-un-resigns/`);
  const pdf = join(mkdtempSync(join(tmpdir(), 'broadside-print-')), 'article.pdf');
  await printed.pdf({ path: pdf, format: 'A4' });
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '72',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    pdf,
    'docs/images/print-article-page1',
  ]);
  await browser.close();
} finally {
  server.close();
}
