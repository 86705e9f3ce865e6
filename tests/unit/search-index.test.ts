/**
 * The search index in parts (scripts/search-index.ts): which pages are
 * searched, how they group into parts by day, that a new article moves no
 * older part's bounds, and that a part is indexed again only when one of its
 * pages changed, with the same files as indexing it from nothing.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  addressDay,
  isSearchable,
  linksFolderPrefix,
  PAGES_TEMP,
  partName,
  searchedHtml,
  searchAheadSettled,
  searchParts,
  startSearchIndex,
  writeSearchIndex,
  type SearchPage,
} from '../../scripts/search-index';

const root = mkdtempSync(join(tmpdir(), 'broadside-search-index-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The command lines of this process's children, from Linux's `/proc`. */
function childCommands(): string[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        // The fields after the command's name, which is in parentheses: the state, then the parent's pid.
        const parent = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1];
        return parent === String(process.pid)
          ? [readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')]
          : [];
      } catch {
        return [];
      }
    });
}

describe('which pages are searched', () => {
  it.each([
    ['an article', '<article class="article story-grid" data-pagefind-body>'],
    ['an update', '<div data-pagefind-body>'],
    ['a live blog header', '<header class="page-header" data-pagefind-body="">'],
  ])('searches %s, which marks its text', (_name, html) => {
    expect(isSearchable(`<!doctype html><body>${html}<p>Text.</p></body>`)).toBe(true);
  });

  it.each([
    ['a list page', '<main><ol><li><a href="/world/">World</a></li></ol></main>'],
    ['a page that only ignores text', '<footer data-pagefind-ignore>Share</footer>'],
    [
      'an article about the attribute, in its text',
      '<p>Mark it with &lt;div data-pagefind-body&gt; or data-pagefind-body alone.</p>',
    ],
    ['another attribute of the same beginning', '<div data-pagefind-body-extra>'],
  ])('does not search %s', (_name, html) => {
    expect(isSearchable(`<!doctype html><body>${html}</body>`)).toBe(false);
  });

  it("reads the day from an article's address only", () => {
    expect(addressDay('world/2022/05/23/russian-diplomat-un-resigns/index.html')).toBe('2022-05-23');
    expect(addressDay('live/russia-ukraine/index.html')).toBeUndefined();
    expect(addressDay('live/russia-ukraine/updates/mission-silent/index.html')).toBeUndefined();
    expect(addressDay('world/page/2022/index.html')).toBeUndefined();
    expect(addressDay('world/2022/05/23/index.html')).toBeUndefined();
  });
});

describe('what Pagefind reads of a page, to key its part by', () => {
  const read = (html: string) => searchedHtml(Buffer.from(html)).toString();

  it('is the page itself when nothing is skipped whole', () => {
    const page = Buffer.from('<body><div data-pagefind-ignore><p>Shown, not indexed</p></div></body>');
    expect(searchedHtml(page)).toBe(page);
  });

  it('leaves out what is marked data-pagefind-ignore="all", and nothing else', () => {
    expect(
      read(
        '<a href="/live/">Live updates<live-link-status data-pagefind-ignore="all"><span>Live</span> · <time>3:25 PM</time></live-link-status></a><p>Text</p>',
      ),
    ).toBe('<a href="/live/">Live updates</a><p>Text</p>');
    // An element of the same name inside it does not end it early.
    expect(read('<div data-pagefind-ignore="all"><div>x</div>y</div><div>z</div>')).toBe('<div>z</div>');
    // Closed by what follows, as a browser closes it: what follows stays.
    expect(read('<p data-pagefind-ignore="all">a<p data-pagefind-filter="year:2022">b</p>')).toBe(
      '<p data-pagefind-filter="year:2022">b</p>',
    );
    // Never closed: to the end of the page.
    expect(read('<p>é<span data-pagefind-ignore="all">ü and the rest')).toBe('<p>é');
    // The attribute as text, and other values, leave the page whole.
    expect(read('<p>data-pagefind-ignore="all"</p><div data-pagefind-ignore="index">x</div>')).toBe(
      '<p>data-pagefind-ignore="all"</p><div data-pagefind-ignore="index">x</div>',
    );
  });

  it('changes with any text outside a skipped element, and with none inside it', () => {
    const text = fc.string().map((value) => value.replace(/[<>&"]/g, ''));
    fc.assert(
      fc.property(text, text, text, text, (before, inside, after, other) => {
        const page = (skipped: string) =>
          read(`<p>${before}<span data-pagefind-ignore="all"><time>${skipped}</time></span>${after}</p>`);
        expect(page(inside)).toBe(`<p>${before}${after}</p>`);
        expect(page(other)).toBe(page(inside));
      }),
    );
  });
});

const pages = (day: string | undefined, count: number, prefix = 'a'): SearchPage[] =>
  Array.from({ length: count }, (_, index) => ({
    path: day
      ? `world/${day.replaceAll('-', '/')}/${prefix}${index}/index.html`
      : `live/blog/updates/${prefix}${index}/index.html`,
    ...(day ? { day } : {}),
  }));
const shape = (parts: ReturnType<typeof searchParts>) => parts.map(({ name, pages: inPart }) => [name, inPart.length]);

describe('the parts', () => {
  it('groups whole days, oldest first, until a part holds enough pages, and puts live blogs in the newest', () => {
    const site = [
      ...pages('2021-02-01', 3),
      ...pages('2019-12-31', 4),
      ...pages(undefined, 2),
      ...pages('2020-01-01', 2),
      ...pages('2021-02-02', 1),
    ];
    expect(shape(searchParts(site, 5))).toEqual([
      ['2019-12-31-to-2020-01-01', 6],
      ['2021-02-01-to-2021-02-02', 4 + 2],
    ]);
    expect(shape(searchParts(site, 1))).toEqual([
      ['2019-12-31', 4],
      ['2020-01-01', 2],
      ['2021-02-01', 3],
      ['2021-02-02', 1 + 2],
    ]);
    expect(shape(searchParts(site, 100))).toEqual([['2019-12-31-to-2021-02-02', 12]]);
  });

  it('keeps a large day whole', () => {
    expect(shape(searchParts([...pages('2024-06-01', 9), ...pages('2024-06-02', 2)], 4))).toEqual([
      ['2024-06-01', 9],
      ['2024-06-02', 2],
    ]);
  });

  it('names a part of live blogs alone', () => {
    expect(shape(searchParts(pages(undefined, 3), 10))).toEqual([['undated', 3]]);
  });

  it('gives every page one part, in any order found, and a new article or update changes the newest part only', () => {
    const page = fc.record({
      day: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
      id: fc.nat(1e6),
    });
    const dayOf = (offset: number) => new Date(Date.UTC(2025, 0, 1 + offset)).toISOString().slice(0, 10);
    const dated = (day: string, id: string): SearchPage => ({
      path: `world/${day.replaceAll('-', '/')}/${id}/index.html`,
      day,
    });
    fc.assert(
      fc.property(fc.array(page, { maxLength: 80 }), page, fc.integer({ min: 1, max: 12 }), (found, added, size) => {
        const site = [...new Map(found.map((p) => [p.id, p])).values()].map(({ day, id }): SearchPage =>
          day === undefined ? { path: `live/b/updates/p${id}/index.html` } : dated(dayOf(day), `p${id}`),
        );
        const parts = searchParts(site, size);
        expect(parts.flatMap((part) => part.pages.map(({ path }) => path)).sort()).toEqual(
          site.map(({ path }) => path).sort(),
        );
        expect(shape(searchParts([...site].reverse(), size))).toEqual(shape(parts));
        for (const part of parts.slice(0, -1)) expect(part.pages.length).toBeGreaterThanOrEqual(size);
        // No part holds more than `size` pages and the pages of its last day (and, the newest, the live blogs').
        for (const part of parts.slice(0, -1)) {
          const lastDay = part.pages.reduce((last, { day }) => (day !== undefined && day > last ? day : last), '');
          const before = part.pages.filter(({ day }) => day !== lastDay).length;
          expect(before).toBeLessThan(size);
        }
        // Published now: on the newest day there is, or a live update.
        const days = site.flatMap(({ day }) => (day ? [day] : []));
        const newest = days.length > 0 ? days.sort().at(-1)! : dayOf(0);
        const fresh: SearchPage =
          added.day === undefined ? { path: 'live/b/updates/new/index.html' } : dated(newest, 'new');
        const after = searchParts([...site, fresh], size);
        if (parts.length > 0) expect(after.slice(0, parts.length - 1)).toEqual(parts.slice(0, -1));
      }),
    );
  });
});

describe('writing the index', () => {
  const article = (title: string, words: string) =>
    `<!doctype html><html lang="en"><head><title>${title}</title></head><body><article data-pagefind-body><h1>${title}</h1><p>${words}</p></article></body></html>`;
  const site = join(root, 'site');
  const cache = join(root, 'cache');
  const write = (path: string, html: string) => {
    mkdirSync(join(site, path, '..'), { recursive: true });
    writeFileSync(join(site, path), html);
  };
  /** Every file under `dir` and its bytes, by path. */
  const files = (dir: string): Map<string, string> =>
    new Map(
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry): [string, string] => {
          const path = join(entry.parentPath, entry.name);
          return [path.slice(dir.length + 1), readFileSync(path).toString('base64')];
        })
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    );
  const fresh = () => {
    rmSync(join(site, 'pagefind'), { recursive: true, force: true });
  };

  it('writes one index a part, lists them newest first, and copies a part whose pages are unchanged', async () => {
    write('world/2021/03/04/harbour/index.html', article('Harbour reopens', 'The harbour reopened after repairs.'));
    write('world/2022/05/23/diplomat/index.html', article('Diplomat resigns', 'A diplomat resigned in Geneva.'));
    write('live/blog/index.html', article('Live: the war', 'Updates as they come.'));
    write('world/index.html', '<!doctype html><html lang="en"><body><h1>World</h1></body></html>');

    const first = await writeSearchIndex(site, cache, 1);
    expect(first).toEqual({ parts: ['2021-03-04', '2022-05-23'], indexed: ['2021-03-04', '2022-05-23'], copied: [] });
    const listed = JSON.parse(readFileSync(join(site, 'pagefind/parts.json'), 'utf8')) as string[];
    expect(listed.map(partName)).toEqual(['2022-05-23', '2021-03-04']);
    expect(readdirSync(join(site, listed[0]!))).toContain('pagefind.js');
    const written = files(join(site, 'pagefind'));

    fresh();
    expect(await writeSearchIndex(site, cache, 1)).toEqual({
      parts: ['2021-03-04', '2022-05-23'],
      indexed: [],
      copied: ['2021-03-04', '2022-05-23'],
    });
    expect(files(join(site, 'pagefind'))).toEqual(written);
    expect(readdirSync(cache)).toHaveLength(2 + 1);

    // A correction to the 2021 article: that part alone is indexed again, with what indexing it from nothing writes.
    write(
      'world/2021/03/04/harbour/index.html',
      article('Harbour reopens', 'The harbour reopened after long repairs.'),
    );
    fresh();
    expect(await writeSearchIndex(site, cache, 1)).toEqual({
      parts: ['2021-03-04', '2022-05-23'],
      indexed: ['2021-03-04'],
      copied: ['2022-05-23'],
    });
    const corrected = files(join(site, 'pagefind'));
    expect(corrected).not.toEqual(written);
    // The two parts, and what was read of each page.
    expect(readdirSync(cache)).toHaveLength(2 + 1);
    fresh();
    expect(await writeSearchIndex(site, join(root, 'empty-cache'), 1)).toMatchObject({
      indexed: ['2021-03-04', '2022-05-23'],
    });
    expect(files(join(site, 'pagefind'))).toEqual(corrected);
  }, 60_000);

  it('keeps a part when only what Pagefind skips whole changed, with what indexing it from nothing writes', async () => {
    const page = 'world/2022/05/23/diplomat/index.html';
    const withLatest = (time: string) =>
      article('Diplomat resigns', 'A diplomat resigned in Geneva.').replace(
        '<p>',
        `<p><a href="/live/blog/">Live updates</a><live-link-status data-pagefind-ignore="all">Live · Updated ${time}</live-link-status></p><p>`,
      );
    const keyCache = join(root, 'key-cache');
    write(page, withLatest('3:25 PM'));
    fresh();
    expect(await writeSearchIndex(site, keyCache, 1)).toMatchObject({ indexed: ['2021-03-04', '2022-05-23'] });

    write(page, withLatest('4:40 PM'));
    fresh();
    expect(await writeSearchIndex(site, keyCache, 1)).toMatchObject({
      indexed: [],
      copied: ['2021-03-04', '2022-05-23'],
    });
    const kept = files(join(site, 'pagefind'));
    fresh();
    await writeSearchIndex(site, join(root, 'key-cache-empty'), 1);
    expect(files(join(site, 'pagefind'))).toEqual(kept);

    // The same page with its words changed is indexed again.
    write(page, withLatest('4:40 PM').replace('in Geneva', 'in Vienna'));
    fresh();
    expect(await writeSearchIndex(site, keyCache, 1)).toMatchObject({ indexed: ['2022-05-23'] });
    write(page, article('Diplomat resigns', 'A diplomat resigned in Geneva.'));
  }, 60_000);

  it('reads again only the pages whose file is not the one it read last time', async () => {
    const page = 'world/2021/03/04/harbour/index.html';
    const readCache = join(root, 'read-cache');
    const time = new Date('2026-01-02T03:04:05Z');
    utimesSync(join(site, page), time, time);
    fresh();
    await writeSearchIndex(site, readCache, 1);
    const { pages: read } = JSON.parse(readFileSync(join(readCache, 'pages-read.json'), 'utf8')) as {
      pages: Record<string, unknown>;
    };
    expect(Object.keys(read).sort()).toEqual(
      [page, 'live/blog/index.html', 'world/2022/05/23/diplomat/index.html', 'world/index.html'].sort(),
    );
    expect(read['world/index.html']).toEqual([expect.any(String), null]);

    // The same file, written into with as many bytes and its time put back: taken for the file read last time.
    const html = readFileSync(join(site, page), 'utf8');
    write(page, html.replace('long repairs', 'long rapairs'));
    utimesSync(join(site, page), time, time);
    fresh();
    expect(await writeSearchIndex(site, readCache, 1)).toMatchObject({ indexed: [] });
    // A new file, as every build writes: read again, and its part indexed.
    rmSync(join(site, page));
    write(page, html.replace('long repairs', 'long rapairs'));
    fresh();
    expect(await writeSearchIndex(site, readCache, 1)).toMatchObject({ indexed: ['2021-03-04'] });
  }, 60_000);

  it('indexes a change over the site in place: the parts it changed, as new folders, and the list', async () => {
    const inPlace = join(root, 'in-place');
    const change = join(root, 'change');
    const changeCache = join(root, 'change-cache');
    const pages = ['world/2021/03/04/harbour/index.html', 'world/2022/05/23/diplomat/index.html'];
    mkdirSync(join(inPlace, 'world/2021/03/04/harbour'), { recursive: true });
    mkdirSync(join(inPlace, 'world/2022/05/23/diplomat'), { recursive: true });
    writeFileSync(join(inPlace, pages[0]!), article('Harbour reopens', 'The harbour reopened.'));
    writeFileSync(join(inPlace, pages[1]!), article('Diplomat resigns', 'A diplomat resigned.'));
    await writeSearchIndex(inPlace, changeCache, 1);
    const listed = (dir: string) => JSON.parse(readFileSync(join(dir, 'pagefind/parts.json'), 'utf8')) as string[];
    const before = listed(inPlace);

    // A change that touches no searchable page: the list alone, the same, even with the cache emptied.
    rmSync(changeCache, { recursive: true });
    mkdirSync(change);
    expect(await writeSearchIndex(change, changeCache, 1, { site: inPlace, pages })).toMatchObject({ indexed: [] });
    expect(readdirSync(join(change, 'pagefind'))).toEqual(['parts.json']);
    expect(listed(change)).toEqual(before);

    // A correction to the 2022 article: that part alone, in a folder of its own, as indexing the site whole writes it.
    rmSync(change, { recursive: true });
    mkdirSync(join(change, 'world/2022/05/23/diplomat'), { recursive: true });
    writeFileSync(join(change, pages[1]!), article('Diplomat resigns', 'A diplomat resigned in Geneva.'));
    expect(await writeSearchIndex(change, changeCache, 1, { site: inPlace, pages })).toMatchObject({
      indexed: ['2022-05-23'],
      copied: ['2021-03-04'],
    });
    const [newest, older] = listed(change);
    expect(older).toBe(before[1]);
    expect(newest).not.toBe(before[0]);
    expect(readdirSync(join(change, 'pagefind')).sort()).toEqual([newest!.split('/')[2], 'parts.json'].sort());
    const whole = join(root, 'whole');
    for (const page of pages) {
      mkdirSync(join(whole, page, '..'), { recursive: true });
      writeFileSync(join(whole, page), readFileSync(join(existsSync(join(change, page)) ? change : inPlace, page)));
    }
    await writeSearchIndex(whole, join(root, 'whole-cache'), 1);
    expect(listed(whole)).toEqual(listed(change));
    expect(files(join(change, newest!))).toEqual(files(join(whole, newest!)));
  });

  it('takes a part indexed ahead of its step for the same pages, and indexes again one whose pages changed since', async () => {
    const inPlace = join(root, 'ahead-in-place');
    const change = join(root, 'ahead-change');
    const aheadCache = join(root, 'ahead-cache');
    const pages = ['world/2021/03/04/harbour/index.html', 'world/2022/05/23/diplomat/index.html'];
    const put = (dir: string, path: string, html: string) => {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), html);
    };
    put(inPlace, pages[0]!, article('Harbour reopens', 'The harbour reopened.'));
    put(inPlace, pages[1]!, article('Diplomat resigns', 'A diplomat resigned.'));
    await writeSearchIndex(inPlace, aheadCache, 1);
    const listed = (dir: string) => JSON.parse(readFileSync(join(dir, 'pagefind/parts.json'), 'utf8')) as string[];
    /** The newest part of the change, and the same part of the site indexed whole from nothing. */
    const newestPart = async (text: string) => {
      const whole = join(root, `ahead-whole-${text.slice(23, -1)}`);
      put(whole, pages[0]!, readFileSync(join(inPlace, pages[0]!), 'utf8'));
      put(whole, pages[1]!, article('Diplomat resigns', text));
      await writeSearchIndex(whole, join(root, `ahead-whole-cache-${text.slice(23, -1)}`), 1);
      const [newest] = listed(change);
      expect(listed(whole)[0]).toBe(newest);
      return [files(join(change, newest!)), files(join(whole, newest!))];
    };
    const correct = (text: string) => {
      rmSync(change, { recursive: true, force: true });
      put(change, pages[1]!, article('Diplomat resigns', text));
    };

    correct('A diplomat resigned in Geneva.');
    await startSearchIndex(change, aheadCache, { site: inPlace, pages }, 1);
    await searchAheadSettled();
    const cachedAhead = readdirSync(aheadCache);
    expect(await writeSearchIndex(change, aheadCache, 1, { site: inPlace, pages })).toMatchObject({
      indexed: ['2022-05-23'],
      copied: ['2021-03-04'],
    });
    // Taken from the cache, not indexed again: the step made no part of its own.
    expect(readdirSync(aheadCache).filter((name) => !cachedAhead.includes(name))).toEqual([]);
    const [geneva, genevaWhole] = await newestPart('A diplomat resigned in Geneva.');
    expect(geneva).toEqual(genevaWhole);

    // The page changed again between the start and the step: the step indexes the page as it finds it.
    correct('A diplomat resigned in Bern.');
    await startSearchIndex(change, aheadCache, { site: inPlace, pages }, 1);
    await searchAheadSettled();
    writeFileSync(join(change, pages[1]!), article('Diplomat resigns', 'A diplomat resigned in Vienna.'));
    expect(await writeSearchIndex(change, aheadCache, 1, { site: inPlace, pages })).toMatchObject({
      indexed: ['2022-05-23'],
    });
    const [vienna, viennaWhole] = await newestPart('A diplomat resigned in Vienna.');
    expect(vienna).toEqual(viennaWhole);
    expect(vienna).not.toEqual(geneva);
  }, 60_000);

  it('has Pagefind running once the start resolves, whatever holds the thread next', async () => {
    const inPlace = join(root, 'started-in-place');
    const change = join(root, 'started-change');
    const page = 'world/2022/05/23/diplomat/index.html';
    for (const [dir, words] of [
      [inPlace, 'A diplomat resigned.'],
      [change, 'A diplomat resigned in Oslo.'],
    ] as const) {
      mkdirSync(join(dir, page, '..'), { recursive: true });
      writeFileSync(join(dir, page), article('Diplomat resigns', words));
    }
    await startSearchIndex(change, join(root, 'started-cache'), { site: inPlace, pages: [page] }, 1);
    // Read before anything else may run: a process started on a later turn of the event loop is not there yet.
    const running = childCommands().filter((command) => command.includes('pagefind'));
    await searchAheadSettled();
    expect(running).toHaveLength(1);
  });

  it('trusts what it read of the pages in place while the site in place is the one it read', async () => {
    const inPlace = join(root, 'trusted-in-place');
    const change = join(root, 'trusted-change');
    const trustCache = join(root, 'trusted-cache');
    const page = 'world/2021/03/04/harbour/index.html';
    const pages = [page, 'world/2022/05/23/diplomat/index.html'];
    for (const [path, title] of [
      [pages[0]!, 'Harbour reopens'],
      [pages[1]!, 'Diplomat resigns'],
    ] as const) {
      mkdirSync(join(inPlace, path, '..'), { recursive: true });
      writeFileSync(join(inPlace, path), article(title, `${title}.`));
    }
    await writeSearchIndex(inPlace, trustCache, 1);
    const list = join(inPlace, 'pagefind/parts.json');
    // A publish over the site in place, its change put in place as a publish puts it: by renaming its files.
    const publish = async () => {
      rmSync(change, { recursive: true, force: true });
      mkdirSync(change);
      const result = await writeSearchIndex(change, trustCache, 1, { site: inPlace, pages });
      renameSync(join(change, 'pagefind/parts.json'), list);
      return result;
    };

    // A page in place written behind the builds' backs: not asked about, since no build or publish wrote it.
    rmSync(join(inPlace, page));
    writeFileSync(join(inPlace, page), article('Harbour reopens', 'Written by hand.'));
    expect(await publish()).toMatchObject({ indexed: [] });
    expect(await publish()).toMatchObject({ indexed: [] });

    // Once the site in place is not the one the last run read (its list of parts is another file), every page is read.
    const parts = readFileSync(list);
    rmSync(list);
    writeFileSync(list, parts);
    expect(await publish()).toMatchObject({ indexed: ['2021-03-04'] });
  });

  it.each([0, -5, 2.5, Number.NaN])('refuses parts of %s pages', async (size) => {
    await expect(writeSearchIndex(site, cache, size)).rejects.toThrow(
      /a part must hold a whole number of pages, 1 or more/,
    );
  });

  it('deletes the folders of links that processes no longer running left, and no other', async () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    const left = join(PAGES_TEMP, `${linksFolderPrefix(gone)}killed`);
    const running = join(PAGES_TEMP, `${linksFolderPrefix(process.pid)}running`);
    for (const folder of [left, running]) mkdirSync(join(folder, 'world'), { recursive: true });
    try {
      fresh();
      await writeSearchIndex(site, cache, 1);
      expect(existsSync(left)).toBe(false);
      expect(existsSync(running)).toBe(true);
    } finally {
      for (const folder of [left, running]) rmSync(folder, { recursive: true, force: true });
    }
  });

  it('refuses a site with no page marked for search', async () => {
    const bare = join(root, 'bare');
    mkdirSync(bare, { recursive: true });
    writeFileSync(join(bare, 'index.html'), '<!doctype html><html lang="en"><body><h1>Nothing</h1></body></html>');
    await expect(writeSearchIndex(bare, join(root, 'bare-cache'))).rejects.toThrow(
      /no page of the site marks text for search/,
    );
  });
});
