/**
 * A real build of an archive large enough for the front page to have a
 * second page (scripts/corpus.ts: several zones, some dates alone) and a
 * draft dated after every article. The sitemap must list exactly the pages
 * a reader can land on, each dated as the page dates itself, and the draft
 * nowhere, not even as the newest date of a list.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, project } from './build-site';
import { writeCorpus } from '../../scripts/corpus';

const work = mkdtempSync(join(tmpdir(), 'broadside-sitemap-'));
const content = join(work, 'content');
const out = join(work, 'dist');
const origin = 'https://broadside.example';
const synthetic = 40;
/** The site's own articles, which the corpus carries too. */
const siteArticles = readdirSync(join(project, 'content/articles'), { recursive: true, encoding: 'utf8' }).filter(
  (file) => file.endsWith('.md'),
).length;
const draftPath = '/world/2099/05/25/late-draft/';

let build: { status: number | null; output: string };

beforeAll(() => {
  writeCorpus(content, synthetic);
  mkdirSync(join(content, 'articles/2022'), { recursive: true });
  writeFileSync(
    join(content, 'articles/2022/late-draft.md'),
    `---
title: A draft dated after everything
standfirst: It must stay out of the site and out of the sitemap.
section: world
published: 2099-05-25
draft: true
---

Not ready yet.
`,
  );
  build = buildSite(content, out);
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const parser = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap', parseTagValue: false });
const readXml = (sitePath: string): unknown => parser.parse(readFileSync(join(out, sitePath), 'utf8'));

/** Site path to lastmod (undefined when none), from every file the index lists. */
function sitemap(): Map<string, string | undefined> {
  const index = readXml('sitemap-index.xml') as { sitemapindex: { sitemap: { loc: string }[] } };
  const entries = new Map<string, string | undefined>();
  for (const { loc } of index.sitemapindex.sitemap) {
    const file = readXml(new URL(loc).pathname) as { urlset: { url: { loc: string; lastmod?: string }[] } };
    for (const url of file.urlset.url) entries.set(url.loc.slice(origin.length), url.lastmod);
  }
  return entries;
}

/** Every built HTML page that may be indexed: not the 404 page, none with `noindex` (redirects). */
function indexablePages(): string[] {
  return readdirSync(out, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('index.html'))
    .filter((file) => !readFileSync(join(out, file), 'utf8').includes('<meta name="robots" content="noindex">'))
    .map((file) => `/${file.split('\\').join('/').slice(0, -'index.html'.length)}`)
    .sort();
}

const html = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');
/** What a page's JSON-LD gives as its last change. */
const dateModified = (path: string) => /"dateModified":"([^"]+)"/.exec(html(path))?.[1];
/** The article pages a list page links to. */
const listed = (path: string) =>
  [...html(path).matchAll(/<h2 class="card-title"[^>]*><a href="([^"]+)"/g)].map((match) => match[1]!);

describe('the sitemap of an archive with later list pages and a draft', () => {
  it('builds', () => {
    expect(build.status, build.output).toBe(0);
  });

  it('lists exactly the pages a reader can land on, later list pages included', () => {
    const listedPaths = [...sitemap().keys()].sort();
    expect(listedPaths).toEqual(indexablePages());
    expect(listedPaths).toContain('/page/1/');
    expect(listedPaths).not.toContain('/404.html');
  });

  it('leaves out the draft, and its date', () => {
    expect(build.output).not.toContain('late-draft');
    expect(sitemap().has(draftPath)).toBe(false);
    expect(readFileSync(join(out, 'sitemap-0.xml'), 'utf8')).not.toContain('2099');
  });

  it('dates every article as its page does: a date alone as a date, a date-time with its offset', () => {
    const entries = sitemap();
    const articles = [...entries.keys()].filter((path) => /^\/\w+\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/.test(path));
    expect(articles).toHaveLength(synthetic + siteArticles);
    for (const path of articles) expect(entries.get(path), path).toBe(dateModified(path));
    const lastmods = articles.map((path) => entries.get(path)!);
    expect(lastmods.filter((text) => /^\d{4}-\d{2}-\d{2}$/.test(text)).length).toBeGreaterThan(0);
    expect(lastmods.filter((text) => /T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/.test(text)).length).toBeGreaterThan(0);
    expect(lastmods.filter((text) => text.endsWith('Z') || text.includes('.000'))).toEqual([]);
  });

  it('dates each page of a list by what that page lists, not by the list as a whole', () => {
    const entries = sitemap();
    for (const path of ['/', '/page/1/', '/world/', '/tags/topic-1/']) {
      const shown = listed(path).map((article) => entries.get(article));
      expect(shown, path).toContain(entries.get(path));
    }
    expect(entries.get('/page/1/')).not.toBe(entries.get('/'));
  });
});
