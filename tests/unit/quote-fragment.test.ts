import { describe, expect, it } from 'vitest';
import { quoteFragment } from '@/lib/markdown/remark-pullquote';

/** What the browser searches for: the fragment's terms, decoded. */
function terms(fragment: string | undefined) {
  return fragment?.replace(':~:text=', '').split(',').map(decodeURIComponent);
}

describe('quoteFragment', () => {
  const body = [
    'Boris Bondarev told diplomatic colleagues: “Never have I been so ashamed of my country.”',
    '“Today, the Ministry of Foreign Affairs is not about diplomacy. It is all about warmongering, lies and hatred,” he said.',
  ];

  it('finds the words as the body writes them, with the end of the word before as a prefix', () => {
    expect(terms(quoteFragment(body, 'Never have I been so ashamed of my country.'))).toEqual([
      'colleagues: “-',
      'Never have I been so ashamed of my country',
    ]);
    expect(terms(quoteFragment(body, 'It is all about warmongering, lies and hatred'))).toEqual([
      'diplomacy.-',
      'It is all about warmongering, lies and hatred',
    ]);
  });

  it('matches across case, quote marks and punctuation, and escapes "-", "," and "&"', () => {
    const fragment = quoteFragment(
      ['Sales rose – by 5%, and profits & margins fell.'],
      'by 5% AND profits and margins',
    );
    expect(fragment).toBeUndefined();
    const found = quoteFragment(
      ['It was a well-known, long-running “stand-off” & more.'],
      'well known long running stand off',
    );
    expect(found).toBe(':~:text=a-,well%2Dknown%2C%20long%2Drunning%20%E2%80%9Cstand%2Doff');
  });

  it('starts with no prefix when the words open the block', () => {
    expect(quoteFragment(['Enough is enough, he wrote.'], 'Enough is enough')).toBe(':~:text=Enough%20is%20enough');
  });

  it('matches whole words only, and gives nothing when the words are not in one block', () => {
    expect(quoteFragment(['The warmongers lied.'], 'warmonger')).toBeUndefined();
    expect(quoteFragment(['Enough is', 'enough.'], 'Enough is enough')).toBeUndefined();
    expect(quoteFragment(['Anything.'], '…')).toBeUndefined();
  });
});
