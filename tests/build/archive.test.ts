/**
 * A build of a synthetic archive (scripts/corpus.ts): list pages are split
 * into pages numbered from the oldest, at stable URLs with rel=prev/next,
 * so no page grows with the archive.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, differingFiles, forgetBuilds, siteFiles } from './build-site';
import { syntheticArticle, writeCorpus } from '../../scripts/corpus';
import { partName } from '../../scripts/search-index';
import { FEED_LENGTH } from '@/lib/metadata/feed';
import { PAGE_SIZE } from '@/lib/routes/pagination';
import { cachedCardPage } from '@/lib/share-card/cache-fs';

const work = mkdtempSync(join(tmpdir(), 'broadside-archive-'));
const content = join(work, 'content');
const out = join(work, 'dist');
const synthetic = 45;
/**
 * The search index in parts of at least 10 pages (scripts/search-index.ts),
 * so that this archive of seven years has five, of whole days: the newest
 * holds the live blog.
 */
const searchParts = { BROADSIDE_SEARCH_PART_PAGES: '10' };
const build = (dir: string) => buildSite(content, dir, undefined, searchParts);
/** The site's own articles, which the corpus carries too: the seed and the date-only brief, both in World. */
const siteArticles = 2;
/** The site's live blog and its updates, each with a share card. */
const siteLiveCards = 1 + 5 + 1;
const page = (path: string, dir = out) => readFileSync(join(dir, path, 'index.html'), 'utf8');
const cards = (html: string) => html.match(/<article class="card"/g)?.length ?? 0;
/** The front page and its older page, for 47 articles at 20 a page: the newest 27, then the oldest 20. */
const frontPages = ['', 'page/1'];
/** Every article the front pages list, in order. */
const frontPageLinks = () =>
  frontPages.flatMap((path) =>
    // The front page's section blocks give their stories an h3, under the section's h2.
    [...page(path).matchAll(/<h[23] class="card-title"[^>]*><a href="([^"]+)"/g)].map((match) => match[1]),
  );

/** An author credited on a synthetic article and on a live update, renamed between the two builds. */
const author = (name: string) =>
  `---\nname: ${name}\nrole: Reporter (fictional, for tests)\nbio: A made-up reporter.\n---\n`;
const authorFile = () => join(content, 'authors/ann-example.md');

beforeAll(() => {
  writeCorpus(content, synthetic);
  mkdirSync(join(content, 'authors'), { recursive: true });
  writeFileSync(authorFile(), author('Ann Example'));
  const credit = (path: string) =>
    writeFileSync(path, readFileSync(path, 'utf8').replace('---\n', '---\nauthors: [ann-example]\n'));
  credit(join(content, syntheticArticle(30).path));
  credit(join(content, 'live/russia-ukraine/updates/mission-silent.md'));
  const { status, output } = build(out);
  expect(status, output).toBe(0);
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('an archive of 47 articles', () => {
  it('splits the front page into pages of 20 from the oldest, the newest at /, linked both ways', () => {
    const total = synthetic + siteArticles;
    expect(cards(page(''))).toBe(total - PAGE_SIZE);
    expect(cards(page('page/1'))).toBe(PAGE_SIZE);
    expect(existsSync(join(out, 'page/2'))).toBe(false);
    expect(page('')).toContain('<link rel="next" href="/page/1/">');
    expect(page('')).not.toContain('rel="prev"');
    expect(page('page/1')).toContain('<link rel="prev" href="/">');
    expect(page('page/1')).not.toContain('rel="next"');
    expect(page('page/1')).toMatch(/<title>Broadside, page 1 \| /);
    expect(page('page/1')).toContain('>Page 1</span>');
  });

  it('lists every article exactly once across the front pages', () => {
    const links = frontPageLinks();
    expect(links).toHaveLength(synthetic + siteArticles);
    expect(new Set(links).size).toBe(synthetic + siteArticles);
  });

  it('carries the newest articles in the feed, each whole, and no more', () => {
    const feed = readFileSync(join(out, 'feed.xml'), 'utf8');
    const items = [...feed.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>[\s\S]*?<\/item>/g)];
    expect(FEED_LENGTH).toBeLessThan(synthetic + siteArticles);
    const fed = items.map((item) => new URL(item[1]!).pathname);
    // The front page shows its articles in order of importance, the older page newest first.
    const onFront = cards(page(''));
    expect(FEED_LENGTH).toBeGreaterThan(onFront);
    const first = frontPageLinks().slice(0, onFront);
    expect(fed.slice(0, onFront).sort()).toEqual([...first].sort());
    expect(fed.slice(onFront)).toEqual(frontPageLinks().slice(onFront, FEED_LENGTH));
    for (const [item] of items) expect(item).toContain('<content:encoded>');
  });

  it('paginates sections and tags the same way', () => {
    // 17 world articles (the site's own and 15 synthetic) fit on one page; 47 front-page articles do not.
    expect(cards(page('world'))).toBe(siteArticles + 15);
    expect(existsSync(join(out, 'world/page/2'))).toBe(false);
    expect(cards(page('tags/topic-1'))).toBeGreaterThan(0);
    expect(cards(page('tags/topic-1'))).toBeLessThanOrEqual(PAGE_SIZE);
  });
});

describe('a rebuild after a correction, with the caches kept', () => {
  const rebuilt = join(work, 'rebuilt');
  const fromScratch = join(work, 'from-scratch');
  const edit = (index: number, change: (markdown: string) => string) => {
    const file = join(content, syntheticArticle(index).path);
    writeFileSync(file, change(readFileSync(file, 'utf8')));
  };
  let log = '';

  beforeAll(() => {
    // One correction in the frontmatter only, one in the body only.
    edit(20, (markdown) => markdown.replace('title: "Synthetic report 20:', 'title: "Corrected report 20:'));
    edit(27, (markdown) => `${markdown}\nA correction was appended to this report.\n`);
    // A new live update: the article that links to the blog shows its latest time, so it is rendered again too.
    writeFileSync(
      join(content, 'live/russia-ukraine/updates/posted-later.md'),
      '---\ntime: 2022-05-23T16:10:00+04:00\ntitle: A later update\n---\n\nPosted between the two builds.\n',
    );
    // The author's name changes: every page with the byline shows the new one.
    writeFileSync(authorFile(), author('Ann Renamed'));
    const incremental = build(rebuilt);
    expect(incremental.status, incremental.output).toBe(0);
    log = incremental.output;
    // The same content again, with no earlier pages, rendered bodies or store to reuse.
    forgetBuilds(content);
    const full = build(fromScratch);
    expect(full.status, full.output).toBe(0);
  }, 600_000);

  const files = siteFiles;

  it('copies the pages and cards of the untouched articles from the last build', () => {
    expect(log.match(/\(restored\)/g)?.length ?? 0).toBeGreaterThanOrEqual(2 * (synthetic - 1));
  });

  it('indexes again only the parts of the search index whose pages changed, and keeps the others as they were', () => {
    const parts = (dir: string) => JSON.parse(readFileSync(join(dir, 'pagefind/parts.json'), 'utf8')) as string[];
    expect(parts(out).map(partName)).toEqual([
      '2024-04-28-to-2025-04-03',
      '2023-03-08-to-2024-03-24',
      '2021-04-21-to-2023-03-02',
      '2020-03-21-to-2021-04-12',
      '2019-03-01-to-2020-03-13',
    ]);
    expect(parts(rebuilt).map(partName)).toEqual(parts(out).map(partName));
    // The corrections are in 2025, with the live blog; the renamed author's article is of April 2021.
    expect(log).toContain(
      'Search index in 5 part(s): indexed 2020-03-21-to-2021-04-12, 2024-04-28-to-2025-04-03; 3 unchanged, kept.',
    );
    // A part indexed again is a new folder; a kept one is the same folder, file for file.
    const kept = parts(rebuilt).filter((part) => parts(out).includes(part));
    expect(kept.map(partName)).toEqual([
      '2023-03-08-to-2024-03-24',
      '2021-04-21-to-2023-03-02',
      '2019-03-01-to-2020-03-13',
    ]);
    for (const part of kept) {
      const folder = (dir: string) => join(dir, part.slice(1, -1));
      expect(files(folder(rebuilt))).toEqual(files(folder(out)));
      for (const file of files(folder(out)))
        expect(readFileSync(join(folder(rebuilt), file)).equals(readFileSync(join(folder(out), file))), file).toBe(
          true,
        );
    }
  });

  it('shows the corrections on the articles and in the lists', () => {
    const listed = (index: number, dir: string) =>
      frontPages.flatMap((front) => {
        const link = new RegExp(`<a href="/([^"]+)/"[^>]*>(\\w+) report ${index}:`).exec(page(front, dir));
        return link ? [{ path: link[1]!, title: link[2] }] : [];
      });
    expect(listed(20, out)).toEqual([expect.objectContaining({ title: 'Synthetic' })]);
    expect(listed(20, rebuilt)).toEqual([expect.objectContaining({ title: 'Corrected' })]);
    expect(page(listed(20, rebuilt)[0]!.path, rebuilt)).toMatch(/<h1[^>]*>Corrected report 20:/);
    const path = listed(27, rebuilt)[0]!.path;
    expect(page(path, out)).not.toContain('A correction was appended to this report.');
    expect(page(path, rebuilt)).toContain('A correction was appended to this report.');
  });

  it("brings the article that links to the live blog up to the blog's new update", () => {
    const seed = 'world/2022/05/23/russian-diplomat-un-resigns';
    expect(page(seed, out)).toContain('May 23, 2022, 3:25 PM</time>');
    expect(page(seed, rebuilt)).toContain('May 23, 2022, 4:10 PM</time>');
  });

  it("shows an author's new name on every byline: the article's, and the live update's on the blog and its own page", () => {
    const bylines = (dir: string) =>
      files(dir).filter((file) => file.endsWith('.html') && readFileSync(join(dir, file), 'utf8').includes('Ann '));
    const credited = bylines(out);
    expect(credited).toEqual(
      expect.arrayContaining([
        'live/russia-ukraine/index.html',
        'live/russia-ukraine/updates/mission-silent/index.html',
        'authors/ann-example/index.html',
      ]),
    );
    for (const file of credited) {
      expect(readFileSync(join(rebuilt, file), 'utf8'), file).not.toContain('Ann Example');
      expect(readFileSync(join(rebuilt, file), 'utf8'), file).toContain('Ann Renamed');
    }
  });

  it('keeps in the card cache only the cards the site still shows', () => {
    // The corrected headline drew a new card; the old one went when the build succeeded.
    const shown = files(rebuilt).filter((file) => file.startsWith('cards/'));
    // One card per article, one for the live blog and one for each of its updates (one posted between the builds).
    expect(shown.length).toBe(synthetic + siteArticles + siteLiveCards);
    const cached = readdirSync(join(content, '.astro-cache', 'broadside-cards'));
    expect(cached).toHaveLength(shown.length);
    // Each cached card belongs to a card the site shows, and holds its bytes.
    for (const name of cached) {
      const page = cachedCardPage(name);
      expect(page, name).toBeDefined();
      const card = readFileSync(join(content, '.astro-cache', 'broadside-cards', name));
      expect(card.equals(readFileSync(join(rebuilt, 'cards', `${page}.png`))), name).toBe(true);
    }
  });

  it('gives, file for file, the site a build from scratch gives', () => {
    expect(files(rebuilt)).toEqual(files(fromScratch));
    expect(differingFiles(fromScratch, rebuilt)).toEqual([]);
  });
});
