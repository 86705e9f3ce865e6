/**
 * A real build of a live blog with 200 updates, written by this test beside
 * the site's own content: the first page holds the newest 30 and stays
 * light, older updates follow on later pages, every update has its own page,
 * and every link to an update (its anchor on a page of the blog, its own
 * page, the key events, the JSON's list) leads to it. Two updates with the
 * same heading and a footnote each still give the page every id once.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveBlogJson } from '@/lib/metadata/live-json';
import { buildSite, project } from './build-site';

const work = mkdtempSync(join(tmpdir(), 'broadside-long-live-'));
const content = join(work, 'content');
const dist = join(work, 'dist');
const COUNT = 200;
const blogPath = '/live/long-day/';

/** `update-007` posted 7 minutes after 06:00 UTC, so the newest is the highest number. */
const name = (index: number) => `update-${String(index).padStart(3, '0')}`;
const time = (index: number) => new Date(Date.UTC(2024, 5, 1, 6, index)).toISOString().replace('.000Z', 'Z');

beforeAll(() => {
  cpSync(join(project, 'content'), content, { recursive: true });
  const blog = join(content, 'live/long-day');
  mkdirSync(join(blog, 'updates'), { recursive: true });
  writeFileSync(
    join(blog, 'index.md'),
    [
      '---',
      'title: A long day of results',
      'standfirst: Every count, as it comes in.',
      'section: world',
      'coverageStart: 2024-06-01T06:00:00Z',
      'timezone: Europe/London',
      '---',
      '',
      '- The polls closed at 10 PM.',
      '- Counting goes on through the night.',
      '',
    ].join('\n'),
  );
  for (let index = 0; index < COUNT; index++) {
    const keyEvent = index % 50 === 0;
    const body =
      index === 198 || index === 199
        ? // Two neighbours with the same heading and footnote label: their ids must not clash on the page.
          `## Background\n\nA count was disputed.[^note]\n\n[^note]: Update ${index}'s note.\n`
        : `Count ${index} is in: turnout is *up* in [the north](/world/).\n`;
    writeFileSync(
      join(blog, 'updates', `${name(index)}.md`),
      [
        '---',
        `time: ${time(index)}`,
        ...(index % 3 === 0 ? [] : [`title: Result ${index}`]),
        ...(keyEvent ? ['keyEvent: true'] : []),
        ...(index === 100 ? ['pinned: true'] : []),
        '---',
        '',
        body,
      ].join('\n'),
    );
  }
  const { status, output } = buildSite(content, dist);
  expect(status, output).toBe(0);
}, 300_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

const read = (path: string) => readFileSync(join(dist, path.endsWith('/') ? `${path}index.html` : path), 'utf8');
const page = (path: string) => fromHtml(read(path));
const idsOn = (path: string) => selectAll('[id]', page(path)).map((node) => String(node.properties.id));
// The blog's seven pages are asked for again and again: each is parsed once.
const anchors = new Map<string, string[]>();
const anchorsOn = (path: string) => {
  let found = anchors.get(path);
  if (!found) {
    found = selectAll('article.live-update[id]', page(path)).map((node) => String(node.properties.id));
    anchors.set(path, found);
  }
  return found;
};

describe('a live blog of 200 updates', () => {
  it('shows the newest 30 first, then 30 a page, every update once', () => {
    const first = anchorsOn(blogPath);
    expect(first).toHaveLength(30);
    expect(first[0]).toBe(`update-${name(199)}`);
    const all = [...first];
    for (let number = 2; number <= 7; number++) all.push(...anchorsOn(`${blogPath}page/${number}/`));
    expect(all).toEqual(Array.from({ length: COUNT }, (_, index) => `update-${name(COUNT - 1 - index)}`));
    expect(existsSync(join(dist, `${blogPath}page/8/index.html`))).toBe(false);
  });

  it('keeps the first page under 50 KB compressed with its CSS, and says what it weighs', () => {
    const html = read(blogPath);
    const css = selectAll('link[rel~=stylesheet]', fromHtml(html)).map((link) => read(String(link.properties.href)));
    const bytes =
      gzipSync(html, { level: 9 }).length + css.reduce((sum, text) => sum + gzipSync(text, { level: 9 }).length, 0);
    console.log(`first page of a 200-update blog: ${(bytes / 1024).toFixed(1)} KB compressed, HTML and CSS`);
    expect(bytes).toBeLessThan(50 * 1024);
  });

  it('gives every update a page of its own that leads back to it in the blog', () => {
    for (let index = 0; index < COUNT; index++) {
      const own = page(`${blogPath}updates/${name(index)}/`);
      const back = selectAll('a', own).find((link) => String(link.properties.href).endsWith(`#update-${name(index)}`));
      expect(back, name(index)).toBeDefined();
      const [path = ''] = String(back!.properties.href).split('#');
      expect(path, name(index)).toMatch(/\/$/);
      expect(anchorsOn(path), `${name(index)} is on ${path}`).toContain(`update-${name(index)}`);
    }
  });

  it('leads every link to an update somewhere that shows it', () => {
    const pages = [blogPath, ...Array.from({ length: 6 }, (_, index) => `${blogPath}page/${index + 2}/`)];
    for (const path of pages) {
      for (const link of selectAll('a[href*="update-"]', page(path))) {
        const href = String(link.properties.href);
        const [target = '', fragment] = href.split('#');
        if (fragment) expect(idsOn(target || path), href).toContain(fragment);
        else expect(existsSync(join(dist, target, 'index.html')), href).toBe(true);
      }
    }
  });

  it('lists the key events, linked on the page or to their own page, and pins one update above the summary', () => {
    const first = page(blogPath);
    const events = selectAll('[data-key-events] a', first).map((link) => String(link.properties.href));
    expect(events).toEqual([
      `${blogPath}updates/${name(150)}/`,
      `${blogPath}updates/${name(100)}/`,
      `${blogPath}updates/${name(50)}/`,
      `${blogPath}updates/${name(0)}/`,
    ]);
    const pinned = select('.pinned article.live-update', first);
    expect(pinned?.properties.id).toBeUndefined();
    expect(read(blogPath).indexOf('class="pinned"')).toBeLessThan(read(blogPath).indexOf('The polls closed'));
  });

  it('gives every id on a page once, though two updates share a heading and a footnote label', () => {
    const ids = selectAll('[id]', page(blogPath)).map((node) => String(node.properties.id));
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    expect(ids).toEqual(expect.arrayContaining([`update-${name(199)}--background`, `update-${name(198)}--background`]));
  });

  it('writes the JSON the first page polls: the newest 30 as the page has them, and the rest by id', () => {
    const json = JSON.parse(read(`${blogPath}updates.json`)) as LiveBlogJson;
    expect(json.live).toBe(true);
    expect(json.updates.map((update) => update.id)).toEqual(
      anchorsOn(blogPath).map((id) => id.slice('update-'.length)),
    );
    expect(json.older).toHaveLength(COUNT - 30);
    expect(json.older[0]).toEqual({
      id: name(169),
      modified: new Date(time(169)).toISOString(),
      url: `${blogPath}updates/${name(169)}/`,
    });
    expect(json.latest).toEqual({ datetime: '2024-06-01T10:19:00+01:00', text: 'June 1, 2024, 10:19 AM' });
    // The same markup as the page: parsed and written out again, the two are one.
    const onPage = select(`#update-${name(199)}`, page(blogPath));
    const inJson = select('article', fromHtml(json.updates[0]!.html, { fragment: true }));
    expect(inJson && toHtml(inJson)).toBe(onPage && toHtml(onPage));
    expect(read(`${blogPath}updates.json`)).not.toMatch(/<script|<style|\/work\/|\/src\//);
  });
});
