/**
 * Real builds of the site's own content plus two fictional authors
 * (tests/fixtures/content/authors) and articles written here that credit
 * them: one author with more articles than a list page holds, the other
 * sharing a byline with her and an agency. Then a build of the same with
 * slips an editor makes, which must stop, naming each file and what was
 * meant.
 */
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser } from '@playwright/test';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xmlProblem } from '../../scripts/build-checks';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium';
import { serveFolder } from '../../scripts/serve';
import { buildSite, project } from './build-site';
import { FEED_LENGTH } from '@/lib/metadata/feed';

const work = mkdtempSync(join(tmpdir(), 'broadside-authors-'));
const origin = 'https://broadside.example';
/** More than two list pages (20 each) of articles by Jane Doe alone, one a day from 1 January 2023. */
const janeAlone = 41;
const storyDay = (story: number) => new Date(Date.UTC(2023, 0, story)).toISOString().slice(0, 10);
const storyPath = (story: number) =>
  `/world/${storyDay(story).replaceAll('-', '/')}/story-${String(story).padStart(2, '0')}/`;
const sharedPath = '/business/2023/03/01/shared-byline/';

/** The site's content, the fictional authors and their articles, plus `extra` files, in a folder of its own. */
function writeContent(name: string, extra: Record<string, string> = {}): string {
  const content = join(work, name);
  cpSync(join(project, 'content'), content, { recursive: true });
  cpSync(join(project, 'tests/fixtures/content/authors'), content, { recursive: true });
  const files: Record<string, string> = { ...extra };
  for (let story = 1; story <= janeAlone; story += 1) {
    const nn = String(story).padStart(2, '0');
    files[`articles/2023/story-${nn}.md`] =
      `---\ntitle: Test story ${nn}\nstandfirst: A story by the fictional Jane Doe.\nsection: world\npublished: ${storyDay(story)}\nauthors: [jane-doe]\n---\n\nText.\n`;
  }
  files['articles/2023/shared-byline.md'] =
    `---\ntitle: A shared byline\nstandfirst: Two fictional reporters and an agency.\nsection: business\npublished: 2023-03-01\nauthors: [john-roe, jane-doe]\nagencies: [AFP]\n---\n\nText.\n`;
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(content, path, '..'), { recursive: true });
    writeFileSync(join(content, path), text);
  }
  return content;
}

const dist = join(work, 'dist');
let server: Server | undefined;
let browser: Browser | undefined;
let base: string;

beforeAll(async () => {
  const { status, output } = buildSite(writeContent('good'), dist);
  expect(status, output).toBe(0);
  server = await serveFolder(dist);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}, 200_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  rmSync(work, { recursive: true, force: true });
});

/** A built page, without Astro's scoping attributes, so assertions read like the page. */
const html = (path: string) =>
  readFileSync(join(dist, path, 'index.html'), 'utf8').replace(/ data-astro-cid-\w+(="[^"]*")?/g, '');
/** The first element of a page with `class`, whole, so a failure shows that part of the page only. */
const part = (path: string, className: string) =>
  new RegExp(`<(\\w+) class="${className}"[^>]*>.*?</\\1>`, 's').exec(html(path))?.[0];
/** The article pages a list page links to, in order. */
const listed = (path: string) =>
  [...html(path).matchAll(/<h2 class="card-title"[^>]*><a href="([^"]+)"/g)].map((match) => match[1]!);
/** Every JSON-LD object of a page. */
const jsonLd = (path: string) =>
  [...html(path).matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map(
    (match) => JSON.parse(match[1]!) as Record<string, unknown>,
  );

describe("an author's page", () => {
  it('shows the name, role, bio, portrait and links, and her articles newest first', () => {
    expect(html('/authors/jane-doe/')).toMatch(/<h1 class="page-title">Jane Doe<\/h1>/);
    const profile = part('/authors/jane-doe/', 'author-profile');
    expect(profile).toContain('<p class="role">Diplomatic correspondent (fictional, for tests)</p>');
    expect(profile).toContain('<p class="bio">A made-up reporter who exists only in this test fixture');
    expect(profile).toMatch(/<img[^>]*alt="A placeholder where a portrait would be"[^>]*width="128"/);
    expect(profile).toContain('<a href="https://example.com/jane-doe" rel="me">Website</a>');
    expect(profile).toContain('<a href="mailto:jane.doe@example.com">Email</a>');
    // 42 articles: the newest page holds the 22 newer than the oldest 20.
    expect(listed('/authors/jane-doe/')).toEqual([
      sharedPath,
      ...Array.from({ length: 21 }, (_, index) => storyPath(janeAlone - index)),
    ]);
  });

  it('goes on at /authors/<slug>/page/1/, the oldest, without the profile, linked both ways', () => {
    expect(listed('/authors/jane-doe/page/1/')).toEqual(
      Array.from({ length: 20 }, (_, index) => storyPath(20 - index)),
    );
    expect(html('/authors/jane-doe/')).toContain('<link rel="next" href="/authors/jane-doe/page/1/">');
    const older = html('/authors/jane-doe/page/1/');
    expect(older).toContain('<link rel="prev" href="/authors/jane-doe/">');
    expect(older).not.toContain('rel="next"');
    expect(older).toMatch(/<h1[^>]*>Jane Doe, page 1<\/h1>/);
    expect(part('/authors/jane-doe/page/1/', 'author-profile')).toBeUndefined();
  });

  it('describes a Person with her page as url, her job, portrait and profile', () => {
    for (const path of ['/authors/jane-doe/', '/authors/jane-doe/page/1/']) {
      const [person] = jsonLd(path);
      expect(person, path).toMatchObject({
        '@type': 'Person',
        name: 'Jane Doe',
        url: `${origin}/authors/jane-doe/`,
        jobTitle: 'Diplomatic correspondent (fictional, for tests)',
        sameAs: ['https://example.com/jane-doe'],
        email: 'jane.doe@example.com',
        image: { '@type': 'ImageObject', width: 256 },
      });
      expect((person!.image as { url: string }).url).toMatch(new RegExp(`^${origin}/_astro/.+\\.jpe?g$`));
    }
  });

  it('advertises her feed, whose items are her articles, newest first, in valid RSS', () => {
    expect(html('/authors/jane-doe/')).toContain(
      `<link rel="alternate" type="application/rss+xml" title="Jane Doe: latest articles" href="${origin}/authors/jane-doe/feed.xml">`,
    );
    const xml = readFileSync(join(dist, 'authors/jane-doe/feed.xml'), 'utf8');
    const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' });
    expect(xmlProblem(xml)).toBeUndefined();
    const feed = parser.parse(xml) as {
      rss: { channel: { title: string; item: { link: string }[]; 'atom:link': { '@_href': string } } };
    };
    expect(feed.rss.channel.title).toBe('Jane Doe | Broadside');
    expect(feed.rss.channel['atom:link']['@_href']).toBe(`${origin}/authors/jane-doe/feed.xml`);
    const links = feed.rss.channel.item.map((item) => item.link.slice(origin.length));
    expect(links).toHaveLength(Math.min(janeAlone + 1, FEED_LENGTH));
    expect(links[0]).toBe(sharedPath);
    expect(readFileSync(join(dist, 'authors/john-roe/feed.xml'), 'utf8').match(/<item>/g)).toHaveLength(1);
  });

  it('is in the sitemap, every page of it', () => {
    const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    for (const path of ['/authors/jane-doe/', '/authors/jane-doe/page/1/', '/authors/john-roe/']) {
      expect(sitemap).toContain(`<loc>${origin}${path}</loc>`);
    }
  });

  it(
    'has no axe violations in either scheme and fits a 320 px screen, nor has an article with a linked byline',
    { timeout: 150_000 },
    async () => {
      for (const [path, colorScheme] of [
        ['/authors/jane-doe/', 'light'],
        ['/authors/jane-doe/', 'dark'],
        [sharedPath, 'dark'],
      ] as const) {
        const context = await browser!.newContext({
          javaScriptEnabled: true,
          viewport: { width: 320, height: 800 },
          colorScheme,
        });
        const page = await context.newPage();
        expect((await page.goto(`${base}${path}`))?.status()).toBe(200);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
        const results = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
          .analyze();
        expect(
          results.violations.map((violation) => violation.id),
          `${path} ${colorScheme}`,
        ).toEqual([]);
        await context.close();
      }
    },
  );
});

describe("an article's byline", () => {
  it('links each author to their page, in byline order, the agency as plain text', () => {
    expect(part(sharedPath, 'byline')).toMatch(
      /By <span class="names"><a href="\/authors\/john-roe\/" rel="author">John Roe<\/a>, <a href="\/authors\/jane-doe\/" rel="author">Jane Doe<\/a>, and AFP<\/span>/,
    );
  });

  it('gives each author in the structured data the url of their page', () => {
    const [news] = jsonLd(sharedPath);
    expect(news!.author).toEqual([
      { '@type': 'Person', name: 'John Roe', url: `${origin}/authors/john-roe/` },
      { '@type': 'Person', name: 'Jane Doe', url: `${origin}/authors/jane-doe/` },
      { '@type': 'Organization', name: 'AFP' },
    ]);
  });
});

describe('a build with slips in the credits and the author files', () => {
  it('stops, naming each file and field, with the author meant', () => {
    const content = writeContent('refused', {
      'articles/2023/misspelt-author.md':
        '---\ntitle: A misspelt author\nstandfirst: It must not build.\nsection: world\npublished: 2023-03-01\nauthors: [jane-deo, John Roe, Reuters]\n---\n\nText.\n',
      'authors/with-body.md': '---\nname: Body Writer\nrole: Tester\nbio: Short.\n---\n\nA long bio below the fence.\n',
      'authors/remote-photo.md':
        '---\nname: Remote Photo\nrole: Tester\nbio: Short.\nphoto:\n  src: https://example.com/me.jpg\n  alt: Me\n---\n',
    });
    const { status, output } = buildSite(content, join(work, 'refused-dist'));
    expect(status).not.toBe(0);
    const article = 'articles/2023/misspelt-author.md';
    expect(output).toContain(
      `${article}: authors.0: "jane-deo" is not an author in content/authors/: did you mean \`jane-doe\` (Jane Doe)?`,
    );
    expect(output).toContain(
      `${article}: authors.1: "John Roe" is not an author in content/authors/: did you mean \`john-roe\` (John Roe)?`,
    );
    expect(output).toMatch(
      /misspelt-author\.md: authors\.2: "Reuters" is not an author in content\/authors\/: name each author by/,
    );
    expect(output).toContain(
      'authors/with-body.md: the text below the frontmatter is never shown: put the bio in `bio:`',
    );
    expect(output).toContain(
      'authors/remote-photo.md: photo.src: "https://example.com/me.jpg" is not a file of this site',
    );
  }, 200_000);
});
