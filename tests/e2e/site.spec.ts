/**
 * Whole-site checks on the build: every page valid HTML, every internal link
 * and #fragment resolving, no word of any article lost or doubled, and no
 * Content-Security-Policy violation in a real browser.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as hastText } from 'hast-util-to-string';
import type { RootContent } from 'mdast';
import { toString as markdownText } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { builtPages, distDir, readPage } from './dist';

const pages = builtPages();
const parsed = new Map<string, Root>(pages.map((path) => [path, fromHtml(readPage(path))]));
const siteOrigin = (() => {
  const canonical = select('link[rel=canonical]', parsed.get('/'));
  return new URL(String(canonical?.properties.href)).origin;
})();

test('the build has the pages the site promises', () => {
  for (const path of [
    '/',
    '/404.html',
    '/world/',
    '/live/russia-ukraine/',
    '/world/2022/05/23/russian-diplomat-un-resigns/',
  ]) {
    expect(pages).toContain(path);
  }
});

test('every page is valid HTML (Nu HTML checker)', () => {
  const jar = join('node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
  const result = spawnSync('java', ['-jar', jar, '--errors-only', '--format', 'json', '--skip-non-html', distDir], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(result.error, 'java runs').toBeUndefined();
  const { messages } = JSON.parse(result.stderr || '{"messages":[]}') as {
    messages: { url: string; lastLine?: number; message: string }[];
  };
  const errors = messages.map(
    ({ url, lastLine, message }) => `${url.replace(`file:${distDir}`, '')}:${lastLine}: ${message}`,
  );
  expect(errors).toEqual([]);
  expect(result.status, result.stderr).toBe(0);
});

/** The built file a site path is served from, or undefined. */
function builtFile(path: string): string | undefined {
  const decoded = decodeURIComponent(path);
  const candidates = decoded.endsWith('/') ? [`${decoded}index.html`] : [decoded, `${decoded}/index.html`];
  return candidates
    .map((candidate) => join(distDir, candidate))
    .find((file) => existsSync(file) && !file.endsWith('/'));
}

test('every internal link and #fragment resolves', () => {
  const broken: string[] = [];
  for (const [path, tree] of parsed) {
    const base = new URL(path, siteOrigin);
    const references = selectAll(
      'a[href], link[href], img[src], script[src], source[srcset], img[srcset]',
      tree,
    ).flatMap((element: Element) => {
      const { href, src, srcSet } = element.properties;
      const set = Array.isArray(srcSet) ? srcSet.map((part) => String(part).trim().split(/\s+/)[0]!) : [];
      return [href, src, ...set].filter((value): value is string => typeof value === 'string');
    });
    for (const reference of references) {
      const url = new URL(reference, base);
      if (url.origin !== siteOrigin || url.hash.startsWith('#:~:')) continue;
      const file = builtFile(url.pathname);
      if (!file) {
        broken.push(`${path}: ${reference} (no such file)`);
        continue;
      }
      const id = decodeURIComponent(url.hash.slice(1));
      if (id && file.endsWith('.html')) {
        const target = parsed.get(url.pathname) ?? fromHtml(readFileSync(file, 'utf8'));
        const ids = new Set(selectAll('[id]', target).map((element) => element.properties.id));
        if (!ids.has(id)) broken.push(`${path}: ${reference} (no element with that id)`);
      }
    }
  }
  expect(broken).toEqual([]);
});

/** Letters and digits only: typography (curly quotes, dashes, ellipses) is not a lost word. */
const words = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The blocks of readable text an editor wrote: paragraphs, list items, quotes, table cells, headings. */
function sourceBlocks(markdown: string): { text: string; pullquote: boolean }[] {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  const tree = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).parse(body);
  const blocks: { text: string; pullquote: boolean }[] = [];
  const walk = (nodes: RootContent[], pullquote: boolean) => {
    for (const node of nodes) {
      if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
        blocks.push({ text: words(markdownText(node)), pullquote });
      } else if ('children' in node) {
        walk(node.children, pullquote || (node.type === 'containerDirective' && node.name === 'pullquote'));
      }
    }
  };
  walk(tree.children, false);
  return blocks.filter((block) => block.text);
}

/** The whole-article HTML the feed carries for `url`, without its pull quotes (they repeat the body on purpose). */
function feedArticle(url: string): Root {
  const feed = readFileSync(join(distDir, 'feed.xml'), 'utf8');
  const item = [...feed.matchAll(/<item>([\s\S]*?)<\/item>/g)]
    .map((match) => match[1]!)
    .find((text) => text.includes(`<link>${url}</link>`));
  expect(item, `the feed has ${url}`).toBeDefined();
  const encoded = /<content:encoded>([\s\S]*?)<\/content:encoded>/.exec(item!)?.[1] ?? '';
  const html = encoded.startsWith('<![CDATA[')
    ? encoded.slice(9, -3)
    : encoded.replace(
        /&(lt|gt|quot|apos|amp);/g,
        (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!,
      );
  // Feed HTML has no white space between blocks; put some back so words do not run together.
  const tree = fromHtml(html.replace(/<\/(p|li|h[1-6]|figcaption|blockquote|td|th|figure)>/g, '$&\n'), {
    fragment: true,
  });
  for (const figure of selectAll('figure.pullquote, .pullquote', tree)) figure.children = [];
  return tree;
}

function occurrences(haystack: string, needle: string): number {
  return ` ${haystack} `.split(` ${needle} `).length - 1;
}

test('no paragraph, list item, quote or table cell of any article is lost or doubled, on its page or in the feed', () => {
  const articlesDir = 'content/articles';
  const files = readdirSync(articlesDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.md'));
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    const source = readFileSync(join(articlesDir, file), 'utf8');
    if (/^draft:\s*true/m.test(source)) continue;
    const title = /^title:\s*["']?(.*?)["']?\s*$/m.exec(source)?.[1] ?? '';
    const page = pages
      .map((path) => ({ path, tree: parsed.get(path)! }))
      .find(({ tree }) => select('h1', tree) && words(hastText(select('h1', tree)!)) === words(title));
    expect(page, `${file} is built`).toBeDefined();
    const prose = select('.prose', page!.tree)!;
    const quotes = selectAll('figure.pullquote', prose)
      .map((figure) => words(hastText(figure)))
      .join(' ');
    const bodyOnly = fromHtml(readPage(page!.path));
    for (const figure of selectAll('figure.pullquote', bodyOnly)) figure.children = [];
    const body = words(hastText(select('.prose', bodyOnly)!));
    const feedBody = words(hastText(feedArticle(new URL(page!.path, siteOrigin).href)));
    for (const block of sourceBlocks(source)) {
      if (block.pullquote) expect(occurrences(quotes, block.text), `pull quote in ${file}: ${block.text}`).toBe(1);
      else {
        expect(occurrences(body, block.text), `${file}: ${block.text}`).toBe(1);
        expect(occurrences(feedBody, block.text), `feed, ${file}: ${block.text}`).toBe(1);
      }
    }
  }
});

test.describe('in Chromium, with JavaScript on', () => {
  for (const path of pages.filter((page) => !page.endsWith('.html') || page === '/404.html')) {
    test(`${path} loads with no Content-Security-Policy violation and no third-party request`, async ({
      page,
      baseURL,
    }) => {
      const violations: string[] = [];
      const thirdParty: string[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== new URL(baseURL!).origin)
          thirdParty.push(url.href);
      });
      page.on('console', (message) => {
        if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(`Content-Security-Policy: ${event.violatedDirective} blocked ${event.blockedURI}`);
        });
      });
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      expect(violations).toEqual([]);
      expect(thirdParty).toEqual([]);
    });
  }
});
