/**
 * Real builds of small content folders: a good one must build, and each
 * broken one must stop the build with a message naming the file, the field
 * (or line) and what is wrong.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEnvironment, buildSite, project } from './build-site';

const work = mkdtempSync(join(tmpdir(), 'broadside-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const article = (fields: string, body = 'Text.') => `---\n${fields.trim()}\n---\n\n${body}\n`;
const good = `
title: A good article
standfirst: It builds.
section: world
published: 2022-05-23
`;

/** Writes a content folder made of `files` (over a copy of `copyFrom`) and returns its path. */
function writeContent(name: string, files: Record<string, string>, copyFrom?: string): string {
  const content = join(work, name);
  if (copyFrom) cpSync(copyFrom, content, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(content, path, '..'), { recursive: true });
    writeFileSync(join(content, path), text);
  }
  mkdirSync(join(content, 'live'), { recursive: true });
  return content;
}

/** Builds a content folder made of `files` and returns the exit code and everything the build printed. */
function build(name: string, files: Record<string, string>, copyFrom?: string) {
  const content = writeContent(name, files, copyFrom);
  return buildSite(content, join(content, 'dist'));
}

describe('the build', { timeout: 120_000 }, () => {
  it("builds good content: the site's own and one more article", () => {
    const { status, output } = build('good', { 'articles/2022/good.md': article(good) }, join(project, 'content'));
    expect(status, output).toBe(0);
    expect(output).toContain('/live/russia-ukraine/index.html');
  });

  it('builds a file with a byte-order mark, and leaves no trace of drafts, however unfinished or far ahead', () => {
    const { status, output } = build('drafts', {
      'articles/2022/with-bom.md': `\uFEFF${article(good.replace('A good article', 'Saved with a byte-order mark'))}`,
      'articles/2022/draft-ahead.md': article(
        `${good.replace('A good article', 'Embargoed draft').replace('2022-05-23', '2099-01-01')}\ndraft: true`,
      ),
      'articles/2022/draft-half.md': '---\ntitle: Half-written draft\ndraft: true\n---\n',
    });
    expect(status, output).toBe(0);
    expect(output).toMatch(/WARN.*draft-half\.md \(draft\): standfirst: is required/);
    const dist = join(work, 'drafts', 'dist');
    expect(readFileSync(join(dist, 'world/2022/05/23/with-bom/index.html'), 'utf8')).toContain(
      'Saved with a byte-order mark',
    );
    const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) =>
      /\.(html|xml|txt|json)$/.test(file),
    );
    for (const file of files) {
      const text = readFileSync(join(dist, file), 'utf8');
      expect(text, file).not.toMatch(/Embargoed draft|Half-written draft|draft-ahead|draft-half|2099/);
    }
  });

  it('stops on every refused file of the corpus in one build, naming file, field or line, and what is right', () => {
    const { status, output } = build('refused', {}, join(project, 'tests/fixtures/content/refused'));
    expect(status).not.toBe(0);
    // A file's problems, in the order the report lists them: one each, and nothing more.
    const expected: Record<string, string | string[]> = {
      // Live blogs: a file of the old one-file form, an update with no blog, and updates that break the rules across files.
      'live/one-file.md': 'is not part of a live blog: a blog is a folder, content/live/<slug>/index.md',
      'live/orphan/updates/lost.md': 'file: belongs to no live blog: content/live/orphan/index.md does not exist',
      'live/duplicate-ids/updates/empty.md': 'the body is empty',
      'live/duplicate-ids/updates/corrected-early.md': 'updated: is before `time`',
      'live/duplicate-ids/updates/early.md': "time: is before the blog's coverageStart",
      'live/duplicate-ids/updates/late.md': "time: is after the blog's coverageEnd",
      'live/duplicate-ids/updates/second.md': ['id: "first" is already the id of', 'pinned: '],
      'articles/2022/empty-body.md': 'the body is empty: write the article below the frontmatter',
      'articles/2022/malformed-date.md': 'published: "23/05/2022" is not an ISO 8601 date or date-time with offset',
      'articles/2022/malformed-yaml.md':
        'line 5: Missing closing "quote: a quote, bracket or brace is opened and never closed',
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
      'articles/2022/wrong-type.md': 'tags: must be a list, e.g. [one, two]',
      'articles/2022/unknown-directive.md':
        'line 10: unknown directive ":::sidebar": the directives articles can use are :::pullquote',
      'articles/2022/unsafe-handler.md': 'line 8: unsafe HTML <img onerror>: event-handler attributes can run script',
      'articles/2022/unsafe-javascript-link.md': 'line 8: unsafe link "javascript:alert(1)"',
      'articles/2022/unsafe-script.md': 'line 10: unsafe HTML <script> is not allowed in articles',
      // Files an editor wrote that would not be built.
      'articles/2022/.dot-file.md': 'is not built: names starting with "." or "_" are left out of the site',
      'articles/2022/_underscore.md': 'is not built: names starting with "." or "_" are left out of the site',
      'articles/2022/long-extension.markdown': 'is not built: only .md files are read; rename it to long-extension.md',
      'articles/2022/upper-case.MD': 'is not built: only .md files are read; rename it to upper-case.md',
      'articles/2022/Spaces And Capitals.md':
        'the file name "Spaces And Capitals" becomes part of the URL, which may hold only lower-case letters, digits and single hyphens: rename the file (e.g. spaces-and-capitals.md) or set slug:',
      // Frontmatter that does not read as the editor meant.
      'articles/2022/alias-bomb.md': 'line 2: the YAML repeats aliases (*name) more than 20 times',
      'articles/2022/blank-before-fence.md': 'line 2: the frontmatter must start on the first line',
      'articles/2022/glued-fence.md': 'line 1: "---title: Glued fence": the opening --- must be alone on its line',
      'articles/2022/unclosed-fence.md': 'line 1: the frontmatter is never closed',
      'articles/2022/duplicate-key.md': 'line 5: Map keys must be unique: "section" is given twice; keep one',
      'articles/2022/colon-in-title.md':
        'line 2: Nested mappings are not allowed in compact mappings: a value holding ": " needs quotes, e.g. title: "Breaking: quake"',
      'articles/2022/misspelt-field.md': [
        'published: is required',
        'publihsed: is not a field: did you mean `published`?',
      ],
      'articles/2022/merge-key.md': '<<: YAML merge keys are not read: write each field out in full',
      'articles/2022/control-character.md':
        'line 2, column 34: a vertical tab (a line break pasted from a word processor) (U+000B) cannot appear in a feed',
      // Values that look filled but are empty or wrong.
      'articles/2022/invisible-title.md': 'title: must not be empty (it holds only spaces or invisible characters)',
      'articles/2022/blank-alt.md': 'image.alt: holds only spaces or invisible characters',
      'articles/2022/year-typo.md': 'published: "0202-05-23": the year 0202 looks mistyped',
      'articles/2022/remote-lead-image.md': 'image.src: "https://example.com/photo.jpg" is not a file of this site',
      'articles/2022/escaped-control.md': [
        'line 8, column 30: "&#x0B;" stands for a vertical tab',
        'standfirst: holds a form feed (a page break pasted from a word processor) (U+000C)',
      ],
      // Old paths that would take over the site's own URLs.
      'articles/2022/redirect-takeover.md': [
        'redirectFrom.0: "/*" holds "*", which hosts read as a pattern',
        'redirectFrom.1: "/feed.xml" names a file',
        'redirectFrom.2: "/old/%2e%2e/x/" holds percent-encoding',
      ],
      'articles/2022/redirect-served-path.md': 'redirectFrom.0: "/search/" is /search/, which the build serves itself',
      // Images that could run script, never load, or are not there.
      'articles/2022/unsafe-svg-lead.md': [
        'image.src: "./images/hostile.svg" is unsafe: <svg onload=',
        'image.src: "./images/hostile.svg" is unsafe: <script> on line 4 of the SVG runs script',
      ],
      'articles/2022/body-images.md': [
        'line 10: image "https://example.com/photo.jpg" is on another site',
        'line 12: image "./images/nowhere.png" does not exist',
        'line 14: image "./images/hostile.svg" is unsafe: <svg onload=',
        'line 14: image "./images/hostile.svg" is unsafe: <script>',
        'line 16: image "../../../../../../etc/passwd.png" is outside the content folder',
      ],
      // Words that would vanish between the Markdown and the page: every problem of the body at once.
      'articles/2022/vanishing-words.md': [
        'line 12: table row has 3 cells but its header has 2',
        'line 14: link definition "[unused]: https://example.com/" is never used',
        'line 16: footnote "[^2]" is never referred to',
        'line 20: unclosed HTML comment "<!--"',
      ],
    };
    // The summary alone: no stack traces, object dumps or unrelated hints around it.
    expect(output).not.toMatch(/Stack trace|reason:|place:|Hint:|Failed to parse Markdown/);
    const count = Object.values(expected).flat().length;
    expect(output).toContain(`${count} content problems stop the build`);
    const report = output.slice(output.indexOf('content problems stop the build'));
    const lines = report.split('\n');
    for (const [file, messages] of Object.entries(expected)) {
      const reported = lines.filter((line) => line.includes(`/${file}: `));
      const wanted = [messages].flat();
      expect(reported, file).toHaveLength(wanted.length);
      wanted.forEach((message, index) => expect(reported[index], file).toContain(message));
    }
    // A draft is work in progress: its problems are warnings, and it stops nothing.
    expect(report).not.toContain('draft-half-written.md');
    expect(output).toMatch(/WARN.*draft-half-written\.md \(draft\): standfirst: is required/);
    // Nothing was half-built.
    expect(existsSync(join(work, 'refused', 'dist', 'index.html'))).toBe(false);
  });

  it('prints a long list of problems to its last line through a pipe read slowly, as CI logs are', () => {
    // 3,000 problems (about 500 KB), far more than a pipe holds: a process
    // that ends before its output is written loses the end of the list.
    const paths = Array.from({ length: 3000 }, (_, index) => `  - "/old-${index}/*"`);
    const content = writeContent('long-list', {
      'articles/2022/claims.md': article(`${good}\nredirectFrom:\n${paths.join('\n')}`),
    });
    const piped = spawnSync('sh', ['-c', 'npm run build -- --outDir "$OUT" 2>&1 | { sleep 2; cat; }'], {
      cwd: project,
      env: buildEnvironment(content, { OUT: join(content, 'dist') }),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const listed = piped.stdout.split('\n').filter((line) => line.includes('claims.md: redirectFrom.'));
    expect(listed, piped.stdout.slice(-2000)).toHaveLength(3000);
    expect(listed.at(-1)).toContain('redirectFrom.2999: "/old-2999/*" holds "*"');
    expect(piped.stdout.trimEnd().split('\n').at(-1)).toMatch(/^Build failed: Astro exited with status 1; /);
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
