import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeVersion } from '@/lib/content/markdown-loader-fs';
import { siteCodeVersion } from '@/lib/routes/site-code';

const project = join(import.meta.dirname, '../../..');
const copy = mkdtempSync(join(tmpdir(), 'broadside-code-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));
for (const path of ['src', 'astro.config.mjs', 'package-lock.json'])
  cpSync(join(project, path), join(copy, path), { recursive: true });

describe('codeVersion: part of every entry digest, so changed checks or rendering re-render the content', () => {
  it('is stable while the code is unchanged', () => {
    expect(codeVersion(copy)).toBe(codeVersion(copy));
  });

  it.each([
    'src/lib/markdown/plugins.ts',
    'src/lib/schemas/article.ts',
    'src/lib/content/frontmatter.ts',
    'src/site.config.ts',
    'astro.config.mjs',
    'package-lock.json',
  ])('changes when %s changes', (file) => {
    const before = codeVersion(copy);
    writeFileSync(join(copy, file), '// changed\n', { flag: 'a' });
    expect(codeVersion(copy)).not.toBe(before);
  });

  it('ignores code that does not touch content', () => {
    const before = codeVersion(copy);
    writeFileSync(join(copy, 'src/components/Byline.astro'), '<!-- changed -->\n', { flag: 'a' });
    expect(codeVersion(copy)).toBe(before);
  });
});

describe('the content code version and the site code version', () => {
  it('both read a project without a lock file, which counts as missing', () => {
    const bare = mkdtempSync(join(tmpdir(), 'broadside-code-bare-'));
    try {
      cpSync(join(copy, 'src'), join(bare, 'src'), { recursive: true });
      cpSync(join(copy, 'astro.config.mjs'), join(bare, 'astro.config.mjs'));
      expect(codeVersion(bare)).not.toBe(codeVersion(copy));
      expect(siteCodeVersion(bare)).not.toBe(siteCodeVersion(copy));
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});
