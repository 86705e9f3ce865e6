/**
 * Real builds of an article's records: an English article with two
 * corrections (written out of order), an editor's note and a French
 * edition that names it back (tests/fixtures/content/records), built beside
 * the site's own content. The page shows the corrections and the note,
 * its JSON-LD, feed item and sitemap entry date the article by its latest
 * correction, and both editions carry `hreflang` alternates for each other.
 * A second build, in which the French edition does not name the English one
 * back, must stop and name both files.
 */
import AxeBuilder from '@axe-core/playwright';
import { chromium } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium';
import { serveFolder } from '../../scripts/serve';
import { buildSite, project } from './build-site';

const work = mkdtempSync(join(tmpdir(), 'broadside-records-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const origin = 'https://broadside.example';
const englishPath = '/world/2024/03/10/harbour-bridge-reopens/';
const frenchPath = '/world/2024/03/10/pont-du-port-rouvre/';
const frenchFile = 'articles/2024/pont-du-port-rouvre.md';

/** The site's own content (its live blog links to the seed) and the fixture, in a fresh folder. */
function contentFolder(name: string): string {
  const content = join(work, name);
  cpSync(join(project, 'content'), content, { recursive: true });
  cpSync(join(project, 'tests/fixtures/content/records'), content, { recursive: true });
  return content;
}

const page = (dist: string, path: string): Root => fromHtml(readFileSync(join(dist, path, 'index.html'), 'utf8'));
const attr = (root: Root, selector: string, name: string) =>
  selectAll(selector, root).map((element) => element.properties[name] as string);

describe('a one-way edition', () => {
  let build: { status: number | null; output: string };
  beforeAll(() => {
    const content = contentFolder('one-way');
    const french = join(content, frenchFile);
    writeFileSync(french, readFileSync(french, 'utf8').replace(/editions:\n {2}en: .*\n/, ''));
    build = buildSite(content, join(work, 'one-way-dist'));
  }, 240_000);

  it('stops the build, naming both files and the line to add', () => {
    expect(build.status, build.output).not.toBe(0);
    const line = build.output.split('\n').find((text) => text.includes('editions.fr'));
    expect(line, build.output).toBeDefined();
    expect(line).toContain('harbour-bridge-reopens.md');
    expect(line).toContain('pont-du-port-rouvre.md, which does not name this article back');
    expect(line).toContain(`add \`en: ${englishPath}\` to its \`editions\``);
  });
});

describe('a corrected article and its French edition', () => {
  const dist = join(work, 'dist');
  let build: { status: number | null; output: string };
  let english: Root;
  let french: Root;

  beforeAll(() => {
    build = buildSite(contentFolder('content'), dist);
    if (build.status === 0) {
      english = page(dist, englishPath);
      french = page(dist, frenchPath);
    }
  }, 240_000);

  it('builds', () => {
    expect(build.status, build.output).toBe(0);
  });

  it('carries hreflang alternates both ways, each page naming itself too', () => {
    const alternates = (root: Root) =>
      selectAll('link[rel="alternate"][hreflang]', root).map(
        (link) => `${String(link.properties.hrefLang)} ${String(link.properties.href)}`,
      );
    const both = [`en ${origin}${englishPath}`, `fr ${origin}${frenchPath}`];
    expect(alternates(english)).toEqual(both);
    expect(alternates(french)).toEqual([both[1], both[0]]);
    expect(attr(english, 'meta[property="og:locale:alternate"]', 'content')).toEqual(['fr']);
    expect(attr(french, 'meta[property="og:locale"]', 'content')).toEqual(['fr']);
    expect(attr(french, 'meta[property="og:locale:alternate"]', 'content')).toEqual(['en_US']);
  });

  it('links each edition by its language name in that language', () => {
    const link = select('.editions a', english)!;
    expect(toString(link)).toBe('Français');
    expect(link.properties).toMatchObject({ href: frenchPath, hrefLang: 'fr', lang: 'fr' });
    expect(toString(select('.editions a', french)!)).toBe('English');
  });

  it('names and links the original in the translation notice', () => {
    const notice = select('.translation-notice', french)!;
    expect(toString(notice)).toBe('Powered by automated translation from the English original');
    expect(select('a', notice)!.properties).toMatchObject({ href: englishPath, hrefLang: 'en' });
  });

  it('shows the note above the body and the corrections, oldest first, at its foot, with a marker linking there', () => {
    expect(toString(select('.editors-note', english)!)).toBe(
      'Editor’s noteThis article is a test fixture: the bridge and the city are fictional.',
    );
    expect(selectAll('.corrections li', english).map((item) => toString(item).replace(/\s+/g, ' '))).toEqual([
      'Correction, March 10, 2024, 3:30 PM GMT+4: An earlier version gave the bridge’s length as 900 metres; it is 700 metres.',
      'Correction, March 11, 2024, 10:00 AM GMT+4: An earlier version said the repairs took four weeks; they took three.',
    ]);
    expect(attr(english, '.correction-marker a', 'href')).toEqual(['#corrections']);
    expect(select('#corrections', english)).toBeDefined();
    const order = ['.editors-note', '.prose', '.corrections'].map((selector) =>
      readFileSync(join(dist, englishPath, 'index.html'), 'utf8').indexOf(`class="${selector.slice(1)}`),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('sets the headline and standfirst with the body’s typography', () => {
    expect(toString(select('h1', english)!)).toBe('Harbour bridge reopens after ‘urgent’ repairs');
    expect(toString(select('.standfirst', english)!)).toBe(
      'The crossing carries traffic again after three weeks of work — and a night of tests',
    );
  });

  it('gives the corrections in JSON-LD and dates the article by the latest of them', () => {
    const [news] = selectAll('script[type="application/ld+json"]', english).map(
      (script) => JSON.parse(toString(script)) as Record<string, unknown>,
    );
    expect(news).toMatchObject({
      dateModified: '2024-03-11T10:00:00+04:00',
      correction: [
        { '@type': 'CorrectionComment', datePublished: '2024-03-10T15:30:00+04:00' },
        { '@type': 'CorrectionComment', datePublished: '2024-03-11T10:00:00+04:00' },
      ],
    });
  });

  it('dates the feed item and the sitemap entry by the latest correction', () => {
    const feed = readFileSync(join(dist, 'feed.xml'), 'utf8');
    const item = feed.split('<item>').find((text) => text.includes(`<link>${origin}${englishPath}</link>`))!;
    expect(item).toContain('<atom:updated>2024-03-11T10:00:00+04:00</atom:updated>');
    expect(item).toContain('Correction, March 11, 2024, 10:00 AM GMT+4:');
    const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(`<loc>${origin}${englishPath}</loc><lastmod>2024-03-11T10:00:00+04:00</lastmod>`);
  });

  it('reads in Chromium with no axe violations in either scheme, on a phone and a desktop', async () => {
    const server = await serveFolder(dist);
    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      for (const [path, width, colorScheme] of [
        [englishPath, 390, 'light'],
        [englishPath, 1280, 'dark'],
        [frenchPath, 390, 'dark'],
        [frenchPath, 1280, 'light'],
      ] as const) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
        const tab = await context.newPage();
        await tab.goto(`${base}${path}`);
        expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        if (path === englishPath) {
          // As laid out: the words and the date stay apart.
          expect(await tab.locator('.correction-marker a').innerText()).toMatch(
            /^Corrected 2 times, last March 11, 2024\b/,
          );
        }
        const results = await new AxeBuilder({ page: tab })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
          .analyze();
        expect(
          results.violations.map((violation) => violation.id),
          `${path} ${width} ${colorScheme}`,
        ).toEqual([]);
        await context.close();
      }
    } finally {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    }
  }, 120_000);
});
