import { describe, expect, it } from 'vitest';
import { addressCheck, inPathScope, listedPaths } from '@/lib/routes/path-scope';

const paths = [
  { params: { slug: 'a' }, cacheKey: 'ka' },
  { params: { slug: 'b' }, cacheKey: 'kb' },
  { params: { slug: 'front' }, cacheKey: undefined },
];
const addressOf = ({ params }: (typeof paths)[number]) => `/world/${params.slug}/`;

describe('the paths a route lists', () => {
  it('are all of them outside a scope, as in a build', () => {
    expect(listedPaths(paths, addressOf)).toEqual(paths);
  });

  it('leave out each keyed path the scope finds unchanged, asked by its address and key', async () => {
    const asked: string[] = [];
    const site: Record<string, string> = { '/world/a/': 'ka', '/world/b/': 'old key' };
    const listed = await inPathScope(
      {
        unchanged: (address, key) => {
          asked.push(`${address} ${key}`);
          return site[address] === key;
        },
      },
      () => Promise.resolve(listedPaths(paths, addressOf)),
    );
    expect(listed.map(({ params }) => params.slug)).toEqual(['b', 'front']);
    // A path with no key is never kept as it was: it is not asked about.
    expect(asked).toEqual(['/world/a/ ka', '/world/b/ kb']);
  });

  it('are all listed again once the scope has ended, however it ended', async () => {
    const keepAll = { unchanged: () => true };
    await expect(inPathScope(keepAll, () => Promise.reject(new Error('a route threw')))).rejects.toThrow(
      'a route threw',
    );
    expect(listedPaths(paths, addressOf)).toHaveLength(3);
    expect(await inPathScope(keepAll, () => Promise.resolve(listedPaths(paths, addressOf).length))).toBe(1);
    expect(listedPaths(paths, addressOf)).toHaveLength(3);
  });

  it('are listed in one scope at a time', async () => {
    const keepNone = { unchanged: () => false };
    await expect(
      inPathScope(keepNone, () => inPathScope(keepNone, () => Promise.resolve(listedPaths(paths, addressOf)))),
    ).rejects.toThrow('already running in a scope');
  });
});

describe("the check of the routes' addresses in every build", () => {
  it('lists every path, and names each address Astro gave no path with that key', async () => {
    const check = addressCheck();
    expect(await inPathScope(check, () => Promise.resolve(listedPaths(paths, addressOf)))).toEqual(paths);
    expect(check.misnamed({ '/world/a/': 'ka', '/world/b/': 'kb' })).toEqual([]);
    // Astro's address without the trailing slash the route gave, and another key at the same address.
    expect(check.misnamed({ '/world/a': 'ka', '/world/b/': 'kc' })).toEqual(['/world/a/', '/world/b/']);
  });
});
