import type { Link, Nodes, Root, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import { textShowsUrl } from '../print/printed-url';

/**
 * Typographer's punctuation in the prose, as a newsroom prints it:
 *
 * ```markdown
 * "It's over," she said -- in the '90s... 'Not quite.'
 * ```
 *
 * ```html
 * <p>“It’s over,” she said — in the ’90s… ‘Not quite.’</p>
 * ```
 *
 * - `"` and `'` become opening or closing quotes, `'` inside or at the end of
 *   a word an apostrophe. A block's text is read as one string, so a quote
 *   that opens before a link or emphasis and closes inside it still pairs.
 * - `--` and `---` become an em dash; `...` an ellipsis.
 * - Code (inline or block), raw HTML, link addresses and image text are left
 *   exactly as written, and so are the words of a link that are its address
 *   (a bare `https://example.com/a--b/c...d`, an autolink `<...>`, or
 *   `[https://example.com/a--b](https://example.com/a--b)`): a URL shown with
 *   an em dash is not the URL. Marks already typed curly stay as they are.
 *
 * It takes the place of Astro's SmartyPants (retext), which parses every
 * text into a full natural-language tree twice: over half the time of
 * rendering an article.
 */
export const remarkSmartPunctuation: Plugin<[], Root> = () => (tree) => {
  educateBlocks(tree);
};

/** Blocks whose text starts fresh: a quote at their start always opens. */
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/** Nodes whose text must stay exactly as written. */
const VERBATIM = new Set(['code', 'inlineCode', 'html', 'yaml', 'image', 'imageReference']);

function educateBlocks(node: Nodes): void {
  if (BLOCKS.has(node.type)) {
    educateBlock(node);
    return;
  }
  if ('children' in node) for (const child of node.children) educateBlocks(child);
}

/**
 * One block: its text is read as one string (code and images stand in as a
 * letter, raw HTML as nothing, a line break as a space), quotes are settled
 * on that string, and each text node gets its own stretch back.
 */
function educateBlock(block: Nodes): void {
  const texts: Text[] = [];
  const stretches: Stretch[] = [];
  const collect = (node: Nodes) => {
    if (node.type === 'text') {
      texts.push(node);
      stretches.push({ value: node.value });
    } else if (node.type === 'break') {
      stretches.push({ value: '', readsAs: ' ' });
    } else if (
      node.type === 'inlineCode' ||
      node.type === 'image' ||
      node.type === 'imageReference' ||
      (node.type === 'link' && showsItsUrl(node))
    ) {
      stretches.push({ value: '', readsAs: 'x' });
    } else if (!VERBATIM.has(node.type) && 'children' in node) {
      for (const child of node.children) collect(child);
    }
  };
  collect(block);
  const educated = educateStretches(stretches).filter((_, index) => stretches[index]!.readsAs === undefined);
  texts.forEach((node, index) => {
    node.value = educated[index]!;
  });
}

/**
 * A stretch of one block's text. One with `readsAs` stays exactly as
 * written, and counts as that text when quotes are paired (code as a
 * letter, a line break as a space).
 */
interface Stretch {
  value: string;
  readsAs?: string;
}

/**
 * The stretches of one block, educated together: quotes are settled on the
 * block's whole text, so a quote that opens in one stretch and closes in
 * another still pairs; verbatim stretches come back as they were.
 */
function educateStretches(stretches: readonly Stretch[]): string[] {
  let joined = '';
  const starts = stretches.map((stretch) => {
    const start = joined.length;
    joined += stretch.readsAs ?? stretch.value;
    return start;
  });
  // Quotes change one character for one, so each stretch stays where it was in the string.
  const quoted = educateQuotes(joined);
  return stretches.map((stretch, index) =>
    stretch.readsAs === undefined
      ? educateDashes(quoted.slice(starts[index], starts[index]! + stretch.value.length))
      : stretch.value,
  );
}

/**
 * Addresses in plain text, as GFM would link them in the body: `https://`
 * and `http://` URLs, `www.` names, e-mail addresses. They stay as written;
 * punctuation at an address's end (a closing quote, a full stop) is prose,
 * as GFM reads it.
 */
const ADDRESS = /(?:https?:\/\/|www\.)[^\s<>"]*[^\s<>"?!.,:;*_~')]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu;

/**
 * The body's typography for text that is not Markdown: headlines,
 * standfirsts, captions, notes and corrections, live update titles.
 * They are shown beside the body and must curl as it does, so this is the
 * plugin's own logic run on one string, read as one block: an address in
 * it (`https://example.com/a--b`, `desk@example.com`) stays as written.
 *
 * ```ts
 * smartPunctuation("LinkedIn broadside at 'warmongering' Moscow -- again...");
 * // "LinkedIn broadside at ‘warmongering’ Moscow — again…"
 * ```
 */
export function smartPunctuation(text: string): string {
  const stretches: Stretch[] = [];
  let last = 0;
  for (const match of text.matchAll(ADDRESS)) {
    stretches.push({ value: text.slice(last, match.index) }, { value: match[0], readsAs: 'x' });
    last = match.index + match[0].length;
  }
  stretches.push({ value: text.slice(last) });
  return educateStretches(stretches).join('');
}

/**
 * True when a link's words are its address, as GFM shows a bare URL
 * (`www.example.com` for `http://www.example.com`, `desk@example.com` for
 * `mailto:desk@example.com`) or an editor writes one out: those words are
 * an address, not prose.
 */
export function showsItsUrl(link: Link): boolean {
  const words = toString(link).trim();
  if (words === '') return false;
  const url = link.url.trim();
  return textShowsUrl(words, url) || url === `mailto:${words}` || url === `tel:${words}`;
}

/** Where a quote mark opens: the start of the text, a space, or an opening bracket, dash or quote. */
const OPENS_AFTER = /[\s([{<\u2014\u2013\-/“‘]/u;

/** Straight quotes to curly ones, one character for one. */
export function educateQuotes(text: string): string {
  if (!text.includes('"') && !text.includes("'")) return text;
  const out = [...text];
  for (let index = 0; index < out.length; index++) {
    const mark = out[index];
    if (mark !== '"' && mark !== "'") continue;
    const before = index === 0 ? ' ' : out[index - 1]!;
    const after = out[index + 1] ?? ' ';
    const opening = OPENS_AFTER.test(before) && !/\s/u.test(after);
    if (mark === '"') {
      out[index] = opening ? '“' : '”';
    } else if (opening && /^\d\d(?:s|\b)/u.test(out.slice(index + 1, index + 4).join(''))) {
      // A year cut short: the '90s.
      out[index] = '’';
    } else {
      out[index] = opening ? '‘' : '’';
    }
  }
  return out.join('');
}

/** `---` and `--` to an em dash, `...` to an ellipsis. */
export function educateDashes(text: string): string {
  return text.replace(/-{2,3}/g, '—').replace(/\.\.\./g, '…');
}
