/**
 * `npm run publish:service`: a process that stays up and runs the render and
 * search steps of every publish warm (scripts/publish-service.ts). What it
 * keeps between publishes (the bundle, the content store, the pages'
 * memos, Astro's cache of each route's paths) must never show: publishes
 * one after the other through it give, file for file, what a build of the
 * same content from scratch gives; a content problem fails one publish and
 * is forgotten by the next; and a build it cannot serve runs its steps
 * itself.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnvironment, buildSite, differingFiles, forgetBuilds, siteFiles } from './build-site';
import { syntheticArticle, writeCorpus } from '../../scripts/corpus';
import { serviceSocket, startService, stopService } from '../../scripts/publish-service';

const work = mkdtempSync(join(tmpdir(), 'broadside-service-'));
const content = join(work, 'content');
const out = join(work, 'dist');
const socket = serviceSocket(join(content, '.astro-cache'));
const articleFile = (index: number) => join(content, syntheticArticle(index).path);
const edit = (index: number, change: (markdown: string) => string) =>
  writeFileSync(articleFile(index), change(readFileSync(articleFile(index), 'utf8')));
const publish = (env: Record<string, string> = {}) => buildSite(content, out, undefined, env, 'publish');
const SERVED =
  /^Took \d+\.\d s: render \d+\.\d s, Pagefind \d+\.\d s, checks \d+\.\d s, apply \d+\.\d s \(render and Pagefind in the publishing service\)\.$/m;

let service: ChildProcess | undefined;

/** Publishes, and requires it to succeed with its render and search steps run by the service; gives its output. */
function publishServed(): string {
  const published = publish();
  expect(published.status, published.output).toBe(0);
  expect(published.output).toMatch(SERVED);
  return published.output;
}

beforeAll(async () => {
  writeCorpus(content, 10);
  const first = buildSite(content, out);
  expect(first.status, first.output).toBe(0);
  const started = await startService(out, buildEnvironment(content));
  service = started.service;
  // Readied before any publish: the site's bundle loaded, its content synced and its paths listed.
  expect(started.said).toContain(`Publishing service ready, the site in ${out} loaded:`);
}, 600_000);
afterAll(async () => {
  if (service) await stopService(service);
  rmSync(work, { recursive: true, force: true });
});

describe('publishes through the publishing service', () => {
  it('runs the render and search steps of each publish, one after the other, in the service', () => {
    edit(3, (markdown) => `${markdown}\nA sentence added through the service.\n`);
    mkdirSync(join(content, 'live/russia-ukraine/updates'), { recursive: true });
    writeFileSync(
      join(content, 'live/russia-ukraine/updates/through-the-service.md'),
      '---\ntime: 2022-05-23T16:10:00+04:00\ntitle: An update through the service\n---\n\nPosted warm.\n',
    );
    // The edited article's page, the new update's and its blog's first page are rendered first.
    expect(publishServed()).toMatch(
      /^Rendered \d+ of \d+ path\(s\) without Astro's build, 3 of them before the others/m,
    );
    expect(readFileSync(join(out, 'live/russia-ukraine/index.html'), 'utf8')).toContain(
      'An update through the service',
    );

    // The second publish is where anything the first one left in memory would show: a corrected headline on
    // the front page and in the lists, and an article gone from them.
    edit(5, (markdown) => markdown.replace('title: "Synthetic report 5:', 'title: "Corrected report 5:'));
    rmSync(articleFile(7));
    // The corrected article's page is rendered first, and its search part indexed while the rest renders.
    const corrected = publishServed();
    expect(corrected).toMatch(/^Rendered \d+ of \d+ path\(s\) without Astro's build, 1 of them before the others/m);
    expect(corrected).toMatch(/^Search index in \d+ part\(s\): indexed \S+/m);
    const front = readFileSync(join(out, 'index.html'), 'utf8');
    expect(front).toContain('Corrected report 5:');
    expect(front).not.toContain('report 7:');
  }, 300_000);

  it('fails a publish over a content problem, leaving the site as it was, and publishes the fix', () => {
    const before = readFileSync(join(out, 'index.html'));
    const good = readFileSync(articleFile(2), 'utf8');
    writeFileSync(articleFile(2), good.replace(/^section: .*$/m, 'section: nowhere'));
    const broken = publish();
    expect(broken.status).not.toBe(0);
    expect(broken.output).toMatch(/synthetic-2\.md: section:/);
    expect(broken.output).toMatch(/^Build failed: render exited with status 1; .*dist\/ was left as it was\.$/m);
    expect(readFileSync(join(out, 'index.html')).equals(before)).toBe(true);

    writeFileSync(articleFile(2), good.replace('title: "Synthetic report 2:', 'title: "Fixed report 2:'));
    publishServed();
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('Fixed report 2:');
  }, 300_000);

  it('is declined by a build with another environment, which runs its steps itself', () => {
    edit(4, (markdown) => `${markdown}\nA sentence published with parts of four pages.\n`);
    const other = publish({ BROADSIDE_SEARCH_PART_PAGES: '4' });
    expect(other.status, other.output).toBe(0);
    expect(other.output).toContain('The publishing service did not run this step:');
    expect(other.output).toMatch(/^Took .*apply \d+\.\d s\.$/m);
    // The service, still up, reads the store that build's steps left.
    edit(4, (markdown) => `${markdown}\nAnd one more, through the service again.\n`);
    publishServed();
  }, 300_000);

  it('renders with the new bundle a whole build of the site made', () => {
    const whole = buildSite(content, out);
    expect(whole.status, whole.output).toBe(0);
    edit(8, (markdown) => markdown.replace('title: "Synthetic report 8:', 'title: "Rebuilt report 8:'));
    publishServed();
    expect(readFileSync(join(out, 'feed.xml'), 'utf8')).toContain('Rebuilt report 8:');
  }, 300_000);

  it('gives, file for file, the site a build from scratch gives', () => {
    const fromScratch = join(work, 'from-scratch');
    forgetBuilds(content);
    const full = buildSite(content, fromScratch);
    expect(full.status, full.output).toBe(0);
    expect(siteFiles(out)).toEqual(siteFiles(fromScratch));
    expect(differingFiles(fromScratch, out)).toEqual([]);
  }, 300_000);

  it('leaves no socket once stopped, and a publish then runs its steps itself', async () => {
    await stopService(service!);
    expect(existsSync(socket)).toBe(false);
    edit(6, (markdown) => `${markdown}\nPublished with no service.\n`);
    const alone = publish();
    expect(alone.status, alone.output).toBe(0);
    expect(alone.output).not.toContain('publishing service');
  }, 300_000);
});
