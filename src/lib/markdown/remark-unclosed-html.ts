import type { Html, Root } from 'mdast';
import type { Plugin } from 'unified';
import type { Point } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { reportProblem } from './problems';
import { isAllowedElement } from './remark-raw-html-guard';

/** Elements that never have an end tag. */
const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** Elements whose end tag HTML lets a writer leave out: the browser closes them itself, losing nothing. */
const OPTIONAL_END_TAG = new Set([
  'caption',
  'colgroup',
  'dd',
  'dt',
  'li',
  'optgroup',
  'option',
  'p',
  'rb',
  'rp',
  'rt',
  'rtc',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
]);

/** Elements whose content the browser reads as text up to their end tag: markup inside them is no markup. */
const RAW_TEXT = new Set([
  'iframe',
  'noembed',
  'noframes',
  'noscript',
  'plaintext',
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
]);

/** A comment that ends, including the empty `<!-->` and `<!--->` HTML also takes as ended. */
const CLOSED_COMMENT = /<!--(?:-?>|[\s\S]*?--!?>)/g;

/** A start or end tag as CommonMark reads one in raw HTML: name, attributes (quoted values may hold `>`), `/>`. */
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*(\/?)>/g;

interface OpenElement {
  name: string;
  place: Point | undefined;
  /** Written `<iframe />`: HTML ignores the slash on an element that is not void. */
  selfClosed: boolean;
}

/** The place of `offset` within an HTML node's text, in the Markdown's lines. */
function placeIn(node: Html, offset: number): Point | undefined {
  const start = node.position?.start;
  if (!start) return undefined;
  const lines = node.value.slice(0, offset).split('\n');
  if (lines.length === 1) return { line: start.line, column: start.column + offset };
  return { line: start.line + lines.length - 1, column: lines.at(-1)!.length + 1 };
}

/**
 * Whether an element left open is a problem of this rule: not when HTML
 * lets its end tag be left out, nor when the element is refused anyway (the
 * raw HTML guard says so, and one problem is enough).
 */
function needsEndTag({ name }: OpenElement): boolean {
  return !OPTIONAL_END_TAG.has(name) && isAllowedElement(name);
}

/**
 * Why an element left open is a problem: at the end of the body, the rest
 * of the article goes into it; before the end tag of an element around it
 * (`<i><b>...</i>`), the two are tangled.
 */
function unclosedReason(
  { name, selfClosed }: OpenElement,
  closedBy?: { name: string; place: Point | undefined },
): string {
  const slash = selfClosed ? ` ("/>" does not close an <${name}> in HTML)` : '';
  if (closedBy) {
    const where = closedBy.place ? ` on line ${closedBy.place.line}` : '';
    return `unclosed HTML <${name}>${slash}: it is still open at </${closedBy.name}>${where}; close it with </${name}> before that`;
  }
  const fate = RAW_TEXT.has(name) ? 'would vanish into it' : 'would end up inside it';
  return `unclosed HTML <${name}>${slash}: everything after it ${fate}; close it with </${name}>`;
}

/**
 * Reports raw HTML that is opened and never closed, which takes the
 * Markdown after it with it:
 *
 * - an `<!--` with no `-->`: CommonMark hides every paragraph after it in
 *   the comment;
 * - an element with no end tag: what follows it ends up inside it, and
 *   inside an `<iframe>` (or any element whose content is text) it is not
 *   shown at all. `<iframe ... />` is one of these: HTML ignores the slash.
 *
 * ```markdown
 * <iframe src="https://www.youtube-nocookie.com/embed/abc" title="Interview">
 *
 * The rest of the article.
 * ```
 *
 * is the problem `line 1: unclosed HTML <iframe>: everything after it
 * would vanish into it; close it with </iframe>`.
 *
 * Elements whose end tag HTML lets one leave out (`<p>`, `<li>`, `<td>`,
 * ...) and void elements (`<br>`, `<img>`) never need one; an element
 * articles may not use at all is left to the raw HTML guard. The HTML is read
 * in document order across the body, as the browser reads it, so a `<div>`
 * opened in one block and closed a few paragraphs later is fine. A comment
 * that is closed is left alone: it is the editor's note, deliberately
 * hidden.
 */
export const remarkUnclosedHtml: Plugin<[], Root> = () => (tree, file) => {
  const open: OpenElement[] = [];
  visit(tree, 'html', (node: Html) => {
    // Closed comments blanked out (same length, so offsets still point into the node's text).
    let text = node.value.replace(CLOSED_COMMENT, (comment) => ' '.repeat(comment.length));
    const unclosedComment = text.indexOf('<!--');
    if (unclosedComment !== -1) {
      reportProblem(
        file,
        'unclosed HTML comment "<!--": everything after it would be hidden; end the comment with "-->"',
        placeIn(node, unclosedComment),
        'unclosed-html-comment',
      );
      text = text.slice(0, unclosedComment);
    }
    for (const tag of text.matchAll(TAG)) {
      readTag(file, open, tag, placeIn(node, tag.index));
    }
  });
  for (const element of open) {
    if (needsEndTag(element)) reportProblem(file, unclosedReason(element), element.place, 'unclosed-html-element');
  }
};

/** Moves the list of open elements on by one tag, reporting any element an end tag leaves open. */
function readTag(file: VFile, open: OpenElement[], [, slash, written, selfClosing]: RegExpMatchArray, place?: Point) {
  const name = written!.toLowerCase();
  const current = open.at(-1);
  // Inside an element whose content is text, only its own end tag means anything.
  if (current && RAW_TEXT.has(current.name) && !(slash && name === current.name)) return;
  if (!slash) {
    if (!VOID_ELEMENTS.has(name)) open.push({ name, place, selfClosed: Boolean(selfClosing) });
    return;
  }
  const index = open.findLastIndex((element) => element.name === name);
  // An end tag with nothing to close loses no words (the raw HTML guard refuses one it does not know).
  if (index === -1) return;
  for (const element of open.splice(index).slice(1)) {
    if (needsEndTag(element)) {
      reportProblem(file, unclosedReason(element, { name, place }), element.place, 'unclosed-html-element');
    }
  }
}
