/**
 * A sync reads only the files that are not the ones the last sync read
 * (src/lib/content/markdown-loader-fs.ts): a publish of one change reads one
 * file, and a file is read again whenever what the store holds of it, or the
 * code, may differ.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { afterAll, describe, expect, it } from 'vitest';
import { bodiesFolder, bodyHtml, storedBodyFile } from '@/lib/content/body-fs';
import { createContentReport } from '@/lib/content/content-report';
import { markdownCollection } from '@/lib/content/markdown-loader-fs';
import { loaderContext, loaderProject, recordingStore } from './loader-fixture';

const { root, write } = loaderProject();
afterAll(() => rmSync(root, { recursive: true, force: true }));

const schema = z.object({ title: z.string() });
const store = recordingStore([], () => 0);
/** What each sync read: the sources it took a digest of. */
let digested: string[] = [];
async function sync(): Promise<string[]> {
  digested = [];
  const context = loaderContext(root, 'articles', store);
  const digest = context.generateDigest.bind(context);
  context.generateDigest = (data) => {
    if (typeof data === 'string') digested.push(data.split('\n---\n').at(-1)?.trim() ?? '');
    return digest(data);
  };
  const report = createContentReport(
    () => [],
    () => Promise.resolve(),
  );
  await markdownCollection({ base: 'content/articles', schema, report }).load(context);
  return digested;
}
const memo = join(bodiesFolder(root), 'articles.files-read.json');
const body = (id: string) => bodyHtml(store.get(id) as never, bodiesFolder(root));

describe('the files a sync reads', () => {
  it('reads every file the first time, and none of them again when none changed', async () => {
    write('content/articles/one.md', '---\ntitle: One\n---\n\nThe first.\n');
    write('content/articles/two.md', '---\ntitle: Two\n---\n\nThe second.\n');
    expect((await sync()).sort()).toEqual(['The first.', 'The second.']);
    const entries = new Map(store.entries);
    expect(await sync()).toEqual([]);
    expect(new Map(store.entries)).toEqual(entries);
    expect(body('one')).toBe('<p>The first.</p>');
  });

  it('reads a file written since, and that one alone', async () => {
    write('content/articles/two.md', '---\ntitle: Two\n---\n\nThe second, corrected.\n');
    expect(await sync()).toEqual(['The second, corrected.']);
    expect(body('two')).toBe('<p>The second, corrected.</p>');
  });

  it('reads every file again after a change to the code that renders them', async () => {
    const read = JSON.parse(readFileSync(memo, 'utf8')) as { version: string };
    writeFileSync(memo, JSON.stringify({ ...read, version: 'another version of the code' }));
    expect((await sync()).sort()).toEqual(['The first.', 'The second, corrected.']);
  });

  it('reads a file again when the store no longer holds what was made of it, or its body is gone', async () => {
    store.entries.delete('one');
    expect(await sync()).toEqual(['The first.']);
    rmSync(join(bodiesFolder(root), storedBodyFile(store.get('two') as never)!));
    expect(await sync()).toEqual(['The second, corrected.']);
    expect(body('two')).toBe('<p>The second, corrected.</p>');
  });

  it('syncs a collection with no file yet, before any body was set aside', async () => {
    const empty = loaderProject();
    const report = createContentReport(
      () => [],
      () => Promise.resolve(),
    );
    const context = loaderContext(
      empty.root,
      'authors',
      recordingStore([], () => 0),
    );
    await markdownCollection({ base: 'content/authors', schema, report }).load(context);
    expect(JSON.parse(readFileSync(join(bodiesFolder(empty.root), 'authors.files-read.json'), 'utf8'))).toMatchObject({
      files: {},
    });
    rmSync(empty.root, { recursive: true, force: true });
  });

  it('reads again a file it found a problem in, until the problem is mended', async () => {
    write('content/articles/three.md', '---\ntitle: [unclosed\n---\n\nBroken.\n');
    await expect(sync()).rejects.toThrow(/1 content problem/);
    await expect(sync()).rejects.toThrow(/1 content problem/);
    expect(digested).toEqual(['Broken.']);
    write('content/articles/three.md', '---\ntitle: Three\n---\n\nMended.\n');
    expect(await sync()).toEqual(['Mended.']);
  });
});
