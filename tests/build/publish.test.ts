/**
 * `npm run publish`: a change renders only the pages that show it, without
 * Astro's build when the site's code and images allow, and puts them into
 * the site in place, whose other pages stay the files they were; the
 * result is, file for file, what a build of the same content from scratch
 * gives (docs/decisions.md, "One change is published over a copy of the
 * last site" and "One change is rendered outside Astro's build").
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'devalue';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, differingFiles, forgetBuilds, siteFiles } from './build-site';
import { syntheticArticle, writeCorpus } from '../../scripts/corpus';
import { partName, writeSearchIndex } from '../../scripts/search-index';
import { linkCopy } from '../../scripts/site-record';
import { readSyncedStore, storeChangesFile } from '../../src/lib/render/content-sync';

const work = mkdtempSync(join(tmpdir(), 'broadside-publish-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const content = join(work, 'content');
const out = join(work, 'dist');
const cache = join(content, '.astro-cache');
const synthetic = 14;

const files = siteFiles;
const articleFile = (index: number) => join(content, syntheticArticle(index).path);
const edit = (index: number, change: (markdown: string) => string) =>
  writeFileSync(articleFile(index), change(readFileSync(articleFile(index), 'utf8')));
/** The page of synthetic article `index` in `dir`, found by its headline's number. */
function articlePage(dir: string, index: number): string {
  const page = files(dir).find(
    (file) =>
      /^(world|business|climate)\/\d{4}\/\d\d\/\d\d\/[^/]+\/index\.html$/.test(file) &&
      readFileSync(join(dir, file), 'utf8').includes(`report ${index}:`),
  );
  expect(page, `the page of article ${index}`).toBeDefined();
  return page!;
}

/** Builds the content from scratch, its caches emptied, into `folder` of the work folder, and requires the published site to equal it, file for file. */
function expectSiteFromScratch(folder: string): void {
  const fromScratch = join(work, folder);
  forgetBuilds(content);
  const full = buildSite(content, fromScratch);
  expect(full.status, full.output).toBe(0);
  expect(files(out)).toEqual(files(fromScratch));
  expect(differingFiles(fromScratch, out)).toEqual([]);
}

/** Everything a publish wrote to the log, and the site before it, by file. */
let published = '';
const before = new Map<string, Buffer>();
/** The site before the publish, as hard links to its files: what the publish wrote into, this shows. */
const linkedBefore = join(work, 'linked-before');
let removedPage = '';
let movedPage = '';
let editedPage = '';
let untouchedPage = '';
/** The content store the publish's own sync left (the store file, and the changes kept beside it). */
let publishedStore = new Map<string, Map<string, unknown>>();
const storeFile = join(cache, 'data-store.json');

beforeAll(async () => {
  writeCorpus(content, synthetic);
  const first = buildSite(content, out);
  expect(first.status, first.output).toBe(0);
  for (const file of files(out)) before.set(file, readFileSync(join(out, file)));
  removedPage = articlePage(out, 9);
  movedPage = articlePage(out, 7);
  editedPage = articlePage(out, 3);
  untouchedPage = articlePage(out, 12);
  linkCopy(out, linkedBefore);

  // A sentence added to one article, a headline corrected on another, one article retracted (its file
  // deleted), one moved to another address (its file renamed, its text and so its key unchanged), and a
  // new live update.
  edit(3, (markdown) => `${markdown}\nA sentence added after the first publication.\n`);
  edit(5, (markdown) => markdown.replace('title: "Synthetic report 5:', 'title: "Corrected report 5:'));
  rmSync(articleFile(9));
  renameSync(articleFile(7), articleFile(7).replace(/synthetic-7\.md$/, 'renamed-report.md'));
  mkdirSync(join(content, 'live/russia-ukraine/updates'), { recursive: true });
  writeFileSync(
    join(content, 'live/russia-ukraine/updates/posted-later.md'),
    '---\ntime: 2022-05-23T16:10:00+04:00\ntitle: A later update\n---\n\nPosted after the first build.\n',
  );
  const publish = buildSite(content, out, undefined, {}, 'publish');
  expect(publish.status, publish.output).toBe(0);
  published = publish.output;
  // Kept beside the store the first build saved, which the publish left as it was.
  expect(existsSync(storeChangesFile(storeFile))).toBe(true);
  publishedStore = await readSyncedStore(storeFile);
}, 600_000);

describe('a publish of five changes', () => {
  it('renders the pages that show a change, and leaves the others where they were', () => {
    expect(published).toMatch(/^Publish: rendering only what changed in .*dist\/\.$/m);
    // Rendered with the bundle the last build kept, not by Astro's build: the front page, feeds, sitemaps,
    // the changed articles and the lists, tags, cards and live pages that show them.
    expect(published).toMatch(/^Rendered \d+ of \d+ path\(s\) without Astro's build\.$/m);
    const [, rendered, all] = /^Rendered (\d+) of (\d+)/m.exec(published)!.map(Number);
    expect(rendered).toBeLessThan(all! / 2);
    // No copy of the site: the files of the change alone, put into the site in place.
    expect(published).toMatch(
      /^Took \d+\.\d s: render \d+\.\d s, Pagefind \d+\.\d s, checks \d+\.\d s, apply \d+\.\d s\.$/m,
    );
    expect(existsSync(join(work, '.dist.staging'))).toBe(false);
    expect(existsSync(join(work, '.dist.change.json'))).toBe(false);
    const inode = (dir: string, file: string) => statSync(join(dir, file)).ino;
    // A page the change does not show is the very file it was, neither copied nor rendered.
    expect(inode(out, untouchedPage)).toBe(inode(linkedBefore, untouchedPage));
    expect(inode(out, editedPage)).not.toBe(inode(linkedBefore, editedPage));
  });

  it('shows each change, and no longer has the retracted article', () => {
    expect(readFileSync(join(out, editedPage), 'utf8')).toContain('A sentence added after the first publication.');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('Corrected report 5:');
    expect(existsSync(join(out, removedPage))).toBe(false);
    expect(existsSync(join(out, removedPage, '..'))).toBe(false);
    expect(existsSync(join(out, 'live/russia-ukraine/updates/posted-later/index.html'))).toBe(true);
  });

  it('moves an article whose file was renamed, its page and its card, though their keys are the ones they had', () => {
    const moved = movedPage.replace(/synthetic-7\/index\.html$/, 'renamed-report/index.html');
    expect(moved).not.toBe(movedPage);
    expect(existsSync(join(out, movedPage))).toBe(false);
    expect(readFileSync(join(out, moved), 'utf8')).toContain('report 7:');
    const card = (page: string) => join(out, 'cards', page.replace(/\/index\.html$/, '.png'));
    expect(existsSync(card(movedPage))).toBe(false);
    expect(existsSync(card(moved))).toBe(true);
  });

  it('never wrote into a file of the site, but put new files in their place', () => {
    // Links to the files of the site before the publish: each still holds what it held.
    expect(files(linkedBefore)).toEqual([...before.keys()]);
    const changed = [...before].filter(([file, bytes]) => !readFileSync(join(linkedBefore, file)).equals(bytes));
    expect(changed.map(([file]) => file)).toEqual([]);
  });

  it('gives, file for file, the site a build from scratch gives', () => {
    expectSiteFromScratch('from-scratch');
    // The publish's own content sync saved the store Astro's sync saves for the same content, entry for entry.
    const entries = (store: Map<string, Map<string, unknown>>) =>
      Object.fromEntries([...store].map(([name, collection]) => [name, Object.fromEntries(collection)]));
    expect(entries(publishedStore)).toEqual(entries(parse(readFileSync(storeFile, 'utf8')) as typeof publishedStore));
  }, 300_000);

  it("indexes again, for a live update alone, the blog's part only, as indexing the site from nothing does", async () => {
    // Parts of a few pages each, so that the article linking to the blog (2022) is not in the blog's part.
    const inParts = { BROADSIDE_SEARCH_PART_PAGES: '4' };
    const parted = buildSite(content, out, undefined, inParts, 'publish');
    expect(parted.status, parted.output).toBe(0);
    // The seed article shows the blog's latest time, in an element the search index skips whole.
    const linking = 'world/2022/05/23/russian-diplomat-un-resigns/index.html';
    const linkingBefore = readFileSync(join(out, linking));
    writeFileSync(
      join(content, 'live/russia-ukraine/updates/posted-last.md'),
      '---\ntime: 2022-05-23T17:30:00+04:00\ntitle: The last update\n---\n\nPosted after the publish.\n',
    );
    const live = buildSite(content, out, undefined, inParts, 'publish');
    expect(live.status, live.output).toBe(0);
    expect(readFileSync(join(out, linking), 'utf8')).toContain('5:30 PM');
    expect(readFileSync(join(out, linking)).equals(linkingBefore)).toBe(false);
    const parts = JSON.parse(readFileSync(join(out, 'pagefind/parts.json'), 'utf8')) as string[];
    expect(parts.length).toBeGreaterThan(2);
    const newest = partName(parts[0]!);
    expect(live.output).toContain(
      `Search index in ${parts.length} part(s): indexed ${newest}; ${parts.length - 1} unchanged, kept.`,
    );

    const reindexed = join(work, 'reindexed');
    cpSync(out, reindexed, { recursive: true });
    rmSync(join(reindexed, 'pagefind'), { recursive: true });
    await writeSearchIndex(reindexed, join(work, 'no-search-cache'), 4);
    expect(siteFiles(join(reindexed, 'pagefind'))).toEqual(siteFiles(join(out, 'pagefind')));
    expect(differingFiles(join(reindexed, 'pagefind'), join(out, 'pagefind'))).toEqual([]);
  }, 300_000);

  it("leaves to Astro's build an article with an image new to the site, and gives what a build from scratch gives", async () => {
    // Astro's build of this site, then a sentence published without it, so Astro's cache keeps the page as it
    // was before the sentence (Astro's cache serves one output folder: the from-scratch builds emptied it)...
    const whole = buildSite(content, out);
    expect(whole.status, whole.output).toBe(0);
    edit(3, (markdown) => `${markdown}\nA second sentence, published later.\n`);
    const second = buildSite(content, out, undefined, {}, 'publish');
    expect(second.status, second.output).toBe(0);
    expect(second.output).toMatch(/^Rendered \d+ of \d+ path\(s\) without Astro's build\.$/m);
    // ... then taken out again in the publish Astro's build renders: the page is again what Astro's cache holds.
    edit(3, (markdown) => markdown.replace('\nA second sentence, published later.\n', ''));
    mkdirSync(join(content, 'articles/2023/images'), { recursive: true });
    // An image of its own bytes: Vite emits one file for identical images, under either name.
    await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#2f4f6f' } })
      .png()
      .toFile(join(content, 'articles/2023/images/new.png'));
    writeFileSync(
      join(content, 'articles/2023/with-photo.md'),
      [
        '---',
        'title: An article with a photograph of its own',
        'standfirst: Its image is new to the site.',
        'section: world',
        'published: 2023-02-01',
        'image:',
        '  src: ./images/new.png',
        '  alt: A placeholder graphic.',
        '---',
        '',
        'The body.',
        '',
      ].join('\n'),
    );
    const withImage = buildSite(content, out, undefined, {}, 'publish');
    expect(withImage.status, withImage.output).toBe(0);
    expect(withImage.output).toMatch(
      /^Publish: the change names an image its file did not name before \(\.\/images\/new\.png in \S*content\/articles\/2023\/with-photo\.md\), so Astro's build renders it\.$/m,
    );
    expect(withImage.output).toMatch(/^Took \d+\.\d s: render \d+\.\d s, copy \d+\.\d s, Astro \d+\.\d s, /m);
    const page = readFileSync(join(out, 'world/2023/02/01/with-photo/index.html'), 'utf8');
    expect(page).toMatch(/<img [^>]*src="\/_astro\/new\.[\w-]+\.(webp|png|avif)"/);
    expect(readFileSync(join(out, editedPage), 'utf8')).not.toContain('A second sentence, published later.');

    expectSiteFromScratch('from-scratch-again');
  }, 600_000);

  it('builds the whole site when it has no record of the site in place', () => {
    rmSync(join(cache, 'broadside-pages'), { recursive: true });
    const again = buildSite(content, out, undefined, {}, 'publish');
    expect(again.status, again.output).toBe(0);
    expect(again.output).toContain('Publish: no build has recorded the pages of the site, so the whole site is built.');
    expect(again.output).not.toContain('publishing a change');
    expect(again.output).toMatch(/^Took \d+\.\d s: Astro \d+\.\d s, Pagefind /m);
  }, 300_000);
});
