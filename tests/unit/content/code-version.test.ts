import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeVersion } from '@/lib/content/markdown-loader-fs';

const project = join(import.meta.dirname, '../../..');
const copy = mkdtempSync(join(tmpdir(), 'broadside-code-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));
for (const path of ['src', 'astro.config.mjs', 'package-lock.json'])
  cpSync(join(project, path), join(copy, path), { recursive: true });

describe('codeVersion: part of every entry digest, so changed checks or rendering re-render the content', () => {
  it('is stable while the code is unchanged', async () => {
    expect(await codeVersion(copy)).toBe(await codeVersion(copy));
  });

  it.each([
    'src/lib/markdown/plugins.ts',
    'src/lib/schemas/article.ts',
    'src/lib/content/frontmatter.ts',
    'src/site.config.ts',
    'astro.config.mjs',
    'package-lock.json',
  ])('changes when %s changes', async (file) => {
    const before = await codeVersion(copy);
    writeFileSync(join(copy, file), '// changed\n', { flag: 'a' });
    expect(await codeVersion(copy)).not.toBe(before);
  });

  it('ignores code that does not touch content', async () => {
    const before = await codeVersion(copy);
    writeFileSync(join(copy, 'src/components/Byline.astro'), '<!-- changed -->\n', { flag: 'a' });
    expect(await codeVersion(copy)).toBe(before);
  });
});
