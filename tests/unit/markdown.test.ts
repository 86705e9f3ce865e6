/**
 * Runs every case in tests/fixtures/markdown/ through the site's own
 * Markdown processor (the plugin lists in src/lib/markdown/plugins.ts):
 * a case with output.html must render to it; a case with error.txt must stop
 * with that line and message ("line 3: unknown directive ...").
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { markdownOptions } from '../../src/lib/markdown/plugins';

const root = join(import.meta.dirname, '../fixtures/markdown');
const cases = readdirSync(root).sort();
const processor = await createMarkdownProcessor({ ...markdownOptions, syntaxHighlight: false });
const render = async (name: string) => {
  const input = readFileSync(join(root, name, 'input.md'), 'utf8');
  return (await processor.render(input, { fileURL: new URL(`file://${join(root, name, 'input.md')}`) })).code;
};

describe('Markdown fixtures', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(5);
  });

  for (const name of cases) {
    const errorFile = join(root, name, 'error.txt');
    if (existsSync(errorFile)) {
      it(`${name}: stops with a message naming the problem and its line`, async () => {
        const expected = readFileSync(errorFile, 'utf8').trim();
        const error: unknown = await render(name).then(
          () => undefined,
          (failure: unknown) => failure,
        );
        // A vfile message: the plugin's reason and the line in the Markdown it points at.
        const { line, reason } = (error ?? {}) as { line?: number; reason?: string };
        expect(reason, 'the render should have failed with a message').toBeTypeOf('string');
        expect(`line ${line}: ${reason}`).toContain(expected);
      });
    } else {
      it(`${name}: renders as expected`, async () => {
        const outputFile = join(root, name, 'output.html');
        const html = `${(await render(name)).trim()}\n`;
        if (process.env.UPDATE_FIXTURES) writeFileSync(outputFile, html);
        expect(html).toBe(readFileSync(outputFile, 'utf8'));
      });
    }
  }
});
