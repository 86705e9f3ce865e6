/**
 * The kept bundle of the pages' code (src/lib/render/bundle.ts) and what a
 * publish's own content sync makes of an image field
 * (src/lib/render/content-sync.ts). That both render and sync as Astro's
 * build does is tested on built sites: tests/build/publish.test.ts.
 */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { entryFile, keepBundle, requestPath } from '@/lib/render/bundle';
import { IMAGE_IMPORT_PREFIX, imageField } from '@/lib/render/content-sync';

const root = mkdtempSync(join(tmpdir(), 'broadside-render-bundle-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function folder(name: string, files: string[]): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const file of files) writeFileSync(join(dir, file), '');
  return dir;
}

describe('the kept bundle', () => {
  it("is entered by the one module Astro names as its prerender environment's entry", () => {
    const dir = folder('one', ['prerender-entry.Ab1_-c.mjs', 'chunk.mjs']);
    expect(entryFile(dir)).toBe(join(dir, 'prerender-entry.Ab1_-c.mjs'));
  });

  it('is refused when Astro names no entry, or two, naming the upgrade guide', () => {
    expect(() => entryFile(folder('none', ['chunk.mjs']))).toThrow(/found 0: .*docs\/upgrading-astro\.md/);
    expect(() => entryFile(folder('two', ['prerender-entry.a.mjs', 'prerender-entry.b.mjs']))).toThrow(/found 2/);
  });

  it("is kept with a link to the project's packages, replacing the last one", () => {
    const built = folder('built', ['prerender-entry.x.mjs']);
    const project = folder('project', []);
    mkdirSync(join(project, 'node_modules'));
    const kept = join(root, 'kept');
    folder('kept', ['stale.mjs']);
    keepBundle(built, kept, project);
    expect(existsSync(join(kept, 'prerender-entry.x.mjs'))).toBe(true);
    expect(existsSync(join(kept, 'stale.mjs'))).toBe(false);
    expect(lstatSync(join(kept, 'node_modules')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(kept, 'node_modules'))).toBe(join(project, 'node_modules'));
  });

  it("requests each path at the address Astro's build does", () => {
    expect(requestPath('/', 'page')).toBe('/');
    expect(requestPath('/world/2022/05/23/a', 'page')).toBe('/world/2022/05/23/a/');
    expect(requestPath('/404', 'page')).toBe('/404/');
    expect(requestPath('/feed.xml', 'endpoint')).toBe('/feed.xml');
    expect(requestPath('/cards/world/a.png', 'endpoint')).toBe('/cards/world/a.png');
    expect(requestPath('/live/blog/updates', 'endpoint')).toBe('/live/blog/updates/');
  });
});

describe("a publish's image field", () => {
  const entry = join(folder('entry', ['photo.png']), 'article.md');

  it('marks the image for the store, naming a file beside the entry as Astro does', () => {
    expect(imageField(entry).parse('photo.png')).toBe(`${IMAGE_IMPORT_PREFIX}./photo.png`);
    expect(imageField(entry).parse('./photo.png')).toBe(`${IMAGE_IMPORT_PREFIX}./photo.png`);
  });

  it('leaves as written a name that is no file beside the entry, an absolute path or an address', () => {
    expect(imageField(entry).parse('missing.png')).toBe(`${IMAGE_IMPORT_PREFIX}missing.png`);
    expect(imageField(entry).parse('/images/a.png')).toBe(`${IMAGE_IMPORT_PREFIX}/images/a.png`);
    expect(imageField(entry).parse('https://example.com/a.png')).toBe(
      `${IMAGE_IMPORT_PREFIX}https://example.com/a.png`,
    );
  });
});
