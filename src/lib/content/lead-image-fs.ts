/**
 * The lead image an article's frontmatter names (`image.src`), checked
 * before Astro's image pipeline sees it: a remote or misplaced image would
 * otherwise crash the build while some page renders, naming no article,
 * and an SVG could carry script (see `src/lib/images/svg-safety.ts`).
 */
import { dirname, extname, resolve } from 'node:path';
import sharp from 'sharp';
import { imageFileProblems } from '../images/svg-safety';

/** Formats Astro's image pipeline can read. */
const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif', '.tiff', '.svg']);

/**
 * What is wrong with `data.<field>.src` of the file at `filePath` (`field`
 * is `image` for an article, `photo` for an author), as `image.src: ...`
 * lines; empty when the image is a local file inside `contentRoot` that the
 * build can use, or when there is no image.
 */
export async function leadImageProblems(
  data: Record<string, unknown>,
  filePath: string,
  contentRoot: string,
  field = 'image',
): Promise<string[]> {
  const src = (data[field] as { src?: unknown } | undefined)?.src;
  if (typeof src !== 'string' || src.trim() === '') return [];
  const problem = (what: string) => [`${field}.src: "${src}" ${what}`];
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src)) {
    return problem(
      'is not a file of this site: pages load images from the site only; save it beside the article and give its path, e.g. ./images/photo.jpg',
    );
  }
  if (src.startsWith('/')) return problem('must be relative to the article, e.g. ./images/photo.jpg');
  const path = resolve(dirname(filePath), src);
  const fileProblems = imageFileProblems(path, contentRoot);
  if (fileProblems.length > 0) return fileProblems.flatMap(problem);
  if (!IMAGE_EXTENSIONS.has(extname(path).toLowerCase())) {
    return problem(`is not an image the site can use: use ${[...IMAGE_EXTENSIONS].join(', ')}`);
  }
  // The image pipeline reads every lead image's size; one it cannot read would stop the build naming no article.
  const readable = await sharp(path)
    .metadata()
    .then(({ width, height }) => Boolean(width && height))
    .catch(() => false);
  return readable
    ? []
    : problem('cannot be read as an image (damaged, or not the format its name says): export it again');
}
