/**
 * Which of a route's paths a render lists.
 *
 * A build lists every path of the site. A publish renders only the paths
 * whose key changed, but Astro turns every path a route lists into its
 * address and keeps it, so listing the whole archive for one change cost
 * more than anything it rendered (about a second of Astro's own work at
 * 50,000 articles). So a route hands its keyed paths to `listedPaths` with the
 * address of each, worked out by the site's own permalinks, and a publish
 * (scripts/publish-pages.ts) asks, through the scope it sets for the
 * listing, whether the site in place holds that address with that key:
 * such a path is left out of the list, and the publish takes it into the
 * record of the new site as the site in place has it.
 *
 * An address worked out wrong would list a path that could have been left
 * out, or, were it the address of another path with the same key, leave
 * out a path that changed. So every build lists its paths in a scope that
 * keeps every path and notes each address, and stops unless each is the
 * address Astro gave the path (src/lib/integrations/page-record.ts): code
 * whose addresses are not Astro's never builds a site to publish over.
 */

/** What a render asks of a route's keyed paths, for the listing it runs in. */
export interface PathScope {
  /** Whether the path at `address` with key `key` is in the site in place as it is: it is then left out. */
  unchanged(address: string, key: string): boolean;
}

const SCOPE = Symbol.for('broadside:path-scope');
type Host = Record<typeof SCOPE, PathScope | undefined>;

/** Runs `list` (a listing of the site's paths) in `scope`, which its routes ask about each keyed path. */
export async function inPathScope<T>(scope: PathScope, list: () => Promise<T>): Promise<T> {
  const host = globalThis as unknown as Host;
  if (host[SCOPE]) throw new Error('a listing of the paths is already running in a scope');
  host[SCOPE] = scope;
  try {
    return await list();
  } finally {
    host[SCOPE] = undefined;
  }
}

/**
 * The paths of a route that the listing running now takes: all of them but
 * those its scope finds unchanged. `addressOf` gives a path's address as
 * Astro writes it (`/world/2025/03/14/a-slug/`, `/cards/world/2025/03/14/a-slug.png`).
 */
export function listedPaths<T extends { cacheKey?: string | undefined }>(
  paths: readonly T[],
  addressOf: (path: T) => string,
): T[] {
  const scope = (globalThis as unknown as Host)[SCOPE];
  if (!scope) return [...paths];
  return paths.filter((path) => path.cacheKey === undefined || !scope.unchanged(addressOf(path), path.cacheKey));
}

/**
 * A scope that leaves out no path and notes the address of each keyed path
 * with its key, and `misnamed()`, the addresses among them that Astro gave
 * no path with that key (`keys`: the key of each path, by Astro's address).
 */
export function addressCheck(): PathScope & { misnamed(keys: Readonly<Record<string, string>>): string[] } {
  const addresses = new Map<string, string>();
  return {
    unchanged(address, key) {
      addresses.set(address, key);
      return false;
    },
    misnamed: (keys) => [...addresses].filter(([address, key]) => keys[address] !== key).map(([address]) => address),
  };
}
