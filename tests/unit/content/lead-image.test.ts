import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leadImageProblems } from '../../../src/lib/content/lead-image-fs';

const root = join(import.meta.dirname, '../../../content');
const article = join(root, 'articles/2022/russian-diplomat-un-resigns.md');
const problems = (src: unknown) => leadImageProblems({ image: { src, alt: 'A' } }, article, root);

describe('leadImageProblems', () => {
  it('accepts a local image beside the article, and no image at all', () => {
    expect(problems('./images/photo-unavailable.png')).toEqual([]);
    expect(leadImageProblems({}, article, root)).toEqual([]);
  });

  it.each([
    ['https://example.com/a.jpg', 'is not a file of this site'],
    ['//example.com/a.jpg', 'is not a file of this site'],
    ['data:image/png;base64,AAAA', 'is not a file of this site'],
    ['/images/a.jpg', 'must be relative to the article'],
    ['../../../package.json', 'is outside the content folder'],
    ['./russian-diplomat-un-resigns.md', 'is not an image the site can use'],
    ['./images/nowhere.jpg', 'does not exist'],
  ])('refuses %s', (src, expected) => {
    expect(problems(src)).toEqual([expect.stringContaining(`image.src: "${src}" ${expected}`)]);
  });
});
