/**
 * Real builds of small content folders: a good one must build, and each
 * broken one must stop the build with a message naming the file, the field
 * (or line) and what is wrong.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const project = join(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'broadside-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const article = (fields: string, body = 'Text.') => `---\n${fields.trim()}\n---\n\n${body}\n`;
const good = `
title: A good article
standfirst: It builds.
section: world
published: 2022-05-23
`;

/** Builds a content folder made of `files` and returns the exit code and everything the build printed. */
function build(name: string, files: Record<string, string>, withSiteContent = false) {
  const content = join(work, name);
  if (withSiteContent) cpSync(join(project, 'content'), content, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(content, path, '..'), { recursive: true });
    writeFileSync(join(content, path), text);
  }
  mkdirSync(join(content, 'live'), { recursive: true });
  const result = spawnSync('npm', ['run', 'build', '--', '--outDir', join(content, 'dist')], {
    cwd: project,
    env: { ...process.env, BROADSIDE_CONTENT: content, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  // Without colour codes and Markdown emphasis, the output reads as an editor sees it.
  const output = `${result.stdout}\n${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, '').replaceAll('**', '');
  return { status: result.status, output };
}

describe('the build', { timeout: 120_000 }, () => {
  it("builds good content: the site's own and one more article", () => {
    const { status, output } = build('good', { 'articles/2022/good.md': article(good) }, true);
    expect(status, output).toBe(0);
    expect(output).toContain('/live/russia-ukraine/index.html');
  });

  it('stops on a schema problem, naming the file and each field', () => {
    const { status, output } = build('schema', {
      'articles/2022/bad.md': article(`
standfirst: No title.
section: sport
published: 23 May 2022
`),
    });
    expect(status).not.toBe(0);
    expect(output).toContain('articles/2022/bad.md');
    expect(output).toContain('title: is required');
    expect(output).toContain('unknown section "sport"');
    expect(output).toContain('"23 May 2022" is not an ISO 8601 date');
  });

  it('stops when updated comes before published', () => {
    const { status, output } = build('updated', {
      'articles/2022/early.md': article(`${good}\nupdated: 2022-05-22T10:00:00+04:00`),
    });
    expect(status).not.toBe(0);
    expect(output).toContain('articles/2022/early.md');
    expect(output).toContain('updated: is before `published`');
  });

  it('stops on two articles with one permalink and a live link that leads nowhere, reporting both', () => {
    const { status, output } = build('cross', {
      'articles/2022/good.md': article(`${good}\nliveUpdates: { label: Follow it, href: /live/nowhere/ }`),
      'articles/2022/copy.md': article(`${good}\nslug: good`),
    });
    expect(status).not.toBe(0);
    expect(output).toContain('2 content problems stop the build');
    expect(output).toMatch(
      /articles\/2022\/(good|copy)\.md: slug: permalink \/world\/2022\/05\/23\/good\/ is already taken by \S+articles\/2022\/(good|copy)\.md/,
    );
    expect(output).toContain('liveUpdates.href: "/live/nowhere/" leads nowhere');
  });

  it('stops on an unknown directive, naming the file and line', () => {
    const { status, output } = build('directive', {
      'articles/2022/good.md': article(good, 'One.\n\n:::sidebar\nBoxed.\n:::'),
    });
    expect(status).not.toBe(0);
    expect(output).toContain('articles/2022/good.md');
    expect(output).toContain('unknown directive ":::sidebar" at line 3');
  });
});
