/**
 * Search over an archive whose index is in several parts
 * (scripts/search-index.ts): a build of a synthetic archive of seven years
 * (scripts/corpus.ts) in parts of at least ten pages, served on a port of
 * its own. A reader searches them all at once and sees one list. What the
 * index holds does not depend on the screen: desktop only (playwright.config.ts).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { writeCorpus } from '../../scripts/corpus';
import { serveFolder } from '../../scripts/serve';
import { buildSite } from '../build/build-site';

/** The corpus's articles, and the site's own two, which it carries too. */
const ARTICLES = 45 + 2;

test.describe('search over an index in parts', () => {
  // One worker builds the archive once and runs every test of it: with fullyParallel, each worker would run
  // beforeAll, and the second build of the project would find the first running Astro's build (scripts/build.ts).
  test.describe.configure({ mode: 'default' });
  const work = mkdtempSync(join(tmpdir(), 'broadside-search-parts-'));
  const out = join(work, 'dist');
  let server: Server | undefined;
  let origin = '';

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    const content = join(work, 'content');
    writeCorpus(content, ARTICLES - 2);
    const { status, output } = buildSite(content, out, undefined, { BROADSIDE_SEARCH_PART_PAGES: '10' });
    expect(status, output).toBe(0);
    server = await serveFolder(out);
    origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  test.afterAll(() => {
    server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  test('finds the articles of every part in one list, and the live blog in the newest part', async ({ page }) => {
    const parts = JSON.parse(readFileSync(join(out, 'pagefind/parts.json'), 'utf8')) as string[];
    expect(parts).toHaveLength(5);
    const loaded = new Set<string>();
    const fetched: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      fetched.push(path);
      const entry = /^(\/pagefind\/[^/]+\/)pagefind-entry\.json$/.exec(path);
      if (entry) loaded.add(entry[1]!);
    });

    // Every synthetic report has the word in its headline; they span 2019 to 2025.
    await page.goto(`${origin}/search/?q=synthetic`);
    await expect(page.getByRole('status')).toHaveText(`${ARTICLES - 2} pages match “synthetic”, showing the first 20.`);
    await expect(page.locator('.search-results li')).toHaveCount(20);
    expect([...loaded].sort()).toEqual([...parts].sort());
    // The parts merged into the first share its module and its WebAssembly: one of each, whatever the number of parts.
    expect(fetched.filter((path) => /^\/pagefind\/[^/]+\/pagefind\.js$/.test(path))).toEqual([
      `${parts[0]}pagefind.js`,
    ]);
    expect(fetched.filter((path) => /^\/pagefind\/[^/]+\/wasm\.[^/]+\.pagefind$/.test(path))).toHaveLength(1);

    // The live blog is in the newest part, the seed article (May 2022) in an older one.
    await page.getByLabel('Words to look for in articles and live blogs').fill('Gabrielse');
    await page.keyboard.press('Enter');
    const links = page.locator('.search-results li').getByRole('link');
    await expect(links.first()).toHaveText('“Courageous!”: Dutch disarmament ambassador praises the resignation');
    await expect(links.filter({ hasText: 'Russian diplomat to UN resigns' })).toHaveCount(1);
  });
  test('finds a word in the parts that have it, not pages with a shorter word from the parts that do not', async ({
    page,
  }) => {
    // "Ministry" is only in the site's own two articles, of 2022; the synthetic reports of every year say
    // "minister", whose stem ("minist") begins that of "ministry" ("ministri"), and a part without a word
    // answers with the longest word it has that begins it.
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(`${origin}/search/?q=ministry`);
    await expect(page.getByRole('status')).toHaveText('2 pages match “ministry”.');
    await expect(page.locator('.search-results li').getByRole('link')).toHaveText([
      'Russian diplomat to UN resigns with LinkedIn broadside at ‘warmongering’ Moscow',
      'Quad leaders launch maritime watch plan as Chinese and Russian bombers fly near Japan',
    ]);
    // Finding which parts hold the word costs no request: one word-list chunk a part, the fragments of the two shown.
    const parts = JSON.parse(readFileSync(join(out, 'pagefind/parts.json'), 'utf8')) as string[];
    const chunks = fetched.filter((path) => /^\/pagefind\/[^/]+\/index\//.test(path));
    for (const part of parts)
      expect(
        chunks.filter((path) => path.startsWith(part)),
        part,
      ).toHaveLength(1);
    expect(chunks).toHaveLength(parts.length);
    expect(fetched.filter((path) => /^\/pagefind\/[^/]+\/fragment\//.test(path))).toHaveLength(2);

    // A word being typed: "ministr" begins "ministry", in one part, and the other parts answer with "minister".
    const search = async (words: string) => {
      await page.getByLabel('Words to look for in articles and live blogs').fill(words);
      await page.keyboard.press('Enter');
    };
    await search('ministr');
    await expect(page.getByRole('status')).toHaveText('2 pages match “ministr”.');
    // "minis" begins both words, and every part has it.
    await search('minis');
    await expect(page.getByRole('status')).toHaveText(`${ARTICLES} pages match “minis”, showing the first 20.`);
    // A word no part has limits nothing: each part answers with its longest word that begins it
    // ("minister", not "ministry", which the Quad article alone says), as Pagefind does.
    await search('ministerially');
    await expect(page.getByRole('status')).toHaveText(
      `${ARTICLES - 1} pages match “ministerially”, showing the first 20.`,
    );

    // Every word counts: "minister" is in every part, "ministry" in one.
    await search('minister ministry');
    await expect(page.getByRole('status')).toHaveText('2 pages match “minister ministry”.');
    // A phrase in quotes is searched as Pagefind searches it, in the parts that have each of its words.
    await search('"foreign ministry"');
    await expect(page.getByRole('status')).toHaveText('1 page matches “"foreign ministry"”.');
    await expect(page.locator('.search-results li').getByRole('link')).toHaveText(
      'Russian diplomat to UN resigns with LinkedIn broadside at ‘warmongering’ Moscow',
    );
  });
});
