/**
 * The reader's side of speed, checked on the built files: what a slow phone
 * downloads before it can show the article.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString as hastText } from 'hast-util-to-string';
import { builtPages, distDir, readPage } from './dist';
import { articlePath, liveBlogPath } from './seed';

/** One TCP round trip's worth of data on a new connection (10 packets of ~1.4 KB). */
const FIRST_ROUND_TRIP = 14 * 1024;
const SCRIPT_BUDGET = 2 * 1024;
/** A live blog's first page also polls for new updates, and may spend twice as much. */
const LIVE_BLOG_SCRIPT_BUDGET = 4 * 1024;
const gzipped = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;
const asset = (path: string) => readFileSync(join(distDir, path));

/** An author's page, when the build has one: the shipped content credits no author (tests/build/authors.test.ts builds some). */
const authorPage = builtPages().find((page) => /^\/authors\/[^/]+\/$/.test(page));

for (const path of [articlePath, liveBlogPath, '/', ...(authorPage ? [authorPage] : [])]) {
  test.describe(path, () => {
    const html = readPage(path);
    const tree = fromHtml(html);

    test('HTML and all its CSS fit in the first round trip, compressed', () => {
      const stylesheets = selectAll('link[rel~=stylesheet]', tree).map((link) => String(link.properties.href));
      const bytes = gzipped(html) + stylesheets.reduce((total, href) => total + gzipped(asset(href)), 0);
      expect(bytes).toBeLessThanOrEqual(FIRST_ROUND_TRIP);
    });

    test('its scripts are optional, deferred and small', () => {
      const scripts = selectAll('script', tree).filter((script) => {
        const type = script.properties.type ?? '';
        return type === '' || type === 'module' || type === 'text/javascript';
      });
      for (const script of scripts) {
        // Module scripts are deferred by nature; a classic external script would block parsing.
        const deferred =
          script.properties.type === 'module' ||
          script.properties.defer !== undefined ||
          script.properties.async !== undefined;
        expect(deferred, `script ${JSON.stringify(script.properties.src ?? 'inline')} is deferred`).toBe(true);
      }
      // Inline scripts travel in the page's one compressed stream, so they are measured together;
      // each external file is compressed on its own.
      const inline = scripts.filter((script) => !script.properties.src).map((script) => hastText(script));
      const external = scripts.filter((script) => script.properties.src).map((script) => String(script.properties.src));
      const bytes =
        (inline.length ? gzipped(inline.join('\n')) : 0) +
        external.reduce((total, src) => total + gzipped(asset(src)), 0);
      expect(bytes).toBeLessThanOrEqual(path === liveBlogPath ? LIVE_BLOG_SCRIPT_BUDGET : SCRIPT_BUDGET);
    });
  });
}

test('every image on every page is sized, so nothing shifts as it loads', () => {
  for (const path of builtPages()) {
    for (const image of selectAll('img', fromHtml(readPage(path)))) {
      const { src, width, height } = image.properties;
      expect(width && height, `${path}: <img src="${String(src)}"> has width and height`).toBeTruthy();
    }
  }
});

test('no web font can block text', () => {
  const css = builtPages()
    .flatMap((path) =>
      selectAll('link[rel~=stylesheet]', fromHtml(readPage(path))).map((link) => String(link.properties.href)),
    )
    .filter((href, index, all) => all.indexOf(href) === index)
    .map((href) => asset(href).toString('utf8'))
    .join('\n');
  for (const fontFace of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
    expect(fontFace).toMatch(/font-display:\s*(swap|optional|fallback)/);
  }
});
