/**
 * Rendered bodies kept in files of their own, outside the content store
 * (src/lib/content/body-fs.ts): what the store keeps, what a page reads,
 * and which files a sync keeps or deletes, including after a failed sync
 * and a cache emptied by hand.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { afterAll, describe, expect, it } from 'vitest';
import {
  bodiesFolder,
  bodyFileName,
  bodyHtml,
  pruneBodies,
  setBodyAside,
  storedBodyFile,
  withBody,
} from '@/lib/content/body-fs';
import { createContentReport } from '@/lib/content/content-report';
import { markdownCollection } from '@/lib/content/markdown-loader-fs';
import { loaderContext, loaderProject, recordingStore } from './loader-fixture';

const { root, write } = loaderProject();
afterAll(() => rmSync(root, { recursive: true, force: true }));
const folder = join(root, 'bodies');

describe('a body set aside', () => {
  it('is written to its file, and the store keeps an empty html, the metadata and the file name', async () => {
    const file = bodyFileName('articles', 'world/one', 'digest-1');
    const rendered = { html: '<p>One</p>', metadata: { headings: [], frontmatter: { words: 1 }, imagePaths: [] } };
    const stored = await setBodyAside(rendered, file, folder);
    expect(stored).toEqual({ html: '', metadata: { ...rendered.metadata, bodyFile: file } });
    expect(readFileSync(join(folder, file), 'utf8')).toBe('<p>One</p>');
    expect(bodyHtml({ id: 'world/one', rendered: stored }, folder)).toBe('<p>One</p>');
    expect(withBody({ id: 'world/one', rendered: stored }, folder).rendered).toEqual({ ...stored, html: '<p>One</p>' });
    // Nothing is left beside it.
    expect(readdirSync(join(folder, 'articles'))).toEqual([file.slice('articles/'.length)]);
  });

  it('is named by collection, id and digest: another version or entry never shares its file', () => {
    const names = new Set([
      bodyFileName('articles', 'one', 'a'),
      bodyFileName('articles', 'one', 'b'),
      bodyFileName('articles', 'two', 'a'),
      bodyFileName('liveUpdates', 'one', 'a'),
    ]);
    expect(names.size).toBe(4);
    expect(bodyFileName('articles', 'one', 'a')).toBe(bodyFileName('articles', 'one', 'a'));
    expect(bodyFileName('articles', 'one', 'a')).toMatch(/^articles\/[\w-]{32}\.html$/);
  });

  it('is read from the store when the entry holds it there', () => {
    const entry = { id: 'inline', rendered: { html: '<p>Inline</p>' } };
    expect(storedBodyFile(entry)).toBeUndefined();
    expect(bodyHtml(entry, folder)).toBe('<p>Inline</p>');
    expect(withBody(entry, folder)).toBe(entry);
  });

  it('whose file is missing stops the page with the entry named, never shows an empty body', () => {
    const entry = { id: 'world/gone', rendered: { html: '', metadata: { bodyFile: 'articles/gone.html' } } };
    expect(() => bodyHtml(entry, folder)).toThrow(/rendered body of world\/gone is missing .*Build again/);
  });

  it('is deleted once no entry of its collection names it, and other collections are left alone', async () => {
    const kept = bodyFileName('notes', 'kept', '1');
    const stale = bodyFileName('notes', 'stale', '1');
    const other = bodyFileName('others', 'stale', '1');
    for (const file of [kept, stale, other]) await setBodyAside({ html: file }, file, folder);
    writeFileSync(join(folder, 'notes', 'left-by-a-crash.html.123.partial'), '<p>half');
    expect(await pruneBodies('notes', new Set([kept]), folder)).toBe(2);
    expect(existsSync(join(folder, kept))).toBe(true);
    expect(existsSync(join(folder, stale))).toBe(false);
    expect(existsSync(join(folder, other))).toBe(true);
    expect(await pruneBodies('empty', new Set(), folder)).toBe(0);
  });
});

describe('the loader with bodies set aside', () => {
  const schema = z.object({ title: z.string() });
  const report = () =>
    createContentReport(
      () => [],
      () => Promise.resolve(),
    );
  const store = recordingStore([], () => 0);
  const sync = () =>
    markdownCollection({ base: 'content/articles', schema, report: report() }).load(
      loaderContext(root, 'articles', store),
    );
  const bodies = bodiesFolder(root);
  const files = () => readdirSync(join(bodies, 'articles')).filter((name) => name.endsWith('.html'));
  const stored = (id: string) =>
    store.get(id) as unknown as { rendered: { html: string; metadata: { bodyFile: string } } };

  it('stores each entry without its body, and the body in the file it names', async () => {
    write('content/articles/one.md', '---\ntitle: One\n---\n\nThe first.\n');
    write('content/articles/two.md', '---\ntitle: Two\n---\n\nThe second.\n');
    await sync();
    expect(stored('one').rendered.html).toBe('');
    expect(bodyHtml(stored('one'), bodies)).toBe('<p>The first.</p>');
    expect(bodyHtml(stored('two'), bodies)).toBe('<p>The second.</p>');
    expect(files()).toHaveLength(2);
  });

  it("writes a corrected entry's new body and deletes the old one and a removed entry's", async () => {
    const before = stored('one').rendered.metadata.bodyFile;
    write('content/articles/one.md', '---\ntitle: One\n---\n\nThe first, corrected.\n');
    rmSync(join(root, 'content/articles/two.md'));
    await sync();
    expect(stored('one').rendered.metadata.bodyFile).not.toBe(before);
    expect(bodyHtml(stored('one'), bodies)).toBe('<p>The first, corrected.</p>');
    expect(files()).toEqual([stored('one').rendered.metadata.bodyFile.slice('articles/'.length)]);
  });

  it('renders an unchanged entry again when its file is gone (a cache emptied by hand, a failed sync)', async () => {
    const file = stored('one').rendered.metadata.bodyFile;
    rmSync(join(bodies, file));
    await sync();
    expect(stored('one').rendered.metadata.bodyFile).toBe(file);
    expect(bodyHtml(stored('one'), bodies)).toBe('<p>The first, corrected.</p>');
  });

  it('keeps an unchanged body through a sync that stops on another file, and after it', async () => {
    const file = stored('one').rendered.metadata.bodyFile;
    write('content/articles/broken.md', '---\ntitle: [unclosed\n---\n\nBroken.\n');
    await expect(sync()).rejects.toThrow(/1 content problem/);
    expect(existsSync(join(bodies, file))).toBe(true);
    rmSync(join(root, 'content/articles/broken.md'));
    await sync();
    expect(bodyHtml(stored('one'), bodies)).toBe('<p>The first, corrected.</p>');
    expect(store.keys()).toEqual(['one']);
  });
});
