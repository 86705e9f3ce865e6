import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '@/lib/time/dates';
import { redirectPageParams, redirectPathProblem, redirectsFile, redirectsOf } from '@/lib/routes/redirects';

const article = (id: string, redirectFrom: string[]) => ({
  id,
  data: { section: 'world', published: parseTimestamp('2022-05-23')!, timezone: 'Asia/Dubai', redirectFrom },
});

describe('redirects', () => {
  const redirects = redirectsOf([
    article('2022/seed', ['/world/2022/05/23/old-seed/', '/old/seed']),
    article('2022/b', ['/a/']),
  ]);

  it('lists every old path with its permalink, sorted, ending in "/"', () => {
    expect(redirects).toEqual([
      { from: '/a/', to: '/world/2022/05/23/b/' },
      { from: '/old/seed/', written: '/old/seed', to: '/world/2022/05/23/seed/' },
      { from: '/world/2022/05/23/old-seed/', to: '/world/2022/05/23/seed/' },
    ]);
  });

  it('writes one permanent redirect a line, and the path as written when it lacks the last slash', () => {
    expect(redirectsFile(redirects)).toBe(
      [
        '/a/ /world/2022/05/23/b/ 301',
        '/old/seed/ /world/2022/05/23/seed/ 301',
        '/old/seed /world/2022/05/23/seed/ 301',
        '/world/2022/05/23/old-seed/ /world/2022/05/23/seed/ 301',
        '',
      ].join('\n'),
    );
  });

  it('writes an empty file when nothing has moved', () => {
    expect(redirectsFile([])).toBe('');
  });

  it("gives each redirect's page the old path without its outer slashes", () => {
    expect(redirects.map(redirectPageParams)).toEqual([
      { oldPath: 'a' },
      { oldPath: 'old/seed' },
      { oldPath: 'world/2022/05/23/old-seed' },
    ]);
  });
});

describe('redirectPathProblem', () => {
  it.each([
    '/old/seed',
    '/old/seed/',
    '/world/2022/05/22/seed-old/',
    '/News/Story-123/',
    '/~editor/notes/',
    '/a_b/c~d/',
  ])('accepts the clean folder path %s', (path) => {
    expect(redirectPathProblem(path)).toBeUndefined();
  });

  it.each([
    ['old/seed/', 'must start with "/", e.g. "/news/old-story/"'],
    ['/', 'is the front page: a redirect cannot replace it'],
    [
      '/*',
      'holds "*", which hosts read as a pattern that matches many paths: write the one old path, letter for letter',
    ],
    ['/news/*/', 'holds "*", which hosts read as a pattern'],
    ['/news/:slug/', 'holds ":", which hosts read as a placeholder that matches any name'],
    ['/search/?x', 'holds a query or fragment ("?x"): hosts match the path alone, so write the path without it'],
    ['/old/#top', 'holds a query or fragment ("#top")'],
    ['/%2e%2e/feed.xml', 'holds percent-encoding ("%2e"), which hosts decode before they match'],
    ['/old%2Fseed/', 'holds percent-encoding ("%2F")'],
    ['/old/%/', 'holds percent-encoding ("%")'],
    ['/old/../search/', 'has a "." or ".." name, which browsers resolve away before they ask'],
    ['/./old/', 'has a "." or ".." name'],
    ['/old/..', 'has a "." or ".." name'],
    ['//evil.example/', 'has an empty name ("//"): put one "/" between names'],
    ['/old//seed/', 'has an empty name ("//")'],
    ['/old\\seed/', 'holds "\\", which browsers read as "/": write "/" between the names'],
    ['/old seed/', 'holds white space or a control character'],
    ['/old\tseed/', 'holds white space or a control character'],
    ['/old\u0000seed/', 'holds white space or a control character'],
    ['/old\u2028seed/', 'holds white space or a control character'],
    ['/café/', 'holds "é": a path may hold only letters, digits and - _ ~ between its slashes'],
    ['/old+seed/', 'holds "+"'],
    ['/news/story.html', 'names a file ("story.html"): the build answers an old path with a page in a folder'],
    ['/news/story.html/', 'names a file ("story.html")'],
    ['/feed.xml', 'names a file ("feed.xml")'],
    ['/_astro/page.js', 'names a file ("page.js")'],
    [
      '/world/index.html/old/',
      'goes under a file name ("index.html"): every file the build writes has a dot in its name',
    ],
    ['/archive/v1.2/story/', 'goes under a file name ("v1.2")'],
  ])('refuses %j: it %s', (path, message) => {
    expect(redirectPathProblem(path)).toContain(message);
  });
});

describe('the writers refuse a path that is not clean, whatever let it through', () => {
  const to = '/world/2022/05/23/seed/';

  it.each(['/*', '/news/:slug/', '/old seed/', '/old/?x', '/old/#x', '/feed.xml', '//evil.example/'])(
    '_redirects never gets a line for %j',
    (from) => {
      expect(() => redirectsFile([{ from, to }])).toThrow(`_redirects: refusing "${from}", which `);
      expect(() => redirectsFile([{ from: '/old/', written: from, to }])).toThrow('_redirects: refusing');
    },
  );

  it('_redirects never gets a line that leads to a pattern', () => {
    expect(() => redirectsFile([{ from: '/old/', to: '/:splat' }])).toThrow('_redirects: refusing "/:splat"');
  });

  it('the redirect page refuses a path that is not clean or lacks its last slash', () => {
    expect(() => redirectPageParams({ from: '/old/%2e%2e/', to })).toThrow('redirect page: refusing "/old/%2e%2e/"');
    expect(() => redirectPageParams({ from: '/old', to })).toThrow(
      'redirect page: refusing "/old", which does not end in "/"',
    );
  });
});

/** The same rule said another way, for the property below: names of unreserved characters but the dot, one slash apart. */
function isClean(path: string): boolean {
  return /^(?:\/[A-Za-z0-9_~-]+)+\/?$/.test(path);
}

/**
 * The path Astro writes for a `[...oldPath]` page, as its route generator
 * builds it (astro/dist/core/routing/generator.js and params.js, Astro 7):
 * slashes trimmed, NFC, "#" and "?" encoded, one leading slash, and the
 * last slash of `trailingSlash: 'always'`.
 */
function astroRestRoutePath(oldPath: string): string {
  const param = oldPath
    .replace(/^\/+|\/+$/g, '')
    .normalize()
    .replace(/#/g, '%23')
    .replace(/\?/g, '%3F');
  return `/${param}`.replace(/^\/+/, '/') + '/';
}

/** Paths an editor or an attacker might write: half of them clean characters, half with every kind of trouble mixed in. */
const candidatePath = (() => {
  const clean = fc.constantFrom(...'abzAZ09-_~');
  const anything = fc.oneof(
    { weight: 8, arbitrary: clean },
    {
      weight: 2,
      arbitrary: fc.constantFrom(...'.%?#*:\\ \t\n\u0000é', '%2e', '%2F', '%00'),
    },
    { weight: 1, arbitrary: fc.constantFrom('+', '&', '!', '@', '=', ';', ',', "'", '"', '<', '[', '..', '/', '//') },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  );
  const pathOf = (character: fc.Arbitrary<string>) =>
    fc
      .tuple(
        fc.constantFrom('/', '/', '/', '/', '', '//'),
        fc.array(fc.string({ unit: character, minLength: 1, maxLength: 8 }), { maxLength: 5 }),
        fc.boolean(),
      )
      .map(([start, names, slash]) => `${start}${names.join('/')}${slash ? '/' : ''}`);
  return fc.oneof(pathOf(clean), pathOf(anything));
})();

describe('every path redirectPathProblem accepts', () => {
  it('is clean, means itself to a browser, and comes back unchanged from _redirects and the redirect page', () => {
    let accepted = 0;
    fc.assert(
      fc.property(candidatePath, (path) => {
        if (redirectPathProblem(path) !== undefined) return;
        accepted += 1;
        expect(isClean(path)).toBe(true);
        // A browser asks for exactly this path: nothing resolved, decoded or encoded on the way.
        expect(new URL(path, 'https://broadside.example').pathname).toBe(path);
        expect(encodeURI(path)).toBe(path);

        const [redirect] = redirectsOf([article('2022/seed', [path])]);
        const lines = redirectsFile([redirect!])
          .split('\n')
          .filter(Boolean)
          .map((line) => line.split(' '));
        expect(lines).toEqual(
          [redirect!.from, ...(redirect!.written ? [redirect!.written] : [])].map((from) => [
            from,
            '/world/2022/05/23/seed/',
            '301',
          ]),
        );
        expect(redirect!.from).toBe(path.replace(/\/?$/, '/'));
        expect(astroRestRoutePath(redirectPageParams(redirect!).oldPath)).toBe(redirect!.from);
      }),
      { numRuns: 3000 },
    );
    // The property says little unless many of the paths tried were accepted.
    expect(accepted).toBeGreaterThan(400);
  });

  it('and every path it refuses, the writers refuse too', () => {
    fc.assert(
      fc.property(candidatePath, (path) => {
        if (redirectPathProblem(path) === undefined) return;
        expect(isClean(path)).toBe(false);
        expect(() => redirectsFile([{ from: path, to: '/world/2022/05/23/seed/' }])).toThrow('_redirects: refusing');
      }),
      { numRuns: 3000 },
    );
  });
});
