/**
 * remarkImageGuard in Astro's own Markdown processor: each refused image
 * leaves one message on the file (the shared contract: `source`
 * 'broadside', a `ruleId`, the image's line), and nothing is thrown.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import type { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { remarkImageGuard } from '@/lib/markdown/remark-image-guard';

const contentRoot = join(import.meta.dirname, '../fixtures/images/content');
const article = join(contentRoot, 'articles/2022/story.md');

let renderedFile: VFile | undefined;
/** The last rehype plugin of the test pipeline: it keeps the file so the test can read its messages. */
const keepFile = () => (_tree: unknown, file: VFile) => {
  renderedFile = file;
};
const processor = await createMarkdownProcessor({
  remarkPlugins: [[remarkImageGuard, { contentRoot }]],
  rehypePlugins: [keepFile],
  syntaxHighlight: false,
});

/** The broadside messages of rendering `markdown` as the article file, as `line N: [rule] reason`. */
async function messages(markdown: string, { fileURL = pathToFileURL(article) }: { fileURL?: URL | null } = {}) {
  renderedFile = undefined;
  await processor.render(markdown, fileURL ? { fileURL } : {});
  return renderedFile!.messages
    .filter((message) => message.source === 'broadside')
    .map((message) => `line ${message.line}: [${message.ruleId}] ${message.reason}`);
}

describe('remarkImageGuard', () => {
  it('passes local pictures and safe SVGs beside the article, however they are linked', async () => {
    const markdown = [
      '![A photo](./images/photo.png)',
      '',
      '![A chart](images/chart.svg "The chart")',
      '',
      '![Same chart][chart] and [a link to elsewhere](https://example.com/)',
      '',
      '[chart]: ./images/chart.svg',
    ].join('\n');
    expect(await messages(markdown)).toEqual([]);
  });

  it('reports a remote image, which the CSP would never load', async () => {
    expect(await messages('Text.\n\n![Crowd](https://example.com/crowd.jpg)')).toEqual([
      `line 3: [image-remote] image "https://example.com/crowd.jpg" is on another site, and the pages' Content-Security-Policy (img-src 'self') stops readers' browsers loading it: save the image beside the article (with the right to publish it) and link it as ./images/<file name>`,
    ]);
    expect(await messages('![Crowd](//example.com/crowd.jpg)')).toEqual([
      expect.stringMatching(/^line 1: \[image-remote\] image "\/\/example\.com\/crowd\.jpg" is on another site/),
    ]);
  });

  it('reports a data: URL', async () => {
    expect(await messages('![Dot](data:image/png;base64,iVBORw0KGgo=)')).toEqual([
      'line 1: [image-data-url] image "data:image/png;base64,iVBORw0KGgo=" is a data: URL: save the picture as a file beside the article and link it as ./images/<file name>',
    ]);
  });

  it('reports paths that leave the content folder or start at the site root', async () => {
    expect(await messages('![x](../../../../etc/x.png)\n\n![y](../../../outside.png)\n\n![z](/favicon.svg)')).toEqual([
      'line 1: [image-outside-content] image "../../../../etc/x.png" is outside the content folder (tests/fixtures/images/content/): put the image beside the article and link it as ./images/<file name>',
      'line 3: [image-outside-content] image "../../../outside.png" is outside the content folder (tests/fixtures/images/content/): put the image beside the article and link it as ./images/<file name>',
      `line 5: [image-outside-content] image "/favicon.svg" starts at the site's root, so the build can neither check nor resize it: put the image beside the article and link it as ./images/<file name>`,
    ]);
  });

  it('reports a missing file and an empty path', async () => {
    expect(await messages('![Gone](./images/gone.jpg)\n\n![Empty]()')).toEqual([
      'line 1: [image-missing] image "./images/gone.jpg" does not exist (looked for tests/fixtures/images/content/articles/2022/images/gone.jpg): check the path and the case of the file name',
      'line 3: [image-missing] image "" has no path: name the image file, e.g. ./images/photo.jpg',
    ]);
  });

  it('reports an unsafe SVG, one message per problem, named by the image', async () => {
    expect(await messages('Intro.\n\n![Chart](./images/hostile.svg)')).toEqual([
      expect.stringMatching(
        /^line 3: \[image-unsafe-svg\] image "\.\/images\/hostile\.svg" is unsafe: <svg onload="document\.title = 'script ran: onload'"> on line 1 of the SVG is an event handler, which runs script: remove the attribute, or export the image as PNG$/,
      ),
      expect.stringMatching(
        /^line 3: \[image-unsafe-svg\] image "\.\/images\/hostile\.svg" is unsafe: <script> on line 4 of the SVG runs script when the image is opened on its own: remove the script, or export the image as PNG$/,
      ),
    ]);
    expect(await messages('![x](./images/disguised.png)')).toEqual([expect.stringMatching(/is unsafe: <script>/)]);
  });

  it('checks the definition an image reference uses, at the reference', async () => {
    const markdown = 'See ![the chart][evil].\n\n[evil]: ./images/hostile.svg\n[unused]: https://example.com/a.png';
    const found = await messages(markdown);
    expect(found).toHaveLength(2);
    expect(found.every((message) => message.startsWith('line 1: [image-unsafe-svg]'))).toBe(true);
  });

  it('follows the first definition of a label, as CommonMark does', async () => {
    const markdown = '![x][chart]\n\n[chart]: ./images/chart.svg\n[chart]: ./images/hostile.svg';
    expect(await messages(markdown)).toEqual([]);
  });

  it('decodes escapes in a path as Astro does', async () => {
    expect(await messages('![x](./images/ph%6Fto.png)')).toEqual([]);
  });

  it('lists every refused image of a body, and keeps the nodes', async () => {
    renderedFile = undefined;
    const { code } = await processor.render('![a](https://a.example/a.png) ![b](data:,x) ![c](./images/gone.png)', {
      fileURL: pathToFileURL(article),
    });
    expect(renderedFile!.messages.filter((message) => message.source === 'broadside')).toHaveLength(3);
    expect(code).toContain('<img src="https://a.example/a.png" alt="a">');
  });

  it('without a file to resolve against, still holds URLs to the rules', async () => {
    expect(await messages('![x](https://a.example/a.png) ![y](./images/gone.png)', { fileURL: null })).toEqual([
      expect.stringMatching(/^line 1: \[image-remote\]/),
    ]);
  });
});
