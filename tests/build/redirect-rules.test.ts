/**
 * Real builds with `redirectFrom` the build must refuse: a redirect from a
 * page that exists and one that would chain (from another article's
 * permalink, where redirects lead). Both are reported in one build, each
 * naming the file and the field.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { buildSite, project } from './build-site';

const work = mkdtempSync(join(tmpdir(), 'broadside-redirects-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('stops on a redirect that replaces a page and one that chains', { timeout: 180_000 }, () => {
  const content = join(work, 'content');
  cpSync(join(project, 'content'), content, { recursive: true });
  writeFileSync(
    join(content, 'articles/2022/moved.md'),
    [
      '---',
      'title: A moved article',
      'standfirst: It claims two paths it cannot have.',
      'section: world',
      'published: 2022-05-24',
      'redirectFrom: [/world/, /world/2022/05/23/russian-diplomat-un-resigns/]',
      '---',
      '',
      'Text.',
      '',
    ].join('\n'),
  );
  const { status, output } = buildSite(content, join(work, 'dist'));
  expect(status, output).not.toBe(0);
  expect(output).toContain('2 content problems stop the build');
  expect(output).toMatch(
    /articles\/2022\/moved\.md: redirectFrom\.0: "\/world\/" is the path of a page that exists: a redirect cannot replace it/,
  );
  expect(output).toMatch(
    /articles\/2022\/moved\.md: redirectFrom\.1: "\/world\/2022\/05\/23\/russian-diplomat-un-resigns\/" is the permalink of \S*russian-diplomat-un-resigns\.md, where redirects lead: a redirect from it would chain/,
  );
});
