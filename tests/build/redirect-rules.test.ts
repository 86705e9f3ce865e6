/**
 * Real builds that hold `redirectFrom` to clean folder paths that nothing
 * in the build serves. A small site (the seed, a live blog, enough articles
 * for a second page of the front page, a section and a tag, and redirects
 * the rule allows) is built and its `dist/` walked; a second build of the
 * same site adds one article that claims every file and page of that
 * `dist/`, and the paths an attacker tried, and must refuse each of them in
 * one go, naming the file and the field. So a route added later cannot
 * escape the rule: its files are in the walk.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_SIZE } from '@/lib/routes/pagination';
import { buildSite, project } from './build-site';

const work = mkdtempSync(join(tmpdir(), 'broadside-redirects-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const content = join(work, 'content');

/** An article's Markdown file, its `redirectFrom` written one quoted path a line. */
function writeArticle(file: string, fields: Record<string, string>, redirectFrom: string[] = []): void {
  writeFileSync(
    join(content, 'articles', file),
    [
      '---',
      ...Object.entries(fields).map(([key, value]) => `${key}: ${value}`),
      ...(redirectFrom.length ? ['redirectFrom:', ...redirectFrom.map((path) => `  - ${JSON.stringify(path)}`)] : []),
      '---',
      '',
      'Text.',
      '',
    ].join('\n'),
  );
}

/** Old paths the rule allows: upper case, "~", "_", no last slash. Each must get its page and its lines. */
const allowed = ['/News/Story-123', '/world/2021/old-slug/', '/~desk/archive/story/', '/old_cms/item_9/'];

/** What an attacker tried, with the start of the message each must get. */
const probes: [string, string][] = [
  ['/*', 'holds "*", which hosts read as a pattern that matches many paths'],
  ['/old/:slug/', 'holds ":", which hosts read as a placeholder'],
  ['/search/', 'is /search/, which the build serves itself'],
  ['/search', 'is /search/, which the build serves itself'],
  ['/Search/', 'is /search/, which the build serves itself'],
  ['/feed.xml', 'names a file ("feed.xml")'],
  ['/feed.xml/', 'names a file ("feed.xml")'],
  ['/feed.xml/old/', 'goes under a file name ("feed.xml")'],
  ['/world/index.html/old/', 'goes under a file name ("index.html")'],
  ['/robots.txt', 'names a file ("robots.txt")'],
  ['/404.html', 'names a file ("404.html")'],
  ['/404/', 'is /404/, which the build serves itself'],
  ['/sitemap-index.xml', 'names a file ("sitemap-index.xml")'],
  ['/_astro/', 'starts with "_astro"'],
  ['/_astro/old/', 'starts with "_astro"'],
  ['/_redirects', 'starts with "_redirects"'],
  ['/_headers', 'starts with "_headers"'],
  ['/pagefind/', 'is /pagefind/, which the build serves itself'],
  ['/pagefind/fragment/', 'is under /pagefind/, which the build serves itself'],
  ['/cards/world/2022/', 'is under /cards/, which the build serves itself'],
  ['/favicon.svg', 'names a file ("favicon.svg")'],
  ['/old/../search/', 'has a "." or ".." name'],
  ['/%2e%2e/search/', 'holds percent-encoding ("%2e")'],
  ['/old%2Fsearch/', 'holds percent-encoding ("%2F")'],
  ['/old/?x', 'holds a query or fragment ("?x")'],
  ['/old/#top', 'holds a query or fragment ("#top")'],
  ['/old\\search/', 'holds "\\"'],
  ['//evil.example/', 'has an empty name ("//")'],
  ['/news/story.html', 'names a file ("story.html")'],
  ['/', 'is the front page'],
  ['/world/', 'is the path of a page that exists: a redirect cannot replace it'],
  ['/World/', 'is the path of a page that exists (/world/: hosts such as Netlify do not tell upper from lower case)'],
  ['/world/page/2/', "is under /world/page/, where the build serves a list's further pages"],
  ['/tags/filler/page/9/', 'is under /tags/, which the build serves itself'],
  ['/live/russia-ukraine/', 'is the path of a page that exists'],
  ['/live/old-blog/', 'is under /live/, which the build serves itself'],
  ['/world/2022/05/23/russian-diplomat-un-resigns/', 'is the permalink of '],
  ['/world/2022/05/23/russian-diplomat-un-resigns/old/', 'is under /world/2022/05/23/russian-diplomat-un-resigns/'],
];

/**
 * What a built site serves, as site paths: every file; the folder of each
 * page; every folder that holds no page, only files (`/_astro/`,
 * `/pagefind/2022-05-23.0123456789ab/fragment/`, `/cards/world/2022/05/23/`); and a path under each
 * file, where a redirect's page would need the file to be a folder. Folders
 * that lead to pages (`/world/2022/05/23/`) are left out: old permalinks
 * live there.
 */
function servedPaths(dist: string): string[] {
  const entries = readdirSync(dist, { recursive: true, withFileTypes: true }).map((entry) => ({
    path: `/${join(entry.parentPath, entry.name).slice(dist.length + 1)}`,
    isFile: entry.isFile(),
  }));
  const files = entries.filter((entry) => entry.isFile).map((entry) => entry.path);
  const pages = files.filter((file) => file.endsWith('/index.html')).map((file) => file.slice(0, -'index.html'.length));
  const leadingToPages = new Set(
    pages.flatMap((page) =>
      page
        .split('/')
        .slice(1, -2)
        .map((_, index, names) => `/${names.slice(0, index + 1).join('/')}/`),
    ),
  );
  const fileFolders = entries
    .filter((entry) => !entry.isFile)
    .map((entry) => `${entry.path}/`)
    .filter((folder) => !pages.includes(folder) && !leadingToPages.has(folder));
  return [...new Set([...files, ...pages, ...fileFolders, ...files.map((file) => `${file}/old/`)])].sort();
}

let built: { status: number | null; output: string; dist: string };
let claims: string[];
let refused: { status: number | null; output: string };

beforeAll(() => {
  cpSync(join(project, 'content'), content, { recursive: true });
  mkdirSync(join(content, 'articles/2021'), { recursive: true });
  // Two list pages of articles, one a day from 1 January 2021, so the front page, the section and the tag have an older page.
  for (let day = 1; day <= 2 * PAGE_SIZE; day += 1) {
    const dd = String(day).padStart(2, '0');
    writeArticle(`2021/filler-${dd}.md`, {
      title: `Filler ${dd}`,
      standfirst: 'It fills a list page.',
      section: 'world',
      published: new Date(Date.UTC(2021, 0, day)).toISOString().slice(0, 10),
      tags: '[filler]',
    });
  }
  writeArticle(
    '2021/moved-here.md',
    {
      title: 'An article with old paths',
      standfirst: 'Its old paths keep working.',
      section: 'business',
      published: '2021-02-01',
    },
    allowed,
  );
  const dist = join(work, 'dist');
  built = { ...buildSite(content, dist), dist };
  if (built.status !== 0) return;

  claims = servedPaths(dist);
  // The oldest article, so the rules meet its paths after every other's: an old path another article
  // already redirects from is refused here, not there.
  mkdirSync(join(content, 'articles/2020'));
  writeArticle(
    '2020/claims.md',
    {
      title: 'An article that claims the site',
      standfirst: 'Every path it names is the build’s.',
      section: 'world',
      published: '2020-01-01',
    },
    [...probes.map(([path]) => path), ...claims],
  );
  refused = buildSite(content, join(work, 'dist-refused'));
}, 480_000);

describe('a site whose old paths are clean and free', () => {
  it('builds', () => {
    expect(built.status, built.output).toBe(0);
  });

  it('has an older page of the front page, a section and a tag, so their folders are in the walk', () => {
    for (const page of ['page/1', 'world/page/1', 'tags/filler/page/1']) {
      expect(existsSync(join(built.dist, page, 'index.html')), page).toBe(true);
    }
  });

  it.each(allowed)('writes a page and the _redirects lines for %s', (from) => {
    const folder = from.replace(/\/?$/, '/');
    const page = readFileSync(join(built.dist, folder, 'index.html'), 'utf8');
    expect(page).toContain('content="0; url=/business/2021/02/01/moved-here/"');
    const lines = readFileSync(join(built.dist, '_redirects'), 'utf8').split('\n');
    expect(lines).toContain(`${folder} /business/2021/02/01/moved-here/ 301`);
    if (from !== folder) expect(lines).toContain(`${from} /business/2021/02/01/moved-here/ 301`);
  });
});

describe('a redirect that claims what the build serves', () => {
  it('stops the build, with every problem listed at once', () => {
    expect(refused.status, refused.output).not.toBe(0);
    expect(refused.output).toContain(`${probes.length + claims.length} content problems stop the build`);
  });

  it.each(probes.map(([path, message], index) => [path, index, message] as const))(
    'refuses %j as redirectFrom.%i: %s',
    (path, index, message) => {
      expect(refused.output).toContain(`articles/2020/claims.md: redirectFrom.${index}: "${path}" ${message}`);
    },
  );

  it('refuses every file and page of the built site', () => {
    expect(claims.length).toBeGreaterThan(PAGE_SIZE * 2);
    expect(claims).not.toContain('/world/2021/01/');
    expect(claims).toEqual(
      expect.arrayContaining([
        '/',
        '/_redirects',
        '/sitemap-index.xml',
        '/world/page/1/',
        '/robots.txt/old/',
        '/pagefind/parts.json',
        expect.stringMatching(/^\/pagefind\/[\d-]+(-to-[\d-]+)?\.[0-9a-f]{12}\/fragment\/$/),
        '/cards/world/2021/01/01/',
      ]),
    );
    const missed = claims.filter(
      (path, index) =>
        !refused.output.includes(`articles/2020/claims.md: redirectFrom.${probes.length + index}: "${path}" `),
    );
    expect(missed).toEqual([]);
  });
});
