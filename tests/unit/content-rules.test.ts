import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findContentProblems,
  type ArticleForRules,
  type LiveBlogForRules,
  type LiveUpdateForRules,
} from '@/lib/content/rules';
import { parseTimestamp } from '@/lib/time/dates';
import { reservedPathSegments, sectionSlugs } from '@/site.config';

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

const blog: LiveBlogForRules = {
  id: 'russia-ukraine',
  filePath: 'content/live/russia-ukraine/index.md',
  data: { coverageStart: { kind: 'datetime', instant: new Date('2022-05-23T05:00:00Z') } },
};

function update(id: string, data: Partial<LiveUpdateForRules['data']> = {}): LiveUpdateForRules {
  return {
    id,
    filePath: `content/live/${id.replace('/', '/updates/')}.md`,
    data: { time: { kind: 'datetime', instant: new Date('2022-05-23T06:00:00Z') }, pinned: false, ...data },
  };
}

/** The rules over articles, blogs and updates, every blog folder having its index.md unless `missing` names it. */
function problemsOf(
  articles: ArticleForRules[],
  liveBlogs: LiveBlogForRules[],
  liveUpdates: LiveUpdateForRules[] = [],
  missing: string[] = [],
) {
  return findContentProblems({ articles, liveBlogs, liveUpdates, blogFileExists: (id) => !missing.includes(id) });
}

describe('findContentProblems', () => {
  it('finds nothing wrong with a coherent site', () => {
    const seed = article('2022/seed', { liveUpdates: { href: '/live/russia-ukraine/' } });
    expect(problemsOf([seed], [blog])).toEqual([]);
  });

  it('refuses two articles on one permalink, naming both files', () => {
    const problems = problemsOf([article('2022/seed'), article('2022/copy', { slug: 'seed' })], []);
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
    const problems = problemsOf([article('2022/seed', { liveUpdates: { href: '/live/ukraine/' } })], [blog]);
    expect(problems).toEqual([
      {
        file: 'content/articles/2022/seed.md',
        field: 'liveUpdates.href',
        message: '"/live/ukraine/" leads nowhere: no page has that path; live blogs are /live/russia-ukraine/',
      },
    ]);
  });

  it('suggests the trailing slash when only that is missing', () => {
    const [problem] = problemsOf([article('2022/seed', { liveUpdates: { href: '/live/russia-ukraine' } })], [blog]);
    expect(problem?.message).toContain('did you mean "/live/russia-ukraine/"?');
  });

  it('accepts an https live blog elsewhere without checking it', () => {
    const seed = article('2022/seed', { liveUpdates: { href: 'https://news.example/live/' } });
    expect(problemsOf([seed], [])).toEqual([]);
  });

  it("accepts a link to an update's own page", () => {
    const seed = article('2022/seed', { liveUpdates: { href: '/live/russia-ukraine/updates/first/' } });
    expect(problemsOf([seed], [blog], [update('russia-ukraine/first')])).toEqual([]);
  });
});

describe('live updates', () => {
  const at = (iso: string) => ({ kind: 'datetime' as const, instant: new Date(iso) });

  it('refuses an update whose blog has no index.md, and waits for a draft blog', () => {
    const lost = update('ukraine/first');
    expect(problemsOf([], [blog], [lost], ['ukraine'])).toEqual([
      {
        file: 'content/live/ukraine/updates/first.md',
        field: 'file',
        message:
          "belongs to no live blog: content/live/ukraine/index.md does not exist; create it, or move the update into its blog's updates/ folder",
      },
    ]);
    expect(problemsOf([], [blog], [lost])).toEqual([]);
  });

  it('refuses two updates with one anchor, whether from a file name or an id', () => {
    const problems = problemsOf(
      [],
      [blog],
      [update('russia-ukraine/first'), update('russia-ukraine/b', { id: 'first' })],
    );
    expect(problems).toEqual([
      {
        file: 'content/live/russia-ukraine/updates/first.md',
        field: 'id',
        message:
          '"first" is already the id of content/live/russia-ukraine/updates/b.md; each update of a blog needs its own id (the file name, unless id: is set)',
      },
    ]);
  });

  it('accepts one anchor in two blogs', () => {
    const other = { ...blog, id: 'elections', filePath: 'content/live/elections/index.md' };
    expect(problemsOf([], [blog, other], [update('russia-ukraine/first'), update('elections/first')])).toEqual([]);
  });

  it('refuses a second pinned update', () => {
    const pinned = [update('russia-ukraine/a', { pinned: true }), update('russia-ukraine/b', { pinned: true })];
    expect(problemsOf([], [blog], pinned)).toMatchObject([
      { file: 'content/live/russia-ukraine/updates/b.md', field: 'pinned' },
    ]);
  });

  it("refuses an update before the blog's start or after its close", () => {
    const closed = { ...blog, data: { ...blog.data, coverageEnd: at('2022-05-23T12:00:00Z') } };
    const problems = problemsOf(
      [],
      [closed],
      [
        update('russia-ukraine/early', { time: at('2022-05-23T04:00:00Z') }),
        update('russia-ukraine/late', { time: at('2022-05-23T12:30:00Z') }),
        update('russia-ukraine/closing', { time: at('2022-05-23T12:00:00Z') }),
      ],
    );
    expect(problems.map(({ file, field }) => `${file} ${field}`)).toEqual([
      'content/live/russia-ukraine/updates/early.md time',
      'content/live/russia-ukraine/updates/late.md time',
    ]);
    expect(problems[1]?.message).toContain('the blog is closed');
  });

  it('refuses a redirect from a page that exists, and two redirects from one path', () => {
    const problems = problemsOf(
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
    const problems = problemsOf(
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
    const problems = problemsOf([article('2022/seed', { redirectFrom: ['/world/2022/05/23/seed'] })], []);
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
    const linking = article('2022/linking', { liveUpdates: { href: '/world/2022/05/22/seed-old/#top' } });
    expect(problemsOf([seed, linking], [])).toEqual([
      {
        file: 'content/articles/2022/linking.md',
        field: 'liveUpdates.href',
        message:
          '"/world/2022/05/22/seed-old/#top" is an old path that redirects to /world/2022/05/23/seed/: link the permalink itself',
      },
    ]);
  });

  it('accepts redirects from old paths that nothing else uses', () => {
    const seed = article('2022/seed', { redirectFrom: ['/world/2022/05/22/seed-old/', '/old/seed'] });
    expect(problemsOf([seed], [blog])).toEqual([]);
  });
});

describe('redirects from paths the build serves', () => {
  const site = [
    article('2022/seed', { tags: ['diplomacy'] }),
    article('2022/other', { liveUpdates: { href: '/live/russia-ukraine/' } }),
  ];
  /** The one problem an article redirecting from `from` has, as the build log shows it. */
  const refusal = (from: string) =>
    problemsOf([...site, article('2022/moved', { redirectFrom: [from] })], [blog]).map(
      (problem) => `${problem.file}: ${problem.field}: ${problem.message}`,
    );

  it.each([
    [
      '/search/',
      '"/search/" is /search/, which the build serves itself: a redirect cannot take a path there; remove it',
    ],
    ['/Search', '"/Search" is /search/, which the build serves itself'],
    ['/live/old-blog/', '"/live/old-blog/" is under /live/, which the build serves itself'],
    ['/tags/diplomacy/page/2/', '"/tags/diplomacy/page/2/" is under /tags/, which the build serves itself'],
    ['/cards/world/', '"/cards/world/" is under /cards/, which the build serves itself'],
    ['/pagefind/', '"/pagefind/" is /pagefind/, which the build serves itself'],
    ['/page/2/', '"/page/2/" is under /page/, which the build serves itself'],
    [
      '/world/page/2/',
      '"/world/page/2/" is under /world/page/, where the build serves a list\'s further pages: a redirect cannot take a path there; remove it',
    ],
    [
      '/world/2022/05/23/seed/old/',
      '"/world/2022/05/23/seed/old/" is under /world/2022/05/23/seed/, a page that exists: a redirect cannot go inside a page\'s folder; remove it',
    ],
    ['/live/russia-ukraine/feed/', '"/live/russia-ukraine/feed/" is under /live/'],
    [
      '/_redirects',
      '"/_redirects" starts with "_redirects": names starting with "_" at the top of the site are the build\'s and the host\'s (/_astro/, /_redirects, /_headers); remove it',
    ],
    ['/_astro/', '"/_astro/" starts with "_astro"'],
    ['/feed.xml/old/', '"/feed.xml/old/" goes under a file name ("feed.xml")'],
    ['/world/index.html/old/', '"/world/index.html/old/" goes under a file name ("index.html")'],
    [
      '/World/',
      '"/World/" is the path of a page that exists (/world/: hosts such as Netlify do not tell upper from lower case): a redirect cannot replace it',
    ],
    ['/TAGS/diplomacy/', '"/TAGS/diplomacy/" is the path of a page that exists (/tags/diplomacy/'],
    [
      '/World/2022/05/23/Other',
      '"/World/2022/05/23/Other" is the permalink of content/articles/2022/other.md (/world/2022/05/23/other/: hosts such as Netlify do not tell upper from lower case), where redirects lead',
    ],
    ['/*', '"/*" holds "*", which hosts read as a pattern that matches many paths'],
    ['/news/story.html', '"/news/story.html" names a file ("story.html")'],
  ])('refuses %j, naming the file and the field', (from, message) => {
    const [problem, ...more] = refusal(from);
    expect(more).toEqual([]);
    expect(problem).toContain(`content/articles/2022/moved.md: redirectFrom.0: ${message}`);
  });

  it.each([
    '/world/2022/05/22/seed-old/',
    '/World/2021/old-slug/',
    '/News/Story-123',
    '/world/2022/05/23/',
    '/~desk/old_cms/item-9/',
  ])('accepts %j, which nothing in the build serves', (from) => {
    expect(refusal(from)).toEqual([]);
  });

  it('refuses two redirects whose paths differ only in case', () => {
    const problems = problemsOf(
      [
        article('2022/seed', { redirectFrom: ['/News/Story/'] }),
        article('2022/other', { redirectFrom: ['/news/story'] }),
      ],
      [],
    );
    expect(problems).toEqual([
      {
        file: 'content/articles/2022/other.md',
        field: 'redirectFrom.0',
        message:
          '"/news/story" already redirects from content/articles/2022/seed.md (/News/Story/: hosts such as Netlify do not tell upper from lower case): an old path can lead to one place only',
      },
    ]);
  });

  it('names the field of each bad path among good ones', () => {
    const problems = problemsOf(
      [article('2022/seed', { redirectFrom: ['/old/seed/', '/%2e%2e/', '/old/other/', '/robots.txt'] })],
      [],
    );
    expect(problems.map(({ field }) => field)).toEqual(['redirectFrom.1', 'redirectFrom.3']);
  });

  const project = join(import.meta.dirname, '../..');
  /** How a top-level route with a parameter is kept from redirects: a new one must say so here. */
  const parameterRoutes: Record<string, string> = {
    '[section]': "sections are site paths (sitePaths), and their pagination folders are the build's",
    '[hostRedirects]': '"_redirects" starts with "_"',
    '[...oldPath]': 'the redirects themselves',
    '[...page]': 'it makes the front page only, which no redirect may take; the later pages are under /page/',
  };
  const routeNames = readdirSync(join(project, 'src/pages')).map((entry) => entry.replace(/\.(astro|ts|js|md)$/, ''));

  it('refuses every top-level name of src/pages/ and public/, and everything under it', () => {
    const names = [
      ...routeNames.filter((name) => name !== 'index' && !name.startsWith('[')),
      ...readdirSync(join(project, 'public')),
    ];
    expect(names).toEqual(expect.arrayContaining(['search', 'feed.xml', 'tags', 'favicon.svg', '_headers']));
    for (const name of names) {
      for (const from of [`/${name}`, `/${name}/`, `/${name}/old/`]) expect(refusal(from), from).toHaveLength(1);
    }
  });

  it('knows how every top-level route with a parameter is kept from redirects', () => {
    expect(routeNames.filter((name) => name.startsWith('['))).toEqual(
      expect.arrayContaining(Object.keys(parameterRoutes)),
    );
    for (const name of routeNames.filter((name) => name.startsWith('['))) {
      expect(parameterRoutes, `src/pages/${name}: say how redirects keep off its paths`).toHaveProperty([name]);
    }
  });

  it('lets no section take a name the site keeps for itself', () => {
    for (const section of sectionSlugs) {
      expect(reservedPathSegments).not.toContain(section);
      expect(section).not.toMatch(/^_|\./);
    }
  });

  describe('language editions', () => {
    const english = (editions: Record<string, string>) => article('2023/library', { editions });
    const arabic = (editions: Record<string, string>) =>
      article('2023/library-ar', { lang: 'ar', slug: 'library-ar', editions });
    const englishPath = '/world/2022/05/23/library/';
    const arabicPath = '/world/2022/05/23/library-ar/';

    it('accepts two editions that name each other', () => {
      expect(problemsOf([english({ ar: arabicPath }), arabic({ en: englishPath })], [])).toEqual([]);
    });

    it('refuses a one-way edition, naming both files and the line to add', () => {
      expect(problemsOf([english({ ar: arabicPath }), arabic({})], [])).toEqual([
        {
          file: 'content/articles/2023/library.md',
          field: 'editions.ar',
          message: `"${arabicPath}" is content/articles/2023/library-ar.md, which does not name this article back: add \`en: ${englishPath}\` to its \`editions\`, so each edition leads to the other`,
        },
      ]);
    });

    it('refuses an edition that names another article back', () => {
      const [problem] = problemsOf(
        [english({ ar: arabicPath }), arabic({ en: '/world/2022/05/23/other/' }), article('2023/other')],
        [],
      );
      expect(problem?.message).toContain('(its en edition is /world/2022/05/23/other/)');
    });

    it('refuses an edition path that is no article', () => {
      expect(problemsOf([english({ ar: '/world/2022/05/23/nothing/' })], [])).toEqual([
        {
          file: 'content/articles/2023/library.md',
          field: 'editions.ar',
          message:
            '"/world/2022/05/23/nothing/" is no article\'s permalink: give the permalink of the ar edition, e.g. /world/2023/11/06/slug/',
        },
      ]);
    });

    it('refuses an old path, pointing to the permalink', () => {
      const moved = article('2023/library-ar', {
        lang: 'ar',
        slug: 'library-ar',
        editions: { en: englishPath },
        redirectFrom: ['/old/library-ar/'],
      });
      const [problem] = problemsOf([english({ ar: '/old/library-ar/' }), moved], []);
      expect(problem?.message).toBe(
        `"/old/library-ar/" is an old path that redirects to ${arabicPath}: give the edition's permalink itself`,
      );
    });

    it('refuses an edition in another language than the one it is listed under', () => {
      const [problem] = problemsOf([english({ fr: arabicPath }), arabic({ en: englishPath })], []);
      expect(problem).toEqual({
        file: 'content/articles/2023/library.md',
        field: 'editions.fr',
        message: `"${arabicPath}" is content/articles/2023/library-ar.md, which is in ar (its \`lang\`), not fr: list it under ar, or correct its \`lang\``,
      });
    });

    it("refuses the article's own permalink", () => {
      const [problem] = problemsOf([english({ ar: englishPath })], []);
      expect(problem?.message).toContain("is this article's own permalink");
    });
  });
});
