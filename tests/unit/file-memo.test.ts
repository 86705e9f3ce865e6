/**
 * What a process holds of a memo's file (src/lib/file-memo.ts): the object
 * it wrote or read, while the file is still that one; the file's content
 * once anything else wrote it.
 */
import { mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { heldContent, readMemo, writeMemo } from '@/lib/file-memo';

const dir = mkdtempSync(join(tmpdir(), 'broadside-file-memo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a memo held by its file', () => {
  it('is the object written, then what the file holds once another writer changed it', async () => {
    const file = join(dir, 'read.json');
    const memo = { 'a.md': ['1:2:3:4', 'digest'] };
    await writeMemo(file, memo);
    expect(await readMemo(file)).toBe(memo);
    // Rewritten in place with the same size: its time of last change tells it apart.
    writeFileSync(file, JSON.stringify({ 'a.md': ['1:2:3:4', 'digesT'] }));
    utimesSync(file, new Date(2001, 0, 1), new Date(2001, 0, 1));
    const reread = await readMemo(file);
    expect(reread).toEqual({ 'a.md': ['1:2:3:4', 'digesT'] });
    expect(await readMemo(file)).toBe(reread);
  });

  it('is still held at the name a rename gives its file, and let go once its first name holds another file', async () => {
    const file = join(dir, 'moved.json');
    const memo = { page: 'one' };
    await writeMemo(`${file}.new`, memo);
    renameSync(`${file}.new`, file);
    expect(await readMemo(file)).toBe(memo);
    await writeMemo(`${file}.new`, { page: 'two' });
    expect(heldContent(`${file}.new`).content).toEqual({ page: 'two' });
    const reread = await readMemo(file);
    expect(reread).toEqual(memo);
    expect(reread).not.toBe(memo);
  });

  it('is empty, and holds nothing, when the file is missing or torn', async () => {
    expect(await readMemo(join(dir, 'none.json'))).toEqual({});
    writeFileSync(join(dir, 'torn.json'), '{"a.md": [');
    expect(await readMemo(join(dir, 'torn.json'))).toEqual({});
    expect(heldContent(join(dir, 'torn.json')).content).toBeUndefined();
  });
});
