import { describe, expect, it } from 'vitest';
import { findContentProblems, formatContentProblems, type ArticleForRules } from '../../src/lib/content-rules';
import { parseTimestamp } from '../../src/lib/dates';

function article(id: string, data: Partial<ArticleForRules['data']> = {}): ArticleForRules {
  return {
    id,
    filePath: `content/articles/${id}.md`,
    data: {
      section: 'world',
      published: parseTimestamp('2022-05-23')!,
      timezone: 'Asia/Dubai',
      tags: [],
      redirectFrom: [],
      ...data,
    },
  };
}

const blog = {
  id: 'russia-ukraine',
  filePath: 'content/live/russia-ukraine.md',
  data: { updates: [{ id: 'first', link: { href: '/world/2022/05/23/seed/' } }] },
};

describe('findContentProblems', () => {
  it('finds nothing wrong with a coherent site', () => {
    const seed = article('2022/seed', { liveUpdates: { href: '/live/russia-ukraine/' } });
    expect(findContentProblems([seed], [blog])).toEqual([]);
  });

  it('refuses two articles on one permalink, naming both files', () => {
    const problems = findContentProblems([article('2022/seed'), article('2022/copy', { slug: 'seed' })], []);
    expect(problems).toEqual([
      {
        file: 'content/articles/2022/copy.md',
        field: 'slug',
        message:
          'permalink /world/2022/05/23/seed/ is already taken by content/articles/2022/seed.md: give one of them another slug',
      },
    ]);
  });

  it('refuses a liveUpdates path that leads nowhere and lists the live blogs there are', () => {
    const problems = findContentProblems([article('2022/seed', { liveUpdates: { href: '/live/ukraine/' } })], [blog]);
    expect(problems).toEqual([
      {
        file: 'content/articles/2022/seed.md',
        field: 'liveUpdates.href',
        message: '"/live/ukraine/" leads nowhere: no page has that path; live blogs are /live/russia-ukraine/',
      },
    ]);
  });

  it('suggests the trailing slash when only that is missing', () => {
    const [problem] = findContentProblems(
      [article('2022/seed', { liveUpdates: { href: '/live/russia-ukraine' } })],
      [blog],
    );
    expect(problem?.message).toContain('did you mean "/live/russia-ukraine/"?');
  });

  it('accepts an https live blog elsewhere without checking it', () => {
    const seed = article('2022/seed', { liveUpdates: { href: 'https://news.example/live/' } });
    expect(findContentProblems([seed], [])).toEqual([]);
  });

  it('refuses a live update link that leads nowhere', () => {
    const broken = { ...blog, data: { updates: [{ id: 'first', link: { href: '/world/nowhere/' } }] } };
    expect(findContentProblems([], [broken])).toMatchObject([
      { file: 'content/live/russia-ukraine.md', field: 'updates.0.link.href' },
    ]);
  });

  it('refuses a redirect from a page that exists, and two redirects from one path', () => {
    const problems = findContentProblems(
      [
        article('2022/seed', { redirectFrom: ['/world/', '/old/seed'] }),
        article('2022/other', { redirectFrom: ['/old/seed/'] }),
      ],
      [],
    );
    expect(problems.map((problem) => `${problem.file}: ${problem.field}: ${problem.message}`)).toEqual([
      'content/articles/2022/seed.md: redirectFrom.0: "/world/" is the path of a page that exists: a redirect cannot replace it',
      'content/articles/2022/other.md: redirectFrom.0: "/old/seed/" already redirects from content/articles/2022/seed.md: an old path can lead to one place only',
    ]);
  });
});

describe('redirects that chain', () => {
  it("refuses a redirect from another article's permalink, where redirects lead", () => {
    const problems = findContentProblems(
      [
        article('2022/seed', { redirectFrom: ['/world/2022/05/23/other/'] }),
        article('2022/other', { redirectFrom: ['/old/other/'] }),
      ],
      [],
    );
    expect(problems).toEqual([
      {
        file: 'content/articles/2022/seed.md',
        field: 'redirectFrom.0',
        message:
          '"/world/2022/05/23/other/" is the permalink of content/articles/2022/other.md, where redirects lead: a redirect from it would chain; remove it, or give that article another slug',
      },
    ]);
  });

  it("refuses a redirect from the article's own permalink, with or without the last slash", () => {
    const problems = findContentProblems([article('2022/seed', { redirectFrom: ['/world/2022/05/23/seed'] })], []);
    expect(problems).toEqual([
      {
        file: 'content/articles/2022/seed.md',
        field: 'redirectFrom.0',
        message:
          '"/world/2022/05/23/seed" is this article\'s own permalink: a redirect from it would lead back to itself',
      },
    ]);
  });

  it('refuses a link that goes through a redirect, naming the permalink to use', () => {
    const seed = article('2022/seed', { redirectFrom: ['/world/2022/05/22/seed-old/'] });
    const linking = {
      ...blog,
      data: { updates: [{ id: 'first', link: { href: '/world/2022/05/22/seed-old/#top' } }] },
    };
    expect(findContentProblems([seed], [linking])).toEqual([
      {
        file: 'content/live/russia-ukraine.md',
        field: 'updates.0.link.href',
        message:
          '"/world/2022/05/22/seed-old/#top" is an old path that redirects to /world/2022/05/23/seed/: link the permalink itself',
      },
    ]);
  });

  it('accepts redirects from old paths that nothing else uses', () => {
    const seed = article('2022/seed', { redirectFrom: ['/world/2022/05/22/seed-old/', '/old/seed'] });
    expect(findContentProblems([seed], [blog])).toEqual([]);
  });
});

describe('formatContentProblems', () => {
  it('lists every problem on its own line under a count', () => {
    const message = formatContentProblems([
      { file: 'a.md', field: 'slug', message: 'one' },
      { file: 'b.md', field: 'liveUpdates.href', message: 'two' },
    ]);
    expect(message).toBe('2 content problems stop the build:\n  a.md: slug: one\n  b.md: liveUpdates.href: two');
  });
});
