/**
 * Astro's own `paginate()`, as it gives it to a route's `getStaticPaths()`,
 * for unit tests of the list routes' paths; Astro does not export it.
 */
import type { PaginateFunction } from 'astro';
import { generatePaginateFunction } from '../../node_modules/astro/dist/core/render/paginate.js';

/**
 * The `paginate()` of the route at `route` (`/[section]/[...page]`), with
 * the site's `trailingSlash: 'always'`, so tests see the URLs a build makes.
 */
export function astroPaginate(route: string): PaginateFunction {
  const segments = route
    .split('/')
    .filter(Boolean)
    .map((part) => {
      const name = /^\[(.+)\]$/.exec(part)?.[1];
      return [{ content: name ?? part, dynamic: name !== undefined, spread: name?.startsWith('...') ?? false }];
    });
  const params = segments.flat().flatMap((part) => (part.dynamic ? [part.content] : []));
  return generatePaginateFunction({ segments, params } as never, '/', 'always') as PaginateFunction;
}
