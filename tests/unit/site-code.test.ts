/**
 * The code's version in every page's key: a change to any of the site's code
 * renders every page again (each page's Content-Security-Policy lists every
 * script and style of the site), and nothing else does.
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listingPaths } from '@/lib/routes/listings';
import { pageKey, SITE_CODE, siteCodeVersion } from '@/lib/routes/site-code';

const project = join(import.meta.dirname, '../..');
const copy = mkdtempSync(join(tmpdir(), 'broadside-site-code-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));
for (const path of SITE_CODE) cpSync(join(project, path), join(copy, path), { recursive: true });

describe('siteCodeVersion', () => {
  it('is stable while the code is unchanged', () => {
    expect(siteCodeVersion(copy)).toBe(siteCodeVersion(copy));
  });

  it.each([
    'src/pages/live/[slug]/[...page].astro',
    'src/components/LiveUpdateEntry.astro',
    'src/styles/layout.css',
    'src/lib/live/poll-delay.ts',
    'astro.config.mjs',
    'package-lock.json',
  ])('changes when %s changes', (file) => {
    const before = siteCodeVersion(copy);
    appendFileSync(join(copy, file), '\n');
    expect(siteCodeVersion(copy)).not.toBe(before);
  });

  it('is given for a project without a lock file, and changes when one appears', () => {
    rmSync(join(copy, 'package-lock.json'));
    const without = siteCodeVersion(copy);
    cpSync(join(project, 'package-lock.json'), join(copy, 'package-lock.json'));
    expect(siteCodeVersion(copy)).not.toBe(without);
  });

  it('changes when a file is added', () => {
    const before = siteCodeVersion(copy);
    writeFileSync(join(copy, 'src/components/New.astro'), '<p>New</p>\n');
    expect(siteCodeVersion(copy)).not.toBe(before);
  });

  it('is the one this build was given, for the project as it is', () => {
    expect(import.meta.env.BROADSIDE_SITE_CODE).toBe(siteCodeVersion(project));
  });
});

describe('pageKey', () => {
  it("joins the code's version to what the page shows, and leaves a page without a key without one", () => {
    expect(pageKey('shown', 'code-1')).toBe('code-1:shown');
    expect(pageKey('shown', 'code-2')).not.toBe(pageKey('shown', 'code-1'));
    expect(pageKey(undefined, 'code-1')).toBeUndefined();
  });

  it('stops the build when the version is missing, rather than keep pages made by other code', () => {
    expect(() => pageKey('shown', null)).toThrow('BROADSIDE_SITE_CODE is not defined');
    expect(() => pageKey('shown', '')).toThrow('BROADSIDE_SITE_CODE is not defined');
  });

  it("is in every list page's key", () => {
    const [first] = listingPaths(
      { base: '/world/', title: 'World', description: 'News.', showSection: false, articles: [] },
      { section: 'world' },
    );
    expect(first?.cacheKey.startsWith(`${import.meta.env.BROADSIDE_SITE_CODE as string}:`), first?.cacheKey).toBe(true);
  });
});
