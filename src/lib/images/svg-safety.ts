import { closeSync, existsSync, openSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import sax from 'sax';

/*
 * An SVG is a document, not a picture: opened on its own (a click, a shared
 * link) the browser runs its script with the site's origin. The build copies
 * an article's SVG byte for byte to /_astro/, so every SVG is read here
 * before it can be published.
 *
 * It is read with an XML parser (sax, strict, with namespaces) because that
 * is how a browser reads an .svg file: `<svg:script>` and
 * `<h:script xmlns:h="http://www.w3.org/1999/xhtml">` are script elements,
 * `l:href` is a link when `l` names the XLink namespace, and `&#x6c;`
 * is an `l`. An HTML parser sees none of that.
 */

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';
const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

/** Elements that run script. `<handler>` is SVG Tiny 1.2's script element. */
const SCRIPT_ELEMENTS = new Set(['script', 'handler']);
/** Elements that put a web page or another document inside the image. */
const EMBEDDING_ELEMENTS = new Set(['foreignobject', 'iframe', 'embed', 'object', 'frame', 'frameset', 'applet']);

const EXPORT_AS_PNG = 'or export the image as PNG';

/** Why a URL in an SVG is refused, or `undefined` when it stays inside the image or the site. */
function referenceProblem(url: string, { fragmentOnly = false } = {}): string | undefined {
  // Browsers ignore white space and control characters in a URL's scheme, and read `\` as `/`.
  const compact = url
    .replace(/[\u0000-\u0020\u007f]+/g, '')
    .replaceAll('\\', '/')
    .toLowerCase();
  if (compact === '' || compact.startsWith('#')) return undefined;
  if (/^(?:java|vb)script:/.test(compact)) return `runs script: remove it, ${EXPORT_AS_PNG}`;
  if (compact.startsWith('data:')) {
    return `embeds a data: URL: save what it holds as a file of its own, ${EXPORT_AS_PNG}`;
  }
  if (compact.startsWith('//') || /^[a-z][a-z0-9+.-]*:/.test(compact)) {
    return `loads from outside the site, which readers' browsers refuse and which would tell another site who reads the article: draw it into this SVG, ${EXPORT_AS_PNG}`;
  }
  if (fragmentOnly)
    return 'points outside the file: copy what it shows into this SVG and point to it with href="#its-id"';
  return undefined;
}

/** CSS with its comments removed and its escapes decoded, as the browser reads it (`\75 rl(` is `url(`). */
function decodeCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?(?:\*\/|$)/g, '')
    .replace(/\\([0-9a-fA-F]{1,6})[ \t\n\r\f]?/g, (_, hex: string) => {
      const codePoint = Number.parseInt(hex, 16);
      return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : '\ufffd';
    })
    .replace(/\\([^\n0-9a-fA-F])/g, '$1');
}

/** What is wrong with a stylesheet or a `style` attribute: `@import`, old script hooks, and URLs that leave the image. */
function cssProblems(css: string): string[] {
  const decoded = decodeCss(css);
  const problems: string[] = [];
  if (/@import/i.test(decoded)) {
    problems.push(`@import loads another stylesheet: put its rules in this SVG's own <style>, ${EXPORT_AS_PNG}`);
  }
  if (/expression\s*\(|-moz-binding|behavior\s*:/i.test(decoded)) {
    problems.push(
      `expression(), -moz-binding and behavior: run script in some browsers: remove them, ${EXPORT_AS_PNG}`,
    );
  }
  const url = /url\(\s*(["']?)([\s\S]*?)\1\s*\)/gi;
  for (const [, quote = '', address = ''] of decoded.matchAll(url)) {
    const problem = referenceProblem(address);
    if (problem) problems.push(`url(${quote}${shorten(address)}${quote}) ${problem}`);
  }
  // A URL in a plain string (`image-set("https://...")`) loads as well; a string that merely holds a colon does not.
  for (const [, , text = ''] of decoded.replace(url, ' ').matchAll(/(["'])([\s\S]*?)\1/g)) {
    const compact = text.replace(/[\u0000-\u0020\u007f]+/g, '').toLowerCase();
    if (/^(?:javascript:|vbscript:|data:|https?:|\/\/)/.test(compact)) {
      problems.push(`"${shorten(text)}" ${referenceProblem(text)}`);
    }
  }
  return problems;
}

/** A value short enough for a message: a data: URL can be megabytes long. */
function shorten(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}...` : value;
}

/**
 * Everything in an SVG that could run script, embed another document or
 * load from elsewhere when the file is opened on its own, one message per
 * problem, each saying where it is (the SVG's own line), what is wrong and
 * what to do. An empty list means the SVG is a picture and nothing more.
 *
 * Refused: `<script>` (in any namespace, any case), event-handler attributes
 * (`on*`), `javascript:`, `data:` and outside (`http:`, `https:`, `//`) URLs
 * in `href`, `xlink:href`, `src`, `xml:base` and CSS `url(...)`,
 * `<foreignObject>`, `<iframe>`, `<embed>`, `<object>`, any HTML element,
 * `<use>` pointing to another file, entity declarations (a DOCTYPE with an
 * internal subset), `<animate>`/`<set>` that change a link or a handler,
 * processing instructions (`<?xml-stylesheet?>`), an encoding other than
 * UTF-8, and a file that is not well-formed XML (a browser reads it
 * differently from this check).
 *
 * @example
 *   svgProblems('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
 *   // ['<script> on line 1 of the SVG runs script when the image is opened on its own: remove the script, or export the image as PNG']
 */
export function svgProblems(svgText: string): string[] {
  const problems: string[] = [];
  const lineStarts = [0];
  for (let index = svgText.indexOf('\n'); index !== -1; index = svgText.indexOf('\n', index + 1)) {
    lineStarts.push(index + 1);
  }
  const parser = sax.parser(true, { xmlns: true, position: true });
  /** The line (from 1) of the markup the parser has just read. */
  const line = () => {
    const position = Math.max(parser.startTagPosition - 1, 0);
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (lineStarts[middle]! <= position) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
  const at = (what: string) => `${what} on line ${line()} of the SVG`;

  // Set by the parser's callbacks, which TypeScript's narrowing does not follow.
  let sawRoot = false as boolean;
  let wellFormed = true as boolean;
  let declaresEntities = false as boolean;
  let styleText: { line: number; text: string } | undefined;

  parser.onerror = (error) => {
    if (wellFormed) {
      wellFormed = false;
      const reason = error.message.split('\n')[0];
      problems.push(
        `the SVG is not well-formed XML (line ${parser.line + 1}: ${reason}), so a browser would read it differently from this check: export it again from the drawing program, ${EXPORT_AS_PNG}`,
      );
    }
    // Read on, so that a broken file still has its other problems listed.
    (parser as { error: Error | null }).error = null;
    parser.resume();
  };

  parser.onprocessinginstruction = ({ name, body }) => {
    if (name === 'xml') {
      const encoding = /encoding\s*=\s*["']([^"']*)["']/.exec(body)?.[1];
      if (encoding && !/^utf-?8$/i.test(encoding)) {
        problems.push(
          `the SVG declares encoding="${encoding}", which a browser decodes differently from this check: save it as UTF-8, ${EXPORT_AS_PNG}`,
        );
      }
      return;
    }
    problems.push(
      `${at(`<?${name}?>`)} is a processing instruction${name.toLowerCase() === 'xml-stylesheet' ? ' that loads a stylesheet from outside the image' : ''}: remove it (styles belong in the SVG's own <style>), ${EXPORT_AS_PNG}`,
    );
  };

  parser.ondoctype = (doctype) => {
    if (doctype.includes('[')) {
      declaresEntities = true;
      problems.push(
        `${at('<!DOCTYPE>')} declares its own entities or elements ([...]), which can smuggle markup into the image: remove the part in [...], ${EXPORT_AS_PNG}`,
      );
    }
  };
  parser.onsgmldeclaration = (declaration) => {
    declaresEntities ||= /ENTITY/i.test(declaration);
    problems.push(
      `${at(`<!${shorten(declaration.trim())}>`)} is a declaration an image has no use for: remove it, ${EXPORT_AS_PNG}`,
    );
  };

  parser.onopentag = (node) => {
    const element = node as sax.QualifiedTag;
    const local = element.local.toLowerCase();
    const tag = `<${element.name}>`;
    if (!sawRoot) {
      sawRoot = true;
      if (local !== 'svg' || element.uri !== SVG_NAMESPACE) {
        problems.push(
          `the file's first element is ${tag}, not <svg xmlns="${SVG_NAMESPACE}">, so it is not an SVG image: export it again as SVG, ${EXPORT_AS_PNG}`,
        );
      }
    }
    if (SCRIPT_ELEMENTS.has(local)) {
      problems.push(`${at(tag)} runs script when the image is opened on its own: remove the script, ${EXPORT_AS_PNG}`);
    } else if (EMBEDDING_ELEMENTS.has(local)) {
      problems.push(
        `${at(tag)} embeds a web page or another document, which can run script: remove it, ${EXPORT_AS_PNG}`,
      );
    } else if (element.uri === XHTML_NAMESPACE) {
      problems.push(`${at(tag)} is an HTML element, which has no place in an image: remove it, ${EXPORT_AS_PNG}`);
    }

    for (const attribute of Object.values(element.attributes)) {
      if (attribute.uri === XMLNS_NAMESPACE || attribute.name === 'xmlns') continue;
      const name = attribute.local.toLowerCase();
      const written = `<${element.name} ${attribute.name}="${shorten(attribute.value)}">`;
      if (name.startsWith('on')) {
        problems.push(`${at(written)} is an event handler, which runs script: remove the attribute, ${EXPORT_AS_PNG}`);
        continue;
      }
      if (name === 'href' || name === 'src' || (name === 'base' && attribute.uri === XML_NAMESPACE)) {
        const problem = referenceProblem(attribute.value, { fragmentOnly: local === 'use' });
        if (problem) problems.push(`${at(written)} ${problem}`);
        continue;
      }
      if (name === 'attributename') {
        const target = attribute.value.trim().toLowerCase().replace(/^.*:/, '');
        if (target === 'href' || target.startsWith('on')) {
          problems.push(
            `${at(written)} animates a link or an event handler, which can make it run script: remove the animation, ${EXPORT_AS_PNG}`,
          );
        }
        continue;
      }
      // `style`, and presentation attributes such as fill="url(...)".
      if (name === 'style' || /url\s*\(|@import/i.test(decodeCss(attribute.value))) {
        for (const problem of cssProblems(attribute.value)) problems.push(`${at(written)}: ${problem}`);
      }
    }
    if (local === 'style') styleText = { line: line(), text: '' };
  };

  const addStyleText = (text: string) => {
    if (styleText) styleText.text += text;
  };
  parser.ontext = addStyleText;
  parser.oncdata = addStyleText;
  parser.onclosetag = (name) => {
    if (styleText && name.replace(/^.*:/, '').toLowerCase() === 'style') {
      for (const problem of cssProblems(styleText.text)) {
        problems.push(`the <style> on line ${styleText.line} of the SVG: ${problem}`);
      }
      styleText = undefined;
    }
  };

  parser.write(svgText).close();
  // Entity declarations are refused wherever they hide, not only where the parser saw a DOCTYPE.
  if (!declaresEntities && /<!ENTITY/i.test(svgText)) {
    problems.push(
      `the SVG declares entities (<!ENTITY ...>), which can smuggle markup into the image: remove them, ${EXPORT_AS_PNG}`,
    );
  }
  if (!sawRoot && wellFormed)
    problems.push(
      `the file holds no <svg> element, so it is not an SVG image: export it again as SVG, ${EXPORT_AS_PNG}`,
    );
  return problems;
}

/** A problem of an image file, with the short name of the rule it breaks (for Markdown plugins' `ruleId`). */
export interface ImageFileProblem {
  ruleId: 'image-outside-content' | 'image-missing' | 'image-unsafe-svg';
  reason: string;
}

/** A path an editor recognises: relative to the project, or as given when outside it. */
function shownPath(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown === '' ? '.' : shown.startsWith('..') || isAbsolute(shown) ? path : shown;
}

function isInside(path: string, folder: string): boolean {
  const fromFolder = relative(folder, path);
  return fromFolder !== '' && !fromFolder.startsWith('..') && !isAbsolute(fromFolder);
}

/** True when a file is markup rather than a raster image, whatever its name says: Astro sniffs the content too. */
function looksLikeMarkup(path: string): boolean {
  if (extname(path).toLowerCase() === '.svg') return true;
  const head = Buffer.alloc(512);
  const descriptor = openSync(path, 'r');
  try {
    const length = readSync(descriptor, head, 0, head.length, 0);
    return /^(?:\ufeff)?\s*</.test(head.subarray(0, length).toString('utf8'));
  } finally {
    closeSync(descriptor);
  }
}

/**
 * The problems of an image file an article names, with the rule each
 * breaks: a path outside `contentRoot` (also through a symbolic link), a
 * file that is not there, and an SVG (by name or by content) that
 * `svgProblems` refuses. Each reason reads on from the image's path, e.g.
 * `image "./images/x.svg" is unsafe: <script> on line 3 of the SVG runs
 * script...`, or `image.src "../../x.png" is outside the content folder...`.
 */
export function imageFileFindings(absolutePath: string, contentRoot: string): ImageFileProblem[] {
  const root = resolve(contentRoot);
  const path = resolve(absolutePath);
  const outside: ImageFileProblem = {
    ruleId: 'image-outside-content',
    reason: `is outside the content folder (${shownPath(root)}/): put the image beside the article and link it as ./images/<file name>`,
  };
  if (!isInside(path, root)) return [outside];
  if (!existsSync(path)) {
    return [
      {
        ruleId: 'image-missing',
        reason: `does not exist (looked for ${shownPath(path)}): check the path and the case of the file name`,
      },
    ];
  }
  const realPath = realpathSync(path);
  if (!isInside(realPath, realpathSync(root))) return [outside];
  if (!statSync(realPath).isFile()) {
    return [{ ruleId: 'image-missing', reason: `is a folder (${shownPath(path)}), not an image file` }];
  }
  if (!looksLikeMarkup(realPath)) return [];
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(realPath));
  } catch {
    return [
      {
        ruleId: 'image-unsafe-svg',
        reason: `is not UTF-8 text, so a browser may read it differently from the build's check: save the SVG as UTF-8, ${EXPORT_AS_PNG}`,
      },
    ];
  }
  return svgProblems(text).map((problem) => ({ ruleId: 'image-unsafe-svg', reason: `is unsafe: ${problem}` }));
}

/**
 * The problems of an image file an article names, as messages for the
 * editor (see `imageFileFindings`); an empty list when the image can be
 * published. The content loader calls it for frontmatter `image.src`.
 */
export function imageFileProblems(absolutePath: string, contentRoot: string): string[] {
  return imageFileFindings(absolutePath, contentRoot).map(({ reason }) => reason);
}
