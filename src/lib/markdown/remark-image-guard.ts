import { dirname, resolve } from 'node:path';
import type { Definition, Image, ImageReference, Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { contentRoot } from '../content/root';
import { imageFileFindings } from '../images/svg-safety';
import { reportProblem } from './problems';

export interface ImageGuardOptions {
  /** The folder every image must live in; `contentRoot` from `src/lib/content/root.ts` by default. */
  contentRoot?: string;
}

/** A problem with an image's URL itself, before any file is looked at, with the rule it breaks. */
function urlFinding(url: string): { ruleId: string; reason: string } | undefined {
  const compact = url.replace(/[\u0000-\u0020\u007f]+/g, '').toLowerCase();
  if (compact === '') {
    return { ruleId: 'image-missing', reason: 'has no path: name the image file, e.g. ./images/photo.jpg' };
  }
  if (compact.startsWith('data:')) {
    return {
      ruleId: 'image-data-url',
      reason: 'is a data: URL: save the picture as a file beside the article and link it as ./images/<file name>',
    };
  }
  if (compact.startsWith('//') || /^https?:/.test(compact)) {
    return {
      ruleId: 'image-remote',
      reason:
        "is on another site, and the pages' Content-Security-Policy (img-src 'self') stops readers' browsers loading it: save the image beside the article (with the right to publish it) and link it as ./images/<file name>",
    };
  }
  // The test Astro itself uses to tell a URL from a path.
  if (URL.canParse(url)) {
    return {
      ruleId: 'image-remote',
      reason: 'is not a file of the article: link an image file beside it, e.g. ./images/photo.jpg',
    };
  }
  if (url.startsWith('/')) {
    return {
      ruleId: 'image-outside-content',
      reason:
        "starts at the site's root, so the build can neither check nor resize it: put the image beside the article and link it as ./images/<file name>",
    };
  }
  return undefined;
}

/** The path of a local image as Astro reads it: percent-escapes decoded, no query or fragment. */
function imagePath(url: string): string {
  let decoded = url;
  try {
    decoded = decodeURI(url);
  } catch {
    // A stray % (Astro then stops on it too): look the file up as written.
  }
  return decoded.replace(/[?#].*$/, '');
}

/**
 * Reports every Markdown image (`![alt](src)` and `![alt][ref]`) that
 * cannot be published as it is: a remote URL (the pages' CSP,
 * `img-src 'self'`, never loads it), a `data:` URL, a path from the site's
 * root or one that leaves the content folder, a file that is not there, and
 * an SVG that could run script (`svgProblems`). Relative paths resolve
 * against the Markdown file (the processor must be given `fileURL`; without
 * one only the URL rules apply).
 *
 * Problems are reported by the shared contract (`reportProblem`), with the
 * image's place and a `ruleId`; nothing is thrown and the node is left as
 * it is, so one build lists every problem.
 * Register it before any plugin that could drop or rewrite image nodes.
 *
 * @example
 *   In:  ![Crowd](https://example.com/crowd.jpg)
 *   Out: message at line 1: image "https://example.com/crowd.jpg" is on
 *        another site, and the pages' Content-Security-Policy ...
 */
export const remarkImageGuard: Plugin<[ImageGuardOptions?], Root> = (options = {}) => {
  const root = resolve(options.contentRoot ?? contentRoot);
  return (tree, file) => {
    // As CommonMark reads them: the first definition of a label wins.
    const definitions = new Map<string, Definition>();
    visit(tree, 'definition', (definition: Definition) => {
      if (!definitions.has(definition.identifier)) definitions.set(definition.identifier, definition);
    });
    const folder = file.path ? dirname(file.path) : undefined;

    visit(tree, ['image', 'imageReference'], (node) => {
      const image = node as Image | ImageReference;
      const url = image.type === 'image' ? image.url : definitions.get(image.identifier)?.url;
      if (url === undefined) return;
      const report = (ruleId: string, reason: string) => {
        const shown = url.length > 80 ? `${url.slice(0, 77)}...` : url;
        reportProblem(file, `image "${shown}" ${reason}`, image.position, ruleId);
      };

      const finding = urlFinding(url);
      if (finding) {
        report(finding.ruleId, finding.reason);
        return;
      }
      if (!folder) return;
      for (const { ruleId, reason } of imageFileFindings(resolve(folder, imagePath(url)), root)) {
        report(ruleId, reason);
      }
    });
  };
};
