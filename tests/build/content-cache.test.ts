/**
 * Builds of two content folders in turn, as the tests and benchmarks make
 * them: they share the project's .astro/ folder, where Astro keeps its list
 * of content images. A third build of the first folder, with nothing
 * changed, must still find its lead image.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, project } from './build-site';

const work = mkdtempSync(join(tmpdir(), 'broadside-content-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the content cache', { timeout: 300_000 }, () => {
  it('keeps an unchanged article with a lead image buildable after another content folder was built', () => {
    const site = join(work, 'site');
    cpSync(join(project, 'content'), site, { recursive: true });
    const other = join(work, 'other');
    mkdirSync(join(other, 'articles/2022'), { recursive: true });
    mkdirSync(join(other, 'live'), { recursive: true });
    writeFileSync(
      join(other, 'articles/2022/other.md'),
      '---\ntitle: Another site\nstandfirst: No images.\nsection: world\npublished: 2022-05-23\n---\n\nText.\n',
    );

    const first = buildSite(site, join(site, 'dist'));
    expect(first.status, first.output).toBe(0);
    const between = buildSite(other, join(other, 'dist'));
    expect(between.status, between.output).toBe(0);
    const again = buildSite(site, join(site, 'dist'));
    expect(again.status, again.output.slice(-2000)).toBe(0);
  });
});
