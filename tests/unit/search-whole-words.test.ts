/**
 * Which parts of the search index a query runs in (src/lib/search/whole-words.ts):
 * the parts that have every word some part has. The page itself, over a real
 * index in parts, is tests/e2e/search-parts.spec.ts.
 */
import { describe, expect, it } from 'vitest';
import { extendsWord, partsFound, partsToSearch, queryWords } from '@/lib/search/whole-words';

const PARTS = ['2025', '2023-2024', '2019-2022'];

describe('the words of a query', () => {
  it('splits at any white space and drops the empty words', () => {
    expect(queryWords('  foreign\tministry \n ')).toEqual(['foreign', 'ministry']);
    expect(queryWords('"foreign ministry"')).toEqual(['"foreign', 'ministry"']);
    expect(queryWords(' ')).toEqual([]);
  });
});

describe('the parts a search found pages in', () => {
  it('names the parts with at least one page', () => {
    expect(partsFound({ '2025': 1, '2023-2024': 0, '2019-2022': 4 })).toEqual(['2025', '2019-2022']);
    expect(partsFound({})).toEqual([]);
  });
});

describe('a marked word that extends the searched one', () => {
  it.each([
    ['Ministry', 'ministr'],
    ['ministry,', 'Ministry'],
    ['Anti-war', 'antiwar'],
    ['Bondarev’s', 'bondar'],
  ])('%s extends %s', (marked, word) => {
    expect(extendsWord(marked, word)).toBe(true);
  });

  it.each([
    ['minister', 'ministr', 'the shorter word a part without the searched one answers with'],
    ['war', 'warmongering', 'the same'],
    ['anything', '"', 'a word of punctuation alone'],
    ['', 'war', 'nothing marked'],
  ])('%s does not extend %s: %s', (marked, word) => {
    expect(extendsWord(marked, word)).toBe(false);
  });
});

describe('the parts a query runs in', () => {
  it('leaves out the parts that do not have a word', () => {
    expect(partsToSearch(PARTS, [['2019-2022']])).toEqual(['2019-2022']);
    expect(partsToSearch(PARTS, [['2019-2022', '2025']])).toEqual(['2025', '2019-2022']);
  });

  it('runs a word no part has in every part, as Pagefind answers it', () => {
    expect(partsToSearch(PARTS, [undefined])).toEqual(PARTS);
    expect(partsToSearch(PARTS, [])).toEqual(PARTS);
    expect(partsToSearch(PARTS, [undefined, ['2025']])).toEqual(['2025']);
  });

  it('requires every word: two words had by different parts run in none', () => {
    expect(partsToSearch(PARTS, [['2025', '2023-2024'], ['2023-2024']])).toEqual(['2023-2024']);
    expect(partsToSearch(PARTS, [['2025'], ['2019-2022']])).toEqual([]);
  });

  it('ignores a part the list does not name', () => {
    expect(partsToSearch(PARTS, [['retired']])).toEqual([]);
  });
});
