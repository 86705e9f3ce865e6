import { describe, expect, it } from 'vitest';
import { authorProblems, closestAuthor, type ArticleCredits } from '@/lib/content/author-rules';

const authors = [
  { id: 'jane-doe', data: { name: 'Jane Doe' } },
  { id: 'john-roe', data: { name: 'John Roe' } },
];

function article(credited: string[]): ArticleCredits {
  return { id: '2022/seed', filePath: 'content/articles/2022/seed.md', data: { authors: credited } };
}

describe('authorProblems', () => {
  it('accepts authors named by their file, and an article with none', () => {
    expect(authorProblems([article(['jane-doe', 'john-roe']), article([])], authors)).toEqual([]);
  });

  it('refuses an unknown author with the file, the field and the slug meant', () => {
    expect(authorProblems([article(['jane-doe', 'jon-roe'])], authors)).toEqual([
      {
        file: 'content/articles/2022/seed.md',
        field: 'authors.1',
        message: '"jon-roe" is not an author in content/authors/: did you mean `john-roe` (John Roe)?',
      },
    ]);
  });

  it('points a name written as the byline prints it to its slug', () => {
    const [problem] = authorProblems([article(['Jane Doe'])], authors);
    expect(problem?.message).toBe(
      '"Jane Doe" is not an author in content/authors/: did you mean `jane-doe` (Jane Doe)?',
    );
  });

  it('says how to credit someone with no file, when no author is close', () => {
    const [problem] = authorProblems([article(['Reuters'])], authors);
    expect(problem?.message).toBe(
      '"Reuters" is not an author in content/authors/: name each author by their file\'s name without .md (e.g. `jane-doe`), add their file, or credit an agency in `agencies:`',
    );
  });

  it('says the folder is empty when there are no authors at all', () => {
    const [problem] = authorProblems([article(['Jane Doe'])], []);
    expect(problem?.message).toBe(
      '"Jane Doe" is not an author in content/authors/, which holds none: add content/authors/jane-doe.md (name, role, bio), or credit an agency in `agencies:`',
    );
  });

  it('refuses an author credited twice in one byline', () => {
    expect(authorProblems([article(['jane-doe', 'jane-doe'])], authors)).toEqual([
      {
        file: 'content/articles/2022/seed.md',
        field: 'authors.1',
        message: '"jane-doe" is credited twice: remove one',
      },
    ]);
  });
});

describe('closestAuthor', () => {
  it('finds a slug by the name in any case, or by a slip of a letter or two', () => {
    expect(closestAuthor('jane doe', authors)?.id).toBe('jane-doe');
    expect(closestAuthor('jane-deo', authors)?.id).toBe('jane-doe');
    expect(closestAuthor('José Roe', authors)?.id).toBe('john-roe');
  });

  it('suggests nothing far off', () => {
    expect(closestAuthor('boris-bondarev', authors)).toBeUndefined();
  });
});
