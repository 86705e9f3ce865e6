/**
 * A real build of an article whose headline is made of everything that
 * breaks naive output: quotes of both kinds, ampersands (and one that is
 * already an entity), `</script>`, an HTML comment, a CDATA end, a line
 * separator and emoji. Every place the headline goes (page, <title>, link
 * preview tags, JSON-LD, share links, feed, share card) must carry it
 * exactly as the build reads it, with the body's typography (curled quotes,
 * `--` as a dash: so `<!--` reaches no copy as a comment opener), and none
 * may let it out of its element. The article is built beside the site's
 * own content.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smartPunctuation } from '@/lib/markdown/remark-smart-punctuation';
import { buildSite, project } from './build-site';

const work = mkdtempSync(join(tmpdir(), 'broadside-hostile-'));
const content = join(work, 'content');
const dist = join(work, 'dist');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const title = `"Quoted" & 'apostrophed' </script><script>alert(1)</script> <!-- A&amp;B --> ]]> \u2028 Kyiv 🇺🇦 cheers 🎉`;
const standfirst = 'A standfirst with </script> & "quotes" too 👍🏽';
/** The headline and standfirst as every copy shows them: with the body's typography. */
const shownTitle = smartPunctuation(title);
const shownStandfirst = smartPunctuation(standfirst);
const path = '/world/2022/06/01/hostile/';
const canonical = `https://broadside.example${path}`;

let build: { status: number | null; output: string };
let page: Root;
let html: string;

beforeAll(() => {
  // The site's own content too: its live blog links to the seed article.
  cpSync(join(project, 'content'), content, { recursive: true });
  cpSync(join(project, 'tests/fixtures/content/hostile-title'), content, { recursive: true });
  build = buildSite(content, dist);
  if (build.status === 0) {
    html = readFileSync(join(dist, path, 'index.html'), 'utf8');
    page = fromHtml(html);
  }
}, 180_000);

const attr = (element: Element | undefined, name: string) => element?.properties[name] as string | undefined;
const meta = (key: string) =>
  selectAll(`meta[property="${key}"], meta[name="${key}"]`, page).map((element) => attr(element, 'content'));

/** The text of an XML element's content, entities decoded, as an XML parser gives it. */
function xmlText(xml: string, tag: string): string[] {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return [...xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((match) =>
    match[1]!.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (_, entity: string) =>
      entity.startsWith('#x')
        ? String.fromCodePoint(parseInt(entity.slice(2), 16))
        : entity.startsWith('#')
          ? String.fromCodePoint(Number(entity.slice(1)))
          : entities[entity]!,
    ),
  );
}

describe('a headline full of quotes, ampersands, </script> and emoji', () => {
  it('builds', () => {
    expect(build.status, build.output).toBe(0);
  });

  it('is the page heading and the document title, exactly', () => {
    expect(toString(select('h1', page)!)).toBe(shownTitle);
    expect(toString(select('title', page)!)).toBe(`${shownTitle} | Broadside`);
    expect(toString(select('.standfirst', page)!)).toBe(shownStandfirst);
  });

  it('runs no script of its own: the only scripts are the build’s and the JSON-LD', () => {
    const scripts = selectAll('script', page);
    for (const script of scripts) {
      const type = attr(script, 'type');
      expect(type === 'module' || type === 'application/ld+json', String(type)).toBe(true);
      if (type === 'module') expect(toString(script)).not.toContain('alert(1)');
    }
    // Where the headline stands in an attribute, "<" is harmless; anywhere else it must be escaped.
    const outsideAttributes = html.replace(/="[^"]*"/g, '=""');
    expect(outsideAttributes).not.toContain('<script>alert(1)');
    expect(outsideAttributes).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('is in the link preview tags exactly', () => {
    expect(meta('og:title')).toEqual([shownTitle]);
    expect(meta('twitter:title')).toEqual([shownTitle]);
    expect(meta('og:description')).toEqual([shownStandfirst]);
    expect(meta('og:image:alt')).toEqual([`Broadside card: World, June 1, 2022. ${shownTitle}`]);
    expect(meta('og:url')).toEqual([canonical]);
  });

  it('is in the JSON-LD exactly, and nothing in the script text can close the element', () => {
    const scripts = selectAll('script[type="application/ld+json"]', page);
    expect(scripts).toHaveLength(2);
    const raw = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(raw).toHaveLength(2);
    for (const text of raw) {
      expect(text).not.toMatch(/<|>|\u2028|\u2029/);
      expect(text.toLowerCase()).not.toContain('</script');
    }
    const [news, crumbs] = raw.map((text) => JSON.parse(text) as Record<string, unknown>);
    expect(news).toMatchObject({
      '@type': 'NewsArticle',
      headline: shownTitle,
      description: shownStandfirst,
      url: canonical,
    });
    expect(crumbs).toMatchObject({ itemListElement: [{}, {}, { name: shownTitle, item: canonical }] });
  });

  it('is handed to every share link and the share element exactly', () => {
    const share = select('share-links', page)!;
    expect(attr(share, 'dataTitle')).toBe(shownTitle);
    const links = selectAll('.share-list a', page).map((link) => new URL(attr(link, 'href')!));
    expect(links).toHaveLength(6);
    for (const link of links) {
      const params = [...link.searchParams.values()].join('\n');
      expect(params, link.href).toContain(canonical);
      if (!/facebook|linkedin/.test(link.host)) expect(params, link.href).toContain(shownTitle);
    }
  });

  it('links the pull quote to its sentence with a text fragment the browser can read back', () => {
    const href = attr(select('.pullquote-link a', page), 'href')!;
    const terms = href.replace('#:~:text=', '').split(',').map(decodeURIComponent);
    expect(terms).toEqual(['said: “-', 'Rock & roll, well-known — and 100% fine']);
  });

  it('is in the feed exactly, escaped, with the whole body', () => {
    const xml = readFileSync(join(dist, 'feed.xml'), 'utf8');
    expect(xml).not.toContain('<script>');
    const item = xml.slice(xml.indexOf('<item>'));
    expect(xmlText(item, 'title')[0]).toBe(shownTitle);
    expect(xmlText(item, 'description')[0]).toBe(shownStandfirst);
    const body = xmlText(item, 'content:encoded')[0]!;
    expect(toString(fromHtml(body))).toContain('She said: “Rock & roll, well-known — and 100% fine.” Then she left.');
    expect(body).not.toContain('<script>');
  });

  it('gets a share card', () => {
    const png = readFileSync(join(dist, 'cards/world/2022/06/01/hostile.png'));
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });

  it('leaves the sitemap well formed', () => {
    expect(existsSync(join(dist, 'sitemap-index.xml'))).toBe(true);
    expect(readFileSync(join(dist, 'sitemap-0.xml'), 'utf8')).toContain(`<loc>${canonical}</loc>`);
  });
});
