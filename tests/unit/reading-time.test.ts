import { describe, expect, it } from 'vitest';
import { countWords, formatReadingTime, markdownText, readingTime, WORDS_PER_MINUTE } from '../../src/lib/reading-time';

const words = (count: number) => Array.from({ length: count }, (_, index) => `word${index}`).join(' ');

describe('countWords', () => {
  it('counts words, not punctuation, numbers joined by separators as one', () => {
    expect(countWords('“Enough is enough,” he wrote — in 2022.')).toBe(7);
    expect(countWords('around 1,234 colleagues')).toBe(3);
  });

  it('counts words in Arabic script', () => {
    expect(countWords('قال المتحدث إن الاجتماع انتهى.', 'ar')).toBe(5);
  });

  it('counts nothing in empty or punctuation-only text', () => {
    expect(countWords('')).toBe(0);
    expect(countWords(' — … ! ')).toBe(0);
  });
});

describe('markdownText', () => {
  it('keeps the words a reader reads and drops markup, link targets and image addresses', () => {
    const text = markdownText(
      '## A heading\n\nSome *emphasis* and a [link](https://example.com/long/path).\n\n![an alt](./x.png)',
    );
    expect(text).toContain('A heading');
    expect(text).toContain('Some emphasis and a link.');
    expect(text).not.toContain('example.com');
    expect(text).not.toContain('an alt');
    expect(text).not.toContain('*');
  });

  it('leaves out pull quotes, which repeat the body, and raw HTML', () => {
    const text = markdownText(
      'He said: never again.\n\n:::pullquote{cite="Someone"}\nNever again.\n:::\n\n<iframe src="https://example.com/embed"></iframe>\n\nThe end.',
    );
    expect(text).toContain('He said: never again.');
    expect(text).toContain('The end.');
    expect(text).not.toContain('Never again');
    expect(text).not.toContain('iframe');
  });
});

describe('readingTime', () => {
  it(`reads ${WORDS_PER_MINUTE} words a minute, rounded to whole minutes`, () => {
    expect(readingTime(words(WORDS_PER_MINUTE * 3))).toEqual({ words: WORDS_PER_MINUTE * 3, minutes: 3 });
    expect(readingTime(words(Math.floor(WORDS_PER_MINUTE * 3.4))).minutes).toBe(3);
    expect(readingTime(words(Math.ceil(WORDS_PER_MINUTE * 3.6))).minutes).toBe(4);
  });

  it('never says zero minutes', () => {
    expect(readingTime('Short.')).toEqual({ words: 1, minutes: 1 });
    expect(readingTime('')).toEqual({ words: 0, minutes: 1 });
  });

  it('does not count a pull quote twice', () => {
    const body = `${words(10)}\n\n:::pullquote\n${words(200)}\n:::\n`;
    expect(readingTime(body).words).toBe(10);
  });
});

describe('formatReadingTime', () => {
  it('states minutes and words, with thousands separated and a singular word', () => {
    expect(formatReadingTime({ words: 1234, minutes: 5 })).toBe('5-minute read · 1,234 words');
    expect(formatReadingTime({ words: 1, minutes: 1 })).toBe('1-minute read · 1 word');
  });
});
