/**
 * Articles as a hurried editor or an attacker writes them, for property
 * tests: valid frontmatter with markup, control characters and YAML traps
 * mixed into the fields, and a body of unique sentinel words (`w12q`)
 * interleaved with fragments of hostile or careless Markdown and HTML.
 * Whatever the pipeline does with an article, each sentinel word must reach
 * the page, or the article must be refused.
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import fc from 'fast-check';
import { visit } from 'unist-util-visit';

/** Pieces that have broken, or could break, a Markdown pipeline. No `-->`: a closed comment is an editor's note. */
export const FRAGMENTS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<iframe src="https://evil.example/">',
  '<iframe src="https://www.youtube-nocookie.com/embed/x" />',
  '<object data="x">',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<p style="background:url(javascript:alert(1))">',
  '<style>body{display:none}</style>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<div id="main">',
  '<!--',
  '<!-- note',
  '<em>',
  '</em>',
  '<b><i></b>',
  '<br>',
  ':::pullquote',
  ':::',
  ':::sidebar',
  '::video',
  '16:9',
  're:Invent',
  '---',
  '***',
  '```',
  '`',
  '*',
  '_',
  '**',
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  '&',
  '&amp;',
  '&#0;',
  '&#x0B;',
  '"',
  "'",
  '--',
  '...',
  '|',
  '| a | b |\n| - | - |\n| 1 | 2 | 3 |',
  '[^1]',
  '[^1]: note',
  '[ref]: https://example.com/',
  '[](https://example.com/)',
  '![](https://example.com/x.png)',
  '![x](../../../../etc/passwd.png)',
  '<img src="https://example.com/x.png" alt="x">',
  'https://example.com/a--b/c...d',
  '<https://example.com/>',
  'www.example.com',
  'a@b.example',
  '\\',
  '\u000B',
  '\u000C',
  '\u0000',
  '\u200B',
  '\u2028',
  '\u202E',
  '{',
  '}',
  ': ',
  '#',
  '## Main',
  '- ',
  '1. ',
  '> ',
  '    ',
];

/** Text that is nothing but the given sentinel words and hostile fragments. */
const piece = (sentinel: string) =>
  fc.oneof({ weight: 6, arbitrary: fc.constant(sentinel) }, { weight: 1, arbitrary: fc.constantFrom(...FRAGMENTS) });

export interface HostileArticle {
  /** The file's text. */
  source: string;
  /** The sentinel words of the body, each of which must reach the page. */
  bodyWords: string[];
  /** The sentinel word of the title. */
  titleWord: string;
  /** The character a slip typed into the frontmatter, if any. */
  slip?: string | undefined;
}

/** One hostile article; `tag` keeps sentinels unique across the articles of one build. */
export function hostileArticle(tag: string): fc.Arbitrary<HostileArticle> {
  const paragraph = (index: number) =>
    fc
      .tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), fc.constantFrom(' ', ' ', ' ', '', '\n'), fc.boolean())
      .chain(([slots, separator, asPullquote]) =>
        fc.tuple(...slots.map((_, slot) => piece(`w${tag}${index}x${slot}q`))).map((pieces) => {
          const text = pieces.join(separator);
          return asPullquote ? `:::pullquote\n${text}\n:::` : text;
        }),
      );
  // A slip of the keyboard somewhere in the frontmatter: one character typed in.
  const slip = fc.option(
    fc.tuple(fc.nat(), fc.constantFrom(':', '"', "'", '-', ' ', '\n', '&', '*', '!', '|', '>', '#', '\t', '[', '{')),
    {
      freq: 4,
    },
  );
  return fc
    .tuple(
      fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
      fc.constantFrom(...FRAGMENTS, '', '', ''),
      fc.constantFrom(...FRAGMENTS, '', '', ''),
      fc.constantFrom('json', 'json', 'plain'),
      slip,
    )
    .chain(([paragraphs, titleFragment, standfirstFragment, quoting, typo]) =>
      fc.tuple(...paragraphs.map((_, index) => paragraph(index))).map((texts): HostileArticle => {
        const titleWord = `t${tag}q`;
        const title = `Headline ${titleWord} ${titleFragment}`.trim();
        const body = texts.join('\n\n');
        const standfirst = `A standfirst ${standfirstFragment}`.trim();
        const quote = (text: string) => (quoting === 'json' ? JSON.stringify(text) : text);
        let frontmatter = [
          `title: ${quote(title)}`,
          `standfirst: ${quote(standfirst)}`,
          'section: world',
          'published: 2022-05-23',
        ].join('\n');
        if (typo) {
          const at = typo[0] % (frontmatter.length + 1);
          frontmatter = `${frontmatter.slice(0, at)}${typo[1]}${frontmatter.slice(at)}`;
        }
        const source = ['---', frontmatter, '---', '', body, ''].join('\n');
        const bodyWords = [...body.matchAll(new RegExp(`w${tag}\\d+x\\d+q`, 'g'))].map((match) => match[0]);
        return { source, bodyWords, titleWord, slip: typo?.[1] };
      }),
    );
}

const DANGEROUS_ELEMENTS = new Set([
  'script',
  'style',
  'object',
  'embed',
  'form',
  'base',
  'meta',
  'link',
  'frame',
  'frameset',
  'applet',
]);
const URL_PROPERTIES = ['href', 'src', 'action', 'formAction', 'poster', 'data', 'xLinkHref', 'srcSet', 'cite'];

/** Markup in `tree` that could run script or load from elsewhere; empty when there is none. */
export function executableMarkup(tree: Root, embedOrigins: readonly string[]): string[] {
  const found: string[] = [];
  visit(tree, 'element', (node: Element) => {
    if (DANGEROUS_ELEMENTS.has(node.tagName)) found.push(`<${node.tagName}>`);
    if (
      node.tagName === 'iframe' &&
      !embedOrigins.some((origin) => [node.properties.src].flat().join(' ').startsWith(`${origin}/`))
    ) {
      found.push(`<iframe src=${String(node.properties.src)}>`);
    }
    for (const [name, value] of Object.entries(node.properties)) {
      if (/^on/i.test(name)) found.push(`<${node.tagName} ${name}>`);
      if (name === 'style') found.push(`<${node.tagName} style>`);
      if (URL_PROPERTIES.includes(name)) {
        for (const url of [value].flat().map(String)) {
          if (/^\s*[a-z][a-z0-9+.-]*:/i.test(url) && !/^\s*(?:https?|mailto|tel):/i.test(url)) {
            found.push(`<${node.tagName} ${name}="${url}">`);
          }
        }
      }
    }
  });
  return found;
}

/** The sentinel words of `words` that appear nowhere in `html`'s text or attribute values. */
export function missingWords(html: string | Root, words: readonly string[]): string[] {
  const tree = typeof html === 'string' ? fromHtml(html, { fragment: true }) : html;
  const attributes: string[] = [];
  visit(tree, 'element', (node: Element) => {
    for (const value of Object.values(node.properties)) attributes.push([value].flat().map(String).join(' '));
  });
  const text = `${toString(tree)} ${attributes.join(' ')}`;
  return words.filter((word) => !text.includes(word));
}
