/**
 * Characters that XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF and
 * lone surrogates). One of them in a title or a paragraph makes every feed
 * and sitemap that carries it unreadable: XML parsers reject the whole
 * document. They reach articles invisibly, pasted from word processors (a
 * vertical tab or form feed for a line or page break), so each is refused
 * with its line and column and what to put instead.
 */

// Tab, line feed and carriage return are allowed; so is everything from U+0020 up but the two non-characters.
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

const NAMES: Record<string, string> = {
  '\u0000': 'a null character',
  '\u0008': 'a backspace',
  '\u000B': 'a vertical tab (a line break pasted from a word processor)',
  '\u000C': 'a form feed (a page break pasted from a word processor)',
  '\u001B': 'an escape character',
};

function describe(character: string): string {
  const code = `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return `${NAMES[character] ?? 'an invisible control character'} (${code})`;
}

/** A numeric character reference (`&#11;`, `&#x0B;`), which HTML turns into the character it names. */
const REFERENCE = /&#(?:[xX]0*([0-9a-fA-F]{1,6})|0*([0-9]{1,7}));/g;

/** Code points a reference can bring in that XML forbids (HTML itself turns `&#0;` and surrogates into U+FFFD). */
function isForbiddenCodePoint(code: number): boolean {
  return (
    (code >= 0x1 && code <= 0x8) ||
    code === 0xb ||
    code === 0xc ||
    (code >= 0xe && code <= 0x1f) ||
    code === 0xfffe ||
    code === 0xffff
  );
}

/**
 * `text` with each forbidden character replaced by a space, so that, once
 * they are reported, the parsers that read the file next are not thrown by them.
 */
export function withoutForbiddenCharacters(text: string): string {
  return text.replace(FORBIDDEN, ' ');
}

/** 1-based line and column of each index in `text`, for indexes given in increasing order. */
function positions(text: string) {
  let line = 1;
  let lineStart = 0;
  return (index: number) => {
    for (let next = text.indexOf('\n', lineStart); next !== -1 && next < index; next = text.indexOf('\n', lineStart)) {
      line += 1;
      lineStart = next + 1;
    }
    return `line ${line}, column ${index - lineStart + 1}`;
  };
}

const ADVICE = 'cannot appear in a feed: delete it, or type the line break or space it stands for';

/**
 * Every forbidden character in `text`, and every character reference
 * (`&#x0B;`) that would put one on the page, as `line L, column C: ...`
 * messages (1-based, counted in the file), one per character. Empty when
 * the text can go into any feed.
 */
export function forbiddenCharacters(text: string): string[] {
  const found: { index: number; message: string }[] = [];
  for (const match of text.matchAll(FORBIDDEN))
    found.push({ index: match.index, message: `${describe(match[0])} ${ADVICE}` });
  for (const match of text.matchAll(REFERENCE)) {
    const code = match[1] ? parseInt(match[1], 16) : Number(match[2]);
    if (!isForbiddenCodePoint(code)) continue;
    found.push({
      index: match.index,
      message: `"${match[0]}" stands for ${describe(String.fromCodePoint(code))}, which ${ADVICE}`,
    });
  }
  const at = positions(text);
  return found.sort((a, b) => a.index - b.index).map(({ index, message }) => `${at(index)}: ${message}`);
}

/**
 * Forbidden characters in the values read from the frontmatter: YAML's
 * escapes (`"\v"`, `"\x0C"`) make them from plain text, so the file itself
 * can be clean. One `field: ...` message per value.
 */
export function forbiddenInValues(value: unknown, field = ''): string[] {
  if (typeof value === 'string') {
    const character = value.match(FORBIDDEN)?.[0];
    return character ? [`${field}: holds ${describe(character)}, which ${ADVICE}`] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => forbiddenInValues(item, `${field}.${index}`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => forbiddenInValues(item, field ? `${field}.${key}` : key));
  }
  return [];
}
