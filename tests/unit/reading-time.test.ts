import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { markdownOptions } from '@/lib/markdown/plugins';
import { renderedReadingTime } from '@/lib/markdown/remark-reading-time';
import { countWords, formatReadingTime, markdownText, readingTime, WORDS_PER_MINUTE } from '@/lib/reading/reading-time';

const words = (count: number) => Array.from({ length: count }, (_, index) => `word${index}`).join(' ');
const textOf = (markdown: string) => markdownText(unified().use(remarkParse).use(remarkDirective).parse(markdown));
const processor = await createMarkdownProcessor({ ...markdownOptions, syntaxHighlight: false });
/** The reading time the site's own processor leaves in the render's frontmatter. */
const rendered = async (markdown: string, frontmatter: Record<string, unknown> = {}) =>
  renderedReadingTime((await processor.render(markdown, { frontmatter })).metadata.frontmatter);

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
    const text = textOf(
      '## A heading\n\nSome *emphasis* and a [link](https://example.com/long/path).\n\n![an alt](./x.png)',
    );
    expect(text).toContain('A heading');
    expect(text).toContain('Some emphasis and a link.');
    expect(text).not.toContain('example.com');
    expect(text).not.toContain('an alt');
    expect(text).not.toContain('*');
  });

  it('leaves out pull quotes, which repeat the body, and raw HTML', () => {
    const text = textOf(
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
    expect(readingTime(WORDS_PER_MINUTE * 3)).toEqual({ words: WORDS_PER_MINUTE * 3, minutes: 3 });
    expect(readingTime(Math.floor(WORDS_PER_MINUTE * 3.4)).minutes).toBe(3);
    expect(readingTime(Math.ceil(WORDS_PER_MINUTE * 3.6)).minutes).toBe(4);
  });

  it('never says zero minutes', () => {
    expect(readingTime(1)).toEqual({ words: 1, minutes: 1 });
    expect(readingTime(0)).toEqual({ words: 0, minutes: 1 });
  });
});

describe("remarkReadingTime, in the site's Markdown processor", () => {
  it('counts the body as it renders it', async () => {
    expect(await rendered(words(WORDS_PER_MINUTE * 2))).toEqual({ words: WORDS_PER_MINUTE * 2, minutes: 2 });
    expect(await rendered('')).toEqual({ words: 0, minutes: 1 });
  });

  it('does not count a pull quote twice', async () => {
    const body = `${words(10)}\n\n:::pullquote\n${words(200)}\n:::\n`;
    expect((await rendered(body)).words).toBe(10);
  });

  it("counts in the article's language", async () => {
    expect((await rendered('قال المتحدث إن الاجتماع انتهى.', { lang: 'ar' })).words).toBe(5);
  });

  it('refuses a render that carries no count', () => {
    expect(() => renderedReadingTime({})).toThrow(/remarkReadingTime/);
  });
});

describe('formatReadingTime', () => {
  it('states minutes and words, with thousands separated and a singular word', () => {
    expect(formatReadingTime({ words: 1234, minutes: 5 })).toBe('5-minute read · 1,234 words');
    expect(formatReadingTime({ words: 1, minutes: 1 })).toBe('1-minute read · 1 word');
  });
});
