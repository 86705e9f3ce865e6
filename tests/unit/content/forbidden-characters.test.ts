import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forbiddenCharacters, forbiddenInValues } from '@/lib/content/forbidden-characters';

describe('forbiddenCharacters', () => {
  it('passes text any XML parser accepts: tabs, line ends, every script, emoji', () => {
    expect(forbiddenCharacters('A\ttab\r\nand “quotes” — مرحبا 😀 \u0085\u00A0\n')).toEqual([]);
  });

  it('names each forbidden character with its line, column and what to type instead', () => {
    expect(forbiddenCharacters('---\ntitle: A\u000Bbreak\n---\n\nPara\u000C\n')).toEqual([
      'line 2, column 9: a vertical tab (a line break pasted from a word processor) (U+000B) cannot appear in a feed: delete it, or type the line break or space it stands for',
      'line 5, column 5: a form feed (a page break pasted from a word processor) (U+000C) cannot appear in a feed: delete it, or type the line break or space it stands for',
    ]);
    expect(forbiddenCharacters('\u0000\u001F\uFFFE')).toEqual([
      expect.stringContaining('line 1, column 1: a null character (U+0000)'),
      expect.stringContaining('line 1, column 2: an invisible control character (U+001F)'),
      expect.stringContaining('line 1, column 3: an invisible control character (U+FFFE)'),
    ]);
  });

  it('finds every character that XML 1.0 forbids, and only those', () => {
    // XML 1.0's Char production.
    const allowed = (code: number) =>
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      code >= 0x10000;
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const expected = [...text].filter((character) => !allowed(character.codePointAt(0)!)).length;
        expect(forbiddenCharacters(text)).toHaveLength(expected);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('character references and YAML escapes', () => {
  it('finds a reference that would put a forbidden character on the page, and leaves the others', () => {
    expect(forbiddenCharacters('Text&#11; and &#x0c; and &#X000B;\n&amp; &#10; &#x2014; &#0;')).toEqual([
      expect.stringMatching(
        /^line 1, column 5: "&#11;" stands for a vertical tab .* \(U\+000B\), which cannot appear in a feed/,
      ),
      expect.stringMatching(/^line 1, column 15: "&#x0c;" stands for a form feed/),
      expect.stringMatching(/^line 1, column 26: "&#X000B;" stands for a vertical tab/),
    ]);
  });

  it('finds forbidden characters that YAML escapes made, naming the field', () => {
    expect(forbiddenInValues({ title: 'A\u000Bb', tags: ['ok', 'x\u0000'], image: { alt: 'fine' } })).toEqual([
      expect.stringMatching(/^title: holds a vertical tab/),
      expect.stringMatching(/^tags\.1: holds a null character/),
    ]);
  });
});
