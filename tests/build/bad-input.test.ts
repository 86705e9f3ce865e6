/**
 * Real builds of small content folders: a good one must build, and each
 * broken one must stop the build with a message naming the file, the field
 * (or line) and what is wrong.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, project } from './build-site';

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
function build(name: string, files: Record<string, string>, copyFrom?: string) {
  const content = join(work, name);
  if (copyFrom) cpSync(copyFrom, content, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(content, path, '..'), { recursive: true });
    writeFileSync(join(content, path), text);
  }
  mkdirSync(join(content, 'live'), { recursive: true });
  return buildSite(content, join(content, 'dist'));
}

describe('the build', { timeout: 120_000 }, () => {
  it("builds good content: the site's own and one more article", () => {
    const { status, output } = build('good', { 'articles/2022/good.md': article(good) }, join(project, 'content'));
    expect(status, output).toBe(0);
    expect(output).toContain('/live/russia-ukraine/index.html');
  });

  it('stops on every refused file of the corpus in one build, naming file, field or line, and what is right', () => {
    const { status, output } = build('refused', {}, join(project, 'tests/fixtures/content/refused'));
    expect(status).not.toBe(0);
    const expected: Record<string, string> = {
      'live/duplicate-ids.md': 'updates.1.id: "first" is already the id of update 1: each update needs its own id',
      'articles/2022/empty-body.md': 'the body is empty: write the article below the frontmatter',
      'articles/2022/malformed-date.md': 'published: "23/05/2022" is not an ISO 8601 date or date-time with offset',
      'articles/2022/malformed-yaml.md': 'the frontmatter is not valid YAML',
      'articles/2022/bad-slug.md': 'slug: slug may hold only lower-case letters, digits and single hyphens',
      'articles/2022/bad-tag.md': 'tags.0: a tag may hold only lower-case letters, digits and single hyphens',
      'articles/2022/future.md': 'published: is more than 24 hours in the future',
      'articles/2022/image-no-alt.md': 'image.alt: is required: say what the image shows',
      'articles/2022/image-missing.md': 'image.src: "./images/nowhere.jpg" does not exist',
      'articles/2022/long-title.md': 'title: must be at most 200 characters',
      'articles/2022/missing-title.md': 'title: is required',
      'articles/2022/unknown-section.md': 'section: unknown section "sport": use one of world, business, climate',
      'articles/2022/unknown-zone.md': 'timezone: is not an IANA time zone',
      'articles/2022/unclosed-directive.md':
        'line 10: unclosed directive ":::pullquote": end it with a line holding only ":::"',
      'articles/2022/updated-early.md': 'updated: is before `published`',
      'articles/2022/wrong-type.md': 'tags: Expected type `"array"`, received `"string"`',
      'articles/2022/unknown-directive.md':
        'line 10: unknown directive ":::sidebar": the directives articles can use are :::pullquote',
      'articles/2022/unsafe-handler.md': 'line 8: unsafe HTML <img onerror>: event-handler attributes can run script',
      'articles/2022/unsafe-javascript-link.md': 'line 8: unsafe link "javascript:alert(1)"',
      'articles/2022/unsafe-script.md': 'line 10: unsafe HTML <script> is not allowed in articles',
    };
    expect(output).toContain(`${Object.keys(expected).length} content problems stop the build`);
    const report = output.slice(output.indexOf('content problems stop the build'));
    for (const [file, message] of Object.entries(expected)) {
      // The message follows its file name, on the same line or the next.
      const at = report.indexOf(`${file}:`);
      expect(at, `${file} is named`).toBeGreaterThan(-1);
      expect(report.slice(at, at + file.length + 250), file).toContain(message);
    }
    // Nothing was half-built.
    expect(existsSync(join(work, 'refused', 'dist', 'index.html'))).toBe(false);
  });

  it('checks a refused file again on the next build instead of trusting the cache', () => {
    const files = { 'articles/2022/early.md': article(`${good}\nupdated: 2022-05-22T10:00:00+04:00`) };
    expect(build('again', files).output).toContain('updated: is before `published`');
    expect(build('again', files).output).toContain('updated: is before `published`');
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
});
