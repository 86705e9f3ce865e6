/**
 * The checks a build passes before it replaces the last good one: the files
 * every site needs are there, the search index holds every part it lists,
 * and every XML file is well-formed XML 1.0.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkBuildOutput,
  malformedXml,
  missingOutput,
  REQUIRED_OUTPUT,
  searchPartProblems,
  xmlProblem,
} from '../../scripts/build-checks';

const root = mkdtempSync(join(tmpdir(), 'broadside-build-checks-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const FEED = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Broadside</title><atom:link href="https://broadside.example/feed.xml" rel="self"/></channel></rss>`;

/** A build folder holding `files` (path to text or bytes). */
function buildWith(name: string, files: Record<string, string | Uint8Array>): string {
  const dir = join(root, name);
  for (const [path, data] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), data);
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Every required file, each with good content. */
const complete = (): Record<string, string> => ({
  'index.html': '<!doctype html><title>Front</title>',
  '404.html': '<!doctype html><title>Not found</title>',
  'feed.xml': FEED,
  'sitemap-index.xml':
    '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>',
  'robots.txt': 'User-agent: *\n',
  'pagefind/parts.json': '["/pagefind/2022/"]',
  'pagefind/2022/pagefind.js': 'export {};',
  'pagefind/2022/pagefind-entry.json': '{}',
});

describe('the required files', () => {
  it('passes a build that has them all', async () => {
    expect(await missingOutput(buildWith('complete', complete()))).toEqual([]);
  });

  it('names each missing file and what it is for', async () => {
    const files = complete();
    delete files['sitemap-index.xml'];
    delete files['pagefind/parts.json'];
    expect(await missingOutput(buildWith('incomplete', files))).toEqual([
      'sitemap-index.xml: missing; every build must write the sitemap crawlers read',
      'pagefind/parts.json: missing; every build must write the list of search index parts the search page loads (scripts/search-index.ts)',
    ]);
  });

  it('does not take a folder for a file', async () => {
    const files = complete();
    delete files['index.html'];
    const dir = buildWith('folder-for-file', files);
    mkdirSync(join(dir, 'index.html'));
    expect(await missingOutput(dir)).toEqual([expect.stringMatching(/^index\.html: missing/)]);
  });

  it('lists the files the site has always had', () => {
    expect(Object.keys(REQUIRED_OUTPUT)).toEqual([
      'index.html',
      '404.html',
      'feed.xml',
      'sitemap-index.xml',
      'robots.txt',
      'pagefind/parts.json',
    ]);
  });
});

describe('the search index parts', () => {
  it('passes a list whose every part is there', async () => {
    expect(await searchPartProblems(buildWith('parts-complete', complete()))).toEqual([]);
  });

  it('names a listed part that is missing its files, and anything listed that is not a part', async () => {
    const files = {
      ...complete(),
      'pagefind/parts.json': '["/pagefind/2022/", "/pagefind/2019-2021/", "/elsewhere/"]',
    };
    expect(await searchPartProblems(buildWith('parts-missing', files))).toEqual([
      'pagefind/2019-2021/pagefind.js: missing; pagefind/parts.json lists this part',
      'pagefind/2019-2021/pagefind-entry.json: missing; pagefind/parts.json lists this part',
      'pagefind/parts.json: "/elsewhere/" is not a folder under /pagefind/',
    ]);
  });

  it.each([
    ['not JSON', '["/pagefind/2022/"', 'pagefind/parts.json: not JSON; it must list the search index parts'],
    ['an empty list', '[]', 'pagefind/parts.json: lists no search index part'],
    ['not a list', '{"parts": []}', 'pagefind/parts.json: lists no search index part'],
  ])('refuses a list that is %s', async (_name, text, problem) => {
    const files = { ...complete(), 'pagefind/parts.json': text };
    expect(await searchPartProblems(buildWith(`parts-${text.length}`, files))).toEqual([problem]);
  });

  it('is part of the checks every build passes', async () => {
    const files = { ...complete(), 'pagefind/parts.json': '["/pagefind/2023/"]' };
    expect(await checkBuildOutput(buildWith('parts-in-checks', files))).toEqual([
      'pagefind/2023/pagefind.js: missing; pagefind/parts.json lists this part',
      'pagefind/2023/pagefind-entry.json: missing; pagefind/parts.json lists this part',
    ]);
  });
});

describe('well-formed XML', () => {
  it('accepts a feed with its namespaces declared', () => {
    expect(xmlProblem(FEED)).toBeUndefined();
  });

  it.each([
    [
      'a control character pasted from a word processor',
      '<a>soft\u000bbreak</a>',
      /line 1, column 8: disallowed character, near "<a>softU\+000Bbreak<\/a>"/,
    ],
    ['a NUL', '<a>\u0000</a>', /disallowed character/],
    ['an entity XML does not define', '<a>&nbsp;</a>', /undefined entity/],
    // The parser reads on for the entity's ";", so it reports where it gave up: the end.
    ['a bare ampersand', '<a>Q&A</a>', /unclosed tag: a/],
    ['an unclosed tag', '<a><b></a>', /unexpected close tag/],
    ['two roots', '<a/><b/>', /documents may contain only one root/],
    ['text after the root', '<a/>trailing', /text data outside of root node/],
    ['an undeclared namespace prefix', '<a><atom:link/></a>', /unbound namespace prefix: "atom"/],
    ['"]]>" in text', '<a>]]></a>', /the string "\]\]>" is disallowed in char data/],
    ['nothing at all', '', /document must contain a root element/],
  ])('refuses %s, saying where and what', (_, xml, message) => {
    expect(xmlProblem(xml)).toMatch(message);
  });

  it('gives the line and column of the problem', () => {
    expect(xmlProblem('<a>\n  <b>\n</a>')).toMatch(/^line 3, column 4: unexpected close tag/);
  });
});

describe('the XML files of a build', () => {
  it('names every malformed .xml file, at any depth, and passes the good ones', async () => {
    const dir = buildWith('xml', {
      'feed.xml': FEED,
      'live/russia-ukraine/feed.xml': '<rss><channel><title>Q&A</title></channel></rss>',
      'sitemap-0.xml': '<urlset><url></urlset>',
      'notes.txt': '<not-xml',
    });
    expect(await malformedXml(dir)).toEqual([
      expect.stringMatching(/^live\/russia-ukraine\/feed\.xml: not well-formed XML: line 1, column \d+: /),
      expect.stringMatching(/^sitemap-0\.xml: not well-formed XML: line 1, column \d+: unexpected close tag/),
    ]);
  });

  it('refuses a file that is not UTF-8', async () => {
    const dir = buildWith('latin1', {
      'feed.xml': new Uint8Array([...Buffer.from('<a>caf'), 0xe9, ...Buffer.from('</a>')]),
    });
    expect(await malformedXml(dir)).toEqual([expect.stringMatching(/^feed\.xml: is not valid UTF-8/)]);
  });

  it('reports missing files and malformed XML of one build together', async () => {
    const files = complete();
    delete files['robots.txt'];
    files['feed.xml'] = '<rss>';
    expect(await checkBuildOutput(buildWith('both', files))).toEqual([
      expect.stringMatching(/^robots\.txt: missing/),
      expect.stringMatching(/^feed\.xml: not well-formed XML/),
    ]);
  });
});
