import { join } from 'node:path';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { leadImageProblems } from '@/lib/content/lead-image-fs';

const root = join(import.meta.dirname, '../../../content');
const article = join(root, 'articles/2022/russian-diplomat-un-resigns.md');
const problems = (src: unknown) => leadImageProblems({ image: { src, alt: 'A' } }, article, root);
const work = mkdtempSync(join(tmpdir(), 'broadside-image-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('leadImageProblems', () => {
  it('accepts a local image beside the article, and no image at all', async () => {
    expect(await problems('./images/photo-unavailable.png')).toEqual([]);
    expect(await leadImageProblems({}, article, root)).toEqual([]);
  });

  it('refuses a file the image pipeline cannot read, naming the field', async () => {
    const folder = join(work, 'articles/2022');
    mkdirSync(join(folder, 'images'), { recursive: true });
    writeFileSync(join(folder, 'images/photo.png'), 'not a picture at all');
    expect(
      await leadImageProblems({ image: { src: './images/photo.png', alt: 'A' } }, join(folder, 'a.md'), work),
    ).toEqual([
      'image.src: "./images/photo.png" cannot be read as an image (damaged, or not the format its name says): export it again',
    ]);
  });

  it("checks an author's photo under its own field name", async () => {
    const author = join(root, 'authors/jane-doe.md');
    const photo = (src: string) => leadImageProblems({ photo: { src, alt: 'A' } }, author, root, 'photo');
    expect(await photo('../articles/2022/images/photo-unavailable.png')).toEqual([]);
    expect(await photo('https://example.com/jane.jpg')).toEqual([
      expect.stringContaining('photo.src: "https://example.com/jane.jpg" is not a file of this site'),
    ]);
  });

  it.each([
    ['https://example.com/a.jpg', 'is not a file of this site'],
    ['//example.com/a.jpg', 'is not a file of this site'],
    ['data:image/png;base64,AAAA', 'is not a file of this site'],
    ['/images/a.jpg', 'must be relative to the article'],
    ['../../../package.json', 'is outside the content folder'],
    ['./russian-diplomat-un-resigns.md', 'is not an image the site can use'],
    ['./images/nowhere.jpg', 'does not exist'],
  ])('refuses %s', async (src, expected) => {
    expect(await problems(src)).toEqual([expect.stringContaining(`image.src: "${src}" ${expected}`)]);
  });
});
