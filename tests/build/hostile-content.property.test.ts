/**
 * Hostile and careless articles in a real build, many at once. The first
 * build must stop naming only articles of the batch (never crash, never
 * name a file it was not given); without the named articles, the second
 * build must succeed, every remaining article's page must carry every word
 * of its title and body, and no page may hold markup the content put there
 * that could run script.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { afterAll, describe, expect, it } from 'vitest';
import { site } from '@/site.config';
import { executableMarkup, hostileArticle, missingWords } from '../property/hostile-articles';
import { buildSite, project } from './build-site';

const ARTICLES = Number(process.env.PROPERTY_ARTICLES ?? 40);
const SEED = Number(process.env.PROPERTY_SEED ?? 20221123);

const work = mkdtempSync(join(tmpdir(), 'broadside-property-'));
afterAll(() => (process.env.KEEP_WORK ? undefined : rmSync(work, { recursive: true, force: true })));

/** Inline scripts the page's own Content-Security-Policy allows: the build's, never the content's. */
function unhashedScripts(html: string): string[] {
  const policy = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
  return [...html.matchAll(/<script(?![^>]*application\/ld\+json)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((match) => match[1]!)
    .filter((code) => code !== '' && !policy.includes(`sha256-${createHash('sha256').update(code).digest('base64')}`));
}

describe('a batch of hostile articles', { timeout: 600_000 }, () => {
  it(`is built without the articles refused by name, and the rest reach their pages whole and harmless (${ARTICLES} articles, seed ${SEED})`, () => {
    const articles = fc.sample(
      fc.tuple(...Array.from({ length: ARTICLES }, (_, index) => hostileArticle(`b${index}`))),
      { numRuns: 1, seed: SEED },
    )[0]!;
    const content = join(work, 'content');
    cpSync(join(project, 'content'), content, { recursive: true });
    const folder = join(content, 'articles/2022');
    mkdirSync(folder, { recursive: true });
    const files = articles.map((article, index) => {
      const name = `hostile-${index}.md`;
      writeFileSync(join(folder, name), article.source);
      return name;
    });

    const first = buildSite(content, join(work, 'dist'));
    const named = files.filter((name) => first.output.includes(`articles/2022/${name}:`));
    if (first.status !== 0) {
      const count = /(\d+) content problems? stop the build/.exec(first.output)?.[1];
      expect(count, first.output.slice(-3000)).toBeDefined();
      const reported = first.output
        .slice(first.output.indexOf('stop the build'))
        .split('\n')
        .filter((line) => /^\s+\S+\.md: /.test(line));
      // Every problem is one of the batch's files, and each names its line or field.
      for (const line of reported)
        expect(line).toMatch(
          /articles\/2022\/hostile-\d+\.md: (?:line \d+(?:, column \d+)?: |\S[^\n]*?: )\S|\.md: the body is empty/,
        );
      expect(reported).toHaveLength(Number(count));
      for (const name of named) rmSync(join(folder, name));
    }
    const second = first.status === 0 ? first : buildSite(content, join(work, 'dist'));
    expect(second.status, second.output.slice(-3000)).toBe(0);

    const dist = join(work, 'dist');
    const kept = articles.filter((_, index) => !named.includes(files[index]!));
    expect(kept.length, 'some articles should survive, or the check is empty').toBeGreaterThan(0);
    for (const [index, article] of articles.entries()) {
      if (named.includes(files[index]!)) continue;
      const html = readFileSync(join(dist, `world/2022/05/23/hostile-${index}/index.html`), 'utf8');
      const page = fromHtml(html);
      expect(toString(select('h1', page)!), files[index]).toContain(article.titleWord);
      const body = selectAll('.prose', page);
      expect(body.length, files[index]).toBeGreaterThan(0);
      expect(missingWords({ type: 'root', children: body }, article.bodyWords), files[index]).toEqual([]);
      expect(executableMarkup({ type: 'root', children: body }, site.embedOrigins), files[index]).toEqual([]);
    }
    // Anywhere in the output: no event handler, no script URL, no inline script the build did not write.
    for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((name) =>
      name.endsWith('.html'),
    )) {
      const html = readFileSync(join(dist, file), 'utf8');
      // The page's own elements (its scripts, styles, meta tags, search form) are the layout's: attributes are checked.
      const attributes = executableMarkup(fromHtml(html), site.embedOrigins).filter((found) => found.includes(' '));
      expect(attributes, file).toEqual([]);
      expect(unhashedScripts(html), file).toEqual([]);
    }
    console.info(
      `hostile batch (seed ${SEED}): ${ARTICLES} articles, ${named.length} refused by name, ${kept.length} built whole`,
    );
  });
});
