/**
 * Characters that XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF and
 * lone surrogates). One of them in a title or a paragraph makes every feed
 * and sitemap that carries it unreadable: XML parsers reject the whole
 * document. They reach articles invisibly, pasted from word processors (a
 * vertical tab or form feed for a line or page break), so each is refused
 * with its line and column and what to put instead.
 */

// Tab, line feed and carriage return are allowed; so is everything from U+0020 up but the two non-characters.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

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

/**
 * `text` with each forbidden character replaced by a space, so that, once
 * they are reported, the parsers that read the file next are not thrown by them.
 */
export function withoutForbiddenCharacters(text: string): string {
  return text.replace(FORBIDDEN, ' ');
}

/**
 * Every forbidden character in `text`, as `line L, column C: ...` messages
 * (1-based, counted in the file), one per character. Empty when the text
 * can go into any feed.
 */
export function forbiddenCharacters(text: string): string[] {
  const problems: string[] = [];
  let line = 1;
  let lineStart = 0;
  for (const match of text.matchAll(FORBIDDEN)) {
    for (let index = text.indexOf('\n', lineStart); index !== -1 && index < match.index; ) {
      line += 1;
      lineStart = index + 1;
      index = text.indexOf('\n', lineStart);
    }
    problems.push(
      `line ${line}, column ${match.index - lineStart + 1}: ${describe(match[0])} cannot appear in a feed: delete it, or type the line break or space it stands for`,
    );
  }
  return problems;
}
