import type { Link } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import {
  educateDashes,
  educateQuotes,
  remarkSmartPunctuation,
  showsItsUrl,
  smartPunctuation,
} from '@/lib/markdown/remark-smart-punctuation';

describe('educateQuotes', () => {
  it('opens at the start, after a space, a bracket or a dash, and closes elsewhere', () => {
    expect(educateQuotes('"Enough," he said.')).toBe('“Enough,” he said.');
    expect(educateQuotes("He said 'no' (and 'never')—'ever'.")).toBe('He said ‘no’ (and ‘never’)—‘ever’.');
  });

  it('nests a single quote inside a double one, at either end', () => {
    expect(educateQuotes(`"'Not now,' she said."`)).toBe('“‘Not now,’ she said.”');
    expect(educateQuotes(`He wrote: "she said 'wait'"`)).toBe('He wrote: “she said ‘wait’”');
  });

  it('makes apostrophes of quotes inside and at the end of words, and before a cut-short year', () => {
    expect(educateQuotes("It's the officers' mess, O'Brien's")).toBe('It’s the officers’ mess, O’Brien’s');
    expect(educateQuotes("in the '90s and '22")).toBe('in the ’90s and ’22');
  });

  it('closes a quote that stands before a space', () => {
    expect(educateQuotes('a " b')).toBe('a ” b');
  });

  it('leaves marks already curly, and text with no straight quote, as they are', () => {
    expect(educateQuotes('“Already” it’s done')).toBe('“Already” it’s done');
    expect(educateQuotes('No quotes — at all…')).toBe('No quotes — at all…');
  });

  it('changes one character for one, even beside characters outside the BMP', () => {
    const text = `"🗞 news" and 'more'`;
    expect(educateQuotes(text)).toHaveLength(text.length);
    expect(educateQuotes(text)).toBe('“🗞 news” and ‘more’');
  });
});

describe('educateDashes', () => {
  it('makes an em dash of two or three hyphens and an ellipsis of three full stops', () => {
    expect(educateDashes('talks -- or not --- ended...')).toBe('talks — or not — ended…');
  });

  it('leaves single hyphens and full stops alone', () => {
    expect(educateDashes('a well-known U.S. figure.')).toBe('a well-known U.S. figure.');
  });
});

describe('showsItsUrl', () => {
  const link = (url: string, words: string): Link => ({
    type: 'link',
    url,
    children: [{ type: 'text', value: words }],
  });

  it('is true for a link whose words are its address, as GFM and autolinks show one', () => {
    expect(showsItsUrl(link('https://example.com/a--b/c...d', 'https://example.com/a--b/c...d'))).toBe(true);
    expect(showsItsUrl(link('http://www.example.com/a--b', 'www.example.com/a--b'))).toBe(true);
    expect(showsItsUrl(link('mailto:desk--news@example.com', 'desk--news@example.com'))).toBe(true);
    expect(showsItsUrl(link('https://example.com/a--b/', 'https://example.com/a--b'))).toBe(true);
  });

  it('is false for words that are prose, and for a link with no words', () => {
    expect(showsItsUrl(link('https://example.com/a--b', 'the report -- in full'))).toBe(false);
    expect(showsItsUrl(link('https://example.com/a--b', 'example.com/a--b/more'))).toBe(false);
    expect(showsItsUrl(link('https://example.com/', ''))).toBe(false);
  });
});

describe('smartPunctuation', () => {
  /** What the body's plugin makes of the same words, as a one-paragraph Markdown body. */
  const asBody = (text: string) => {
    const processor = unified().use(remarkParse).use(remarkGfm).use(remarkSmartPunctuation);
    return toString(processor.runSync(processor.parse(text)));
  };

  it("curls a headline's quotes as the body does: the seed's 'warmongering'", () => {
    const headline = "Russian diplomat to UN resigns with LinkedIn broadside at 'warmongering' Moscow";
    expect(smartPunctuation(headline)).toBe(
      'Russian diplomat to UN resigns with LinkedIn broadside at ‘warmongering’ Moscow',
    );
  });

  it('gives the same text as the body for the same words', () => {
    for (const text of [
      "\"It's over,\" she said -- in the '90s... 'Not quite.'",
      "Bondarev's letter: 'Never have I been so ashamed'",
      'Talks --- or not -- ended...',
      "See https://example.com/a--b/c...d and 'www.example.com/x--y' -- or desk--news@example.com",
    ]) {
      expect(smartPunctuation(text), text).toBe(asBody(text));
    }
  });

  it('leaves addresses as written and pairs quotes around them', () => {
    expect(smartPunctuation('"https://example.com/a--b" -- see www.example.org/c...d')).toBe(
      '“https://example.com/a--b” — see www.example.org/c...d',
    );
    expect(smartPunctuation("Write to 'desk--news@example.com'")).toBe('Write to ‘desk--news@example.com’');
  });

  it('leaves text with nothing to curl as it is', () => {
    expect(smartPunctuation('No quotes — at all…')).toBe('No quotes — at all…');
    expect(smartPunctuation('')).toBe('');
  });
});
