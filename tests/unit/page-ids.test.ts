/**
 * The ids around an article's or live blog's body: the list in
 * src/lib/markdown/page-ids.ts must hold every id the layouts and
 * components put there (these tests render them and fail on any id missing
 * from it), and headings in the body must never take one of them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import LiveUpdateEntry from '@/components/LiveUpdateEntry.astro';
import ArticleLayout from '@/layouts/ArticleLayout.astro';
import { parseTimestamp } from '@/lib/time/dates';
import { isPageId, pageIds } from '@/lib/markdown/page-ids';
import { markdownOptions } from '@/lib/markdown/plugins';
import { liveUpdateAnchor } from '@/lib/routes/permalinks';
import { liveUpdate } from './live-update-fixture';
import { readingTime } from '@/lib/reading/reading-time';

const container = await AstroContainer.create();
const processor = await createMarkdownProcessor({ ...markdownOptions, syntaxHighlight: false });

/** Every id in a piece of HTML, in order. */
const idsIn = (html: string) => [...html.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1]!);

/** An article with every optional part the layout can show, so every component that could carry an id is drawn. */
const article = {
  id: '2022/russian-diplomat-un-resigns',
  collection: 'articles',
  data: {
    title: 'Russian diplomat to UN resigns',
    standfirst: 'Boris Bondarev says he is leaving because he disagrees with the invasion of Ukraine',
    section: 'world',
    published: parseTimestamp('2022-05-23')!,
    updated: parseTimestamp('2022-05-23T15:25:00+04:00'),
    timezone: 'Asia/Dubai',
    authors: ['jane-doe'],
    agencies: ['AFP'],
    tags: ['diplomacy'],
    liveUpdates: { label: 'follow the latest news on Russia-Ukraine', href: '/live/russia-ukraine/' },
    translation: { automated: true, from: 'ar' },
    image: {
      src: { src: '/images/photo-unavailable.svg', width: 1200, height: 800, format: 'svg' },
      alt: 'A placeholder',
      caption: 'A caption.',
      credit: 'AFP',
    },
    lang: 'en',
    corrections: [{ time: parseTimestamp('2022-05-24T10:00:00+04:00'), text: 'A correction.' }],
    note: 'A note.',
    editions: { ar: '/world/2022/05/23/russian-diplomat-un-resigns-ar/' },
  },
};
const jane = { name: 'Jane Doe', path: '/authors/jane-doe/', url: 'https://broadside.example/authors/jane-doe/' };
/** Three h2 sections and an h3: enough for the table of contents. */
const headings = ['One', 'Two', 'Three'].map((text) => ({ depth: 2, slug: text.toLowerCase(), text }));
const body = '<h2 id="one">One</h2><h2 id="two">Two</h2><h2 id="three">Three</h2>';

describe('the ids around the body', () => {
  it('ArticleLayout (with BaseLayout and every component it shows) uses only ids in the list', async () => {
    const html = await container.renderToString(ArticleLayout, {
      props: { article, authors: [jane], headings, reading: readingTime(900) },
      slots: { default: body },
    });
    expect(html, 'the table of contents is drawn').toContain('href="#three"');
    expect(html, 'the lead image is drawn').toContain('A caption.');
    expect(html, 'the byline is drawn').toContain('Jane Doe</a>');
    const layoutIds = idsIn(html.replace(body, ''));
    expect(layoutIds).toEqual(expect.arrayContaining(['main', 'share-label', 'corrections', 'editors-note']));
    expect(
      layoutIds.filter((id) => !isPageId(id)),
      'ids missing from src/lib/markdown/page-ids.ts',
    ).toEqual([]);
  });

  it('a live update uses only ids in the list', async () => {
    const update = liveUpdate('first', '<p>One.</p>', { title: 'First' });
    const html = await container.renderToString(LiveUpdateEntry, { props: { update, timeZone: 'Asia/Dubai' } });
    expect(idsIn(html)).toEqual(['update-first', 'update-first-title']);
    expect(idsIn(html).filter((id) => !isPageId(id))).toEqual([]);
    expect(isPageId(liveUpdateAnchor('any-id'))).toBe(true);
  });

  it('the live-blog pages write only ids in the list around the summary and updates', () => {
    // The pages read the content store, which a unit test has not got: their markup is read instead.
    const written = [
      'live/[slug]/[...page].astro',
      'live/[slug]/updates/[id].astro',
      '../components/KeyEvents.astro',
    ].flatMap((file) => {
      const page = readFileSync(join(import.meta.dirname, '../../src/pages', file), 'utf8');
      return [...page.matchAll(/\sid=(?:"([^"]*)"|\{)/g)].map((match) => match[1] ?? '{expression}');
    });
    expect(written).toEqual(expect.arrayContaining(['updates-heading', 'pinned-heading', 'key-events-heading']));
    expect(written.filter((id) => !isPageId(id))).toEqual([]);
  });

  it('lists no id that no page uses any more', () => {
    expect([...pageIds].sort()).toEqual([
      'corrections',
      'editors-note',
      'key-events-heading',
      'main',
      'pinned-heading',
      'share-label',
      'updates-heading',
    ]);
  });
});

describe('heading ids in the body', () => {
  it('never take an id of the page, and the table of contents links to the id the heading got', async () => {
    const { code, metadata } = await processor.render('## Main\n\n## Updates heading\n\n## Update: first\n\n## Other');
    expect(idsIn(code)).toEqual(['main-1', 'updates-heading-1', 'heading-update-first', 'other']);
    expect(metadata.headings.map((heading) => heading.slug)).toEqual(idsIn(code));
    expect(code).toContain('href="#main-1"');
  });
});
