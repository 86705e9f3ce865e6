import { describe, expect, it } from 'vitest';
import { plainText, updateHeadline } from '@/lib/reading/update-text';

describe('updateHeadline', () => {
  it('is the title when there is one', () => {
    expect(updateHeadline('Polls close', '<p>Anything.</p>')).toBe('Polls close');
  });

  it("is the update's first words otherwise, whole when short", () => {
    expect(updateHeadline(undefined, '<p>Polls have <em>closed</em> in the east.</p>')).toBe(
      'Polls have closed in the east.',
    );
  });

  it('is cut at a word, with an ellipsis, when long', () => {
    const long = `<p>${'word '.repeat(40)}</p>`;
    const headline = updateHeadline(undefined, long);
    expect(headline.length).toBeLessThanOrEqual(101);
    expect(headline).toMatch(/^word( word)*…$/);
  });

  it('cuts a single endless word rather than giving nothing', () => {
    expect(updateHeadline(undefined, `<p>${'x'.repeat(300)}</p>`)).toBe(`${'x'.repeat(100)}…`);
  });
});

describe('plainText', () => {
  it('reads text, entities decoded, white space folded, markup dropped', () => {
    expect(plainText('<p>One &amp; <b>two</b>\n\n</p><p>three</p>')).toBe('One & two three');
    expect(plainText('<p>a</p>\n<p>b</p>')).toBe('a b');
  });
});
