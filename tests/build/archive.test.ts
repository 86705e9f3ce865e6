/**
 * A build of a synthetic archive (scripts/corpus.ts): list pages are split
 * into numbered pages with stable URLs and rel=prev/next, so no page grows
 * with the archive.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, project } from './build-site';
import { writeCorpus } from '../../scripts/corpus';
import { PAGE_SIZE } from '../../src/lib/pagination';

const work = mkdtempSync(join(tmpdir(), 'broadside-archive-'));
const out = join(work, 'dist');
const synthetic = 45;
const page = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');
const cards = (html: string) => html.match(/<article class="card"/g)?.length ?? 0;

beforeAll(() => {
  writeCorpus(join(work, 'content'), synthetic);
  const { status, output } = buildSite(join(work, 'content'), out);
  expect(status, output).toBe(0);
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('an archive of 46 articles', () => {
  it('splits the front page into pages of 20, newest first, linked both ways', () => {
    const total = synthetic + 1;
    const pages = Math.ceil(total / PAGE_SIZE);
    expect(cards(page(''))).toBe(PAGE_SIZE);
    expect(cards(page(`page/${pages}`))).toBe(total - (pages - 1) * PAGE_SIZE);
    expect(existsSync(join(out, `page/${pages + 1}`))).toBe(false);
    expect(existsSync(join(out, 'page/1'))).toBe(false);
    expect(page('')).toContain('<link rel="next" href="/page/2/">');
    expect(page('page/2')).toContain('<link rel="prev" href="/">');
    expect(page('page/2')).toContain('<link rel="next" href="/page/3/">');
    expect(page('page/2')).toContain('Page 2 of 3');
    expect(page(`page/${pages}`)).not.toContain('rel="next"');
  });

  it('lists every article exactly once across the front pages', () => {
    const links = ['', 'page/2', 'page/3'].flatMap((path) =>
      [...page(path).matchAll(/<h2 class="card-title"[^>]*><a href="([^"]+)"/g)].map((match) => match[1]),
    );
    expect(links).toHaveLength(synthetic + 1);
    expect(new Set(links).size).toBe(synthetic + 1);
  });

  it('paginates sections and tags the same way', () => {
    // 16 world articles (the seed and 15 synthetic) fit on one page; 46 front-page articles do not.
    expect(cards(page('world'))).toBe(16);
    expect(existsSync(join(out, 'world/page/2'))).toBe(false);
    expect(cards(page('tags/topic-1'))).toBeGreaterThan(0);
    expect(cards(page('tags/topic-1'))).toBeLessThanOrEqual(PAGE_SIZE);
  });
});
