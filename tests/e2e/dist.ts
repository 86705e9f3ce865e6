/** The built site on disk, for tests that read files rather than pages. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** The folder the e2e run serves: `dist/`, or `BROADSIDE_DIST`. */
export const distDir = resolve(process.env.BROADSIDE_DIST ?? 'dist');

/** Every HTML file of the build, as site paths (`/world/`, `/404.html`). */
export function builtPages(): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html')) {
        const sitePath = `/${relative(distDir, path).split('\\').join('/')}`;
        pages.push(sitePath.endsWith('/index.html') ? sitePath.slice(0, -'index.html'.length) : sitePath);
      }
    }
  };
  walk(distDir);
  return pages.sort();
}

/** The built HTML of a site path. */
export function readPage(sitePath: string): string {
  const file = sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath;
  return readFileSync(join(distDir, file), 'utf8');
}
