/**
 * The record of a build's pages (src/lib/render/record.ts), and
 * what a publish does with the site in place (scripts/site-record.ts).
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PathWithRoute, RouteData } from 'astro';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  outputFile,
  overLastSite,
  readPageRecord,
  readRecordStamps,
  writePageRecord,
  recordOf,
  siteRecordOf,
  type PageRecord,
} from '@/lib/render/record';
import {
  copyForPublish,
  deleteFiles,
  lastSiteRecord,
  linkCopy,
  missingFiles,
  keptRecordChange,
  recordChange,
  recordWithKept,
  newRecordFile,
  siteRecordFile,
  writeSiteRecord,
} from '../../scripts/site-record';

const root = mkdtempSync(join(tmpdir(), 'broadside-page-record-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Writes `files` (path: text) under a new folder `name` of the test's own. */
function folder(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}
const tree = (dir: string): Record<string, string> =>
  Object.fromEntries<string>(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        return [path.slice(dir.length + 1), readFileSync(path, 'utf8')] as const;
      })
      .sort(([a], [b]) => a.localeCompare(b)),
  );

const route = (type: RouteData['type']) => ({ type }) as RouteData;
const path = (pathname: string, type: RouteData['type'], cacheKey?: string): PathWithRoute =>
  cacheKey === undefined ? { pathname, route: route(type) } : { pathname, route: route(type), cacheKey };

/** Records as a build makes them: each file written by one path at most. */
const record = fc
  .uniqueArray(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), fc.constantFrom('', '/')), {
    selector: ([name]) => name,
    maxLength: 6,
  })
  .chain((addresses) =>
    fc.tuple(
      fc.constant(addresses),
      fc.uniqueArray(fc.constantFrom('1', '2', '3', '4', '5', '6', '7'), {
        minLength: addresses.length,
        maxLength: addresses.length,
      }),
    ),
  )
  .map(([addresses, files]): PageRecord =>
    Object.fromEntries(addresses.map(([name, slash], index) => [`/${name}${slash}`, `${files[index]}.html`])),
  );

describe('the file a path is written to', () => {
  it("is a folder's index.html for a page, and the path itself for an endpoint", () => {
    expect(outputFile('/', 'page')).toBe('index.html');
    expect(outputFile('/world/2022/05/23/slug/', 'page')).toBe('world/2022/05/23/slug/index.html');
    expect(outputFile('/search', 'page')).toBe('search/index.html');
    expect(outputFile('/feed.xml', 'endpoint')).toBe('feed.xml');
    expect(outputFile('/live/blog/updates.json', 'endpoint')).toBe('live/blog/updates.json');
    expect(outputFile('/cards/world/2022/05/23/slug.png', 'endpoint')).toBe('cards/world/2022/05/23/slug.png');
  });

  it('drops the trailing slash of an endpoint, and names the status-code pages as Astro does', () => {
    expect(outputFile('/_redirects/', 'endpoint')).toBe('_redirects');
    expect(outputFile('/404', 'page')).toBe('404.html');
    expect(outputFile('/500/', 'page')).toBe('500.html');
    expect(outputFile('/old/404/', 'page')).toBe('old/404/index.html');
    expect(outputFile('/moved/', 'redirect')).toBe('moved/index.html');
  });
});

describe('the record of a build', () => {
  it('keeps each path with its file, the first of two routes giving one path', () => {
    const record = recordOf([
      path('/', 'page'),
      path('/world/a/', 'page', 'k1'),
      path('/world/a', 'page', 'other route'),
      path('/feed.xml', 'endpoint'),
    ]);
    expect(record).toEqual({ '/': 'index.html', '/world/a/': 'world/a/index.html', '/feed.xml': 'feed.xml' });
  });

  it('keeps the key of each path that has one, for the path that generates it', () => {
    const record = siteRecordOf([
      path('/', 'page'),
      path('/world/a/', 'page', 'k1'),
      path('/world/a', 'page', 'other route'),
      path('/feed.xml', 'endpoint'),
    ]);
    expect(record.keys).toEqual({ '/world/a/': 'k1' });
    expect(Object.keys(record.pages)).toEqual(['/', '/world/a/', '/feed.xml']);
  });

  it("is read back from a build's file and from a site's, which holds more", () => {
    const pages: PageRecord = { '/': 'index.html' };
    const keys = { '/': 'k' };
    const dir = folder('records', {
      'build.json': JSON.stringify({ pages, keys }),
      'site.json': JSON.stringify({ site: '1:2', code: 'c', pages, keys }),
    });
    expect(readPageRecord(join(dir, 'build.json'))).toEqual({ pages, keys, rendered: [] });
    expect(readPageRecord(join(dir, 'site.json'))).toMatchObject({ pages, keys });
  });

  it('gives its stamps from the start of the file a site writes, and from the whole of any other', () => {
    const dir = folder('stamps', {});
    const pages: PageRecord = Object.fromEntries(
      Array.from({ length: 1000 }, (_, index) => [`/a${index}/`, `a${index}/index.html`]),
    );
    const stamps = { site: '1:2', code: 'code "quoted" \\ and more' };
    writePageRecord(join(dir, 'site.json'), { pages, keys: {}, rendered: [], ...stamps });
    expect(readRecordStamps(join(dir, 'site.json'))).toEqual(stamps);
    // The rest of the file is not read: cut off, it still gives the stamps.
    const whole = readFileSync(join(dir, 'site.json'), 'utf8');
    writeFileSync(join(dir, 'cut.json'), whole.slice(0, 200));
    expect(readRecordStamps(join(dir, 'cut.json'))).toEqual(stamps);
    // Written otherwise (a build's record, or stamps last), the whole file is read.
    writeFileSync(join(dir, 'last.json'), JSON.stringify({ pages, keys: {}, ...stamps }));
    expect(readRecordStamps(join(dir, 'last.json'))).toEqual(stamps);
    writeFileSync(join(dir, 'none.json'), JSON.stringify({ pages, keys: {} }));
    expect(readRecordStamps(join(dir, 'none.json'))).toEqual({ site: undefined, code: undefined });
    writeFileSync(join(dir, 'broken.json'), '{"site":');
    expect(() => readRecordStamps(join(dir, 'broken.json'))).toThrow();
  });

  it('names the files of the paths that are gone, and no file another path still writes', () => {
    const last: PageRecord = { '/a/': 'a/index.html', '/': 'index.html' };
    expect(recordChange(last, { '/': 'index.html', '/a-moved/': 'a/index.html' }).removed).toEqual([]);
    expect(recordChange(last, { '/': 'index.html' }).removed).toEqual(['a/index.html']);
  });

  it('names what a change adds and removes: new files, and the files of paths that are gone', () => {
    const last: PageRecord = { '/': 'index.html', '/a/': 'a/index.html', '/b/': 'b/index.html' };
    const now: PageRecord = { '/': 'index.html', '/b-moved/': 'b/index.html', '/c/': 'c/index.html' };
    expect(recordChange(last, now)).toEqual({ removed: ['a/index.html'], added: ['c/index.html'] });
    expect(recordChange(now, now)).toEqual({ removed: [], added: [] });
  });

  it('names, for any two records, the files of one that no path of the other writes', () => {
    fc.assert(
      fc.property(record, record, (last, now) => {
        const filesOf = (pages: PageRecord) => new Set(Object.values(pages));
        const change = recordChange(last, now);
        expect(new Set(change.removed)).toEqual(filesOf(last).difference(filesOf(now)));
        expect(new Set(change.added)).toEqual(filesOf(now).difference(filesOf(last)));
      }),
      { numRuns: 2000 },
    );
  });

  it('is read again once its file is another, and kept while a rename moves the file it read', () => {
    const dir = folder('held', {});
    const file = join(dir, 'site.json');
    const first = { site: '1:2', code: 'c', pages: { '/': 'index.html' }, keys: {}, rendered: [] };
    writePageRecord(file, first);
    expect(readPageRecord(file)).toBe(first);
    // A publish's new record, renamed into place: the same file, the same object.
    renameSync(file, join(dir, 'moved.json'));
    expect(readPageRecord(join(dir, 'moved.json'))).toBe(first);
    // Written over by another process: read again.
    writeFileSync(
      join(dir, 'moved.json'),
      JSON.stringify({ ...first, pages: { '/': 'index.html', '/a/': 'a/index.html' } }),
    );
    expect(readPageRecord(join(dir, 'moved.json')).pages).toEqual({ '/': 'index.html', '/a/': 'a/index.html' });
    // Each file is held for itself: a record written at one path and another read at a second.
    writePageRecord(file, first);
    const other = readPageRecord(join(dir, 'moved.json'));
    expect(readPageRecord(file)).toBe(first);
    expect(readPageRecord(join(dir, 'moved.json'))).toBe(other);
  });

  it('is built over the last site only when the build script asks', () => {
    expect(overLastSite({})).toBe(false);
    expect(overLastSite({ BROADSIDE_OVER_LAST_SITE: '' })).toBe(false);
    expect(overLastSite({ BROADSIDE_OVER_LAST_SITE: '1' })).toBe(true);
  });
});

describe("a publish's own process", () => {
  it("loads none of Astro's code: the record is read without Astro's app", () => {
    // The modules scripts/build.ts imports for their values, each loaded as the build loads it.
    const buildScript = join(import.meta.dirname, '../../scripts/build.ts');
    const build = readFileSync(buildScript, 'utf8');
    const imported = [...build.matchAll(/^import (?!type )[^;]*? from '(\.[^']+)';$/gms)].map(([, path]) => path!);
    expect(imported).toContain('../src/lib/render/record.ts');
    const loads = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { registerHooks } from 'node:module';
         const loaded = [];
         registerHooks({ resolve(specifier, context, next) { const found = next(specifier, context); loaded.push(found.url); return found; } });
         for (const path of ${JSON.stringify(imported)}) await import(new URL(path, ${JSON.stringify(pathToFileURL(buildScript).href)}).href);
         console.log(JSON.stringify(loaded));`,
      ],
      { encoding: 'utf8' },
    );
    expect(loads.status, loads.stderr).toBe(0);
    const loaded = JSON.parse(loads.stdout) as string[];
    expect(loaded.length).toBeGreaterThan(imported.length);
    expect(loaded.filter((url) => url.includes('/node_modules/astro/'))).toEqual([]);
  });
});

describe('the record of a site listed in part', () => {
  const last = {
    pages: { '/': 'index.html', '/a/': 'a/index.html', '/b/': 'b/index.html', '/gone/': 'gone/index.html' },
    keys: { '/a/': 'ka', '/b/': 'kb', '/gone/': 'kg' },
  };

  it('holds the paths listed, and those left out as the last record has them', () => {
    const listed = { pages: { '/': 'index.html', '/b/': 'b/index.html' }, keys: { '/b/': 'kb2' } };
    expect(recordWithKept(last, new Set(['/a/']), listed)).toEqual({
      pages: { '/a/': 'a/index.html', '/': 'index.html', '/b/': 'b/index.html' },
      keys: { '/a/': 'ka', '/b/': 'kb2' },
    });
  });

  it('changes the files that comparing it whole with the last record finds, whatever was kept and listed', () => {
    const keyed = (pages: PageRecord) => Object.fromEntries(Object.keys(pages).map((address) => [address, 'k']));
    fc.assert(
      fc.property(record, record, fc.array(fc.boolean(), { maxLength: 6 }), (lastPages, listedPages, keeps) => {
        const kept = new Set(Object.keys(lastPages).filter((_, index) => keeps[index]));
        const listed = { pages: listedPages, keys: keyed(listedPages) };
        const now = recordWithKept({ pages: lastPages, keys: keyed(lastPages) }, kept, listed);
        fc.pre(now !== undefined);
        expect(keptRecordChange(lastPages, kept, listedPages)).toEqual(recordChange(lastPages, now.pages));
      }),
      { numRuns: 2000 },
    );
  });

  it('is not made when a path listed is one left out, a trailing slash aside: every path is listed then', () => {
    const listed = { pages: { '/a': 'a' }, keys: {} };
    expect(recordWithKept(last, new Set(['/a/']), listed)).toBeUndefined();
    expect(recordWithKept(last, new Set(['/a/']), { pages: { '/a/': 'a/index.html' }, keys: {} })).toBeUndefined();
  });
});

describe('the record of the site in place', () => {
  const pages: PageRecord = { '/': 'index.html' };

  it('is kept among the caches, under a name for each target', () => {
    const file = siteRecordFile('/cache', '/srv/site/dist');
    expect(file).toMatch(/^\/cache\/broadside-pages\/[\w-]{22}\.json$/);
    expect(siteRecordFile('/cache', '/srv/site/dist/')).toBe(file);
    expect(siteRecordFile('/cache', '/srv/other/dist')).not.toBe(file);
    expect(newRecordFile(file)).toBe(file.replace(/\.json$/, '.new.json'));
  });

  it('is trusted for the folder it was written for, once that folder is renamed into place', () => {
    const staging = folder('trust/.dist.staging', { 'index.html': 'new' });
    const target = join(root, 'trust/dist');
    const file = join(root, 'trust/record.json');
    writeSiteRecord(file, staging, 'code-1', { pages, keys: {}, rendered: [] });
    expect(existsSync(`${file}.writing`)).toBe(false);
    expect(lastSiteRecord(file, target, 'code-1').why).toBe('there is no site to change yet');
    renameSync(staging, target);
    expect(lastSiteRecord(file, target, 'code-1').record?.().pages).toEqual(pages);
  });

  it('is refused for another folder, another version of the code, or none at all', () => {
    const target = folder('refuse/dist', { 'index.html': 'site' });
    const other = folder('refuse/.dist.staging', { 'index.html': 'a swap that never happened' });
    const file = join(root, 'refuse/record.json');
    expect(lastSiteRecord(file, target, 'code-1').why).toBe('no build has recorded the pages of the site');
    writeSiteRecord(file, other, 'code-1', { pages, keys: {}, rendered: [] });
    expect(lastSiteRecord(file, target, 'code-1').why).toBe(
      'the record of the pages describes another build than the site in place',
    );
    writeSiteRecord(file, target, 'code-1', { pages, keys: {}, rendered: [] });
    expect(lastSiteRecord(file, target, 'code-2').why).toBe("the site's code changed since it was built");
    writeFileSync(file, '{"site":');
    expect(lastSiteRecord(file, target, 'code-1').why).toMatch(/^the record of the site's pages cannot be read/);
  });
});

describe('the new site, made from the one in place', () => {
  it('starts as a copy of links: the same files, sharing their bytes', () => {
    const site = folder('copy/dist', { 'index.html': 'front', 'world/a/index.html': 'a', 'feed.xml': 'feed' });
    const copy = join(root, 'copy/.dist.staging');
    linkCopy(site, copy);
    expect(tree(copy)).toEqual(tree(site));
    expect(statSync(join(copy, 'world/a/index.html')).ino).toBe(statSync(join(site, 'world/a/index.html')).ino);
  });

  it('leaves out a folder it is told to with everything it holds, and goes into no folder left out', () => {
    const site = folder('leave/dist', {
      'index.html': 'front',
      'pagefind/2024/fragment/a.pf': 'x',
      'world/a/index.html': 'a',
    });
    const copy = join(root, 'leave/.dist.staging');
    const asked: string[] = [];
    linkCopy(site, copy, (path) => {
      asked.push(path);
      return path === 'pagefind';
    });
    expect(tree(copy)).toEqual({ 'index.html': 'front', 'world/a/index.html': 'a' });
    expect(existsSync(join(copy, 'pagefind'))).toBe(false);
    expect(asked.sort()).toEqual(['index.html', 'pagefind', 'world', 'world/a', 'world/a/index.html']);
  });

  it("leaves out what every build writes whole again: the search index, Astro's assets, the public files", () => {
    const project = folder('publish/project', { 'public/robots-extra.txt': 'public', 'public/fonts/a.woff2': 'font' });
    const site = folder('publish/dist', {
      'index.html': 'front',
      'robots-extra.txt': 'public',
      'fonts/a.woff2': 'font',
      '_astro/page.css': 'css',
      'pagefind/parts.json': '[]',
    });
    const copy = join(root, 'publish/.dist.staging');
    copyForPublish(site, copy, project);
    expect(tree(copy)).toEqual({ 'index.html': 'front' });
    expect(Object.keys(tree(site))).toHaveLength(5);
  });

  it('loses the files of pages that are gone, and the folders they leave empty', () => {
    const site = folder('gone/dist', {
      'index.html': 'front',
      'world/2022/05/23/a/index.html': 'a',
      'world/2022/05/24/b/index.html': 'b',
    });
    deleteFiles(site, ['world/2022/05/23/a/index.html']);
    expect(tree(site)).toEqual({ 'index.html': 'front', 'world/2022/05/24/b/index.html': 'b' });
    expect(existsSync(join(site, 'world/2022/05/23'))).toBe(false);
    expect(existsSync(join(site, 'world/2022'))).toBe(true);
    deleteFiles(site, ['world/2022/05/24/b/index.html', 'index.html']);
    expect(readdirSync(site)).toEqual([]);
  });

  it('is checked for every file its record names', () => {
    const site = folder('missing/dist', { 'index.html': 'front' });
    expect(missingFiles(site, ['index.html', 'a/index.html'])).toEqual(['a/index.html']);
  });
});
