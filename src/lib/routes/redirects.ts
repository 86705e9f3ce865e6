/**
 * Old paths that must keep working (`redirectFrom`), and where each leads.
 * The content rules have already refused redirects that are not clean
 * paths, that claim a path the build serves itself, repeat or chain, so
 * every redirect here leads straight to a permalink. The writers below check
 * the paths again all the same: a host reads `_redirects` before it serves
 * any file, so one bad line there could take over the whole site.
 */
import { articlePermalink, type PermalinkSource } from './permalinks';

export interface Redirect {
  /** The old path, ending in "/" like every path of the site. */
  from: string;
  /** The old path as the editor wrote it, when that differs (e.g. without the last "/"). */
  written?: string;
  /** The permalink it leads to. */
  to: string;
}

export interface RedirectSource extends PermalinkSource {
  data: PermalinkSource['data'] & { redirectFrom: readonly string[] };
}

/**
 * Characters a path may hold besides "/": RFC 3986's unreserved ones, which
 * no host, browser or file system reads as anything else. The dot among
 * them is refused further on, with a message of its own: it makes a name a
 * file's.
 */
const UNRESERVED = /^[A-Za-z0-9._~-]$/;

/** Why a character that is not unreserved may not be in an old path, with what to write instead. */
function characterProblem(path: string, character: string): string {
  if (/[\s\p{Cc}]/u.test(character)) {
    return 'holds white space or a control character: write the path as one unbroken run of letters, digits and - _ ~ between slashes';
  }
  if (character === '%') {
    const encoded = /%[0-9A-Fa-f]{0,2}/.exec(path)![0];
    return `holds percent-encoding ("${encoded}"), which hosts decode before they match, so it can hide "/" or "..": write the characters themselves, only letters, digits and - _ ~ between slashes`;
  }
  if (character === '?' || character === '#') {
    const rest = path.slice(path.indexOf(character));
    return `holds a query or fragment ("${rest}"): hosts match the path alone, so write the path without it`;
  }
  if (character === '*') {
    return 'holds "*", which hosts read as a pattern that matches many paths: write the one old path, letter for letter';
  }
  if (character === ':') {
    return 'holds ":", which hosts read as a placeholder that matches any name: write the one old path, letter for letter';
  }
  if (character === '\\') {
    return 'holds "\\", which browsers read as "/": write "/" between the names';
  }
  return `holds "${character}": a path may hold only letters, digits and - _ ~ between its slashes`;
}

/**
 * What is wrong with `path` as an old path to redirect from, judged on its
 * own (whether the site serves it is the content rules' business), or
 * undefined when it is clean: "/" and then names of RFC 3986's unreserved
 * characters but the dot (letters, digits, "-", "_", "~"), joined by single
 * slashes. Such a path means the same to every host, browser and file
 * system, is never read as a pattern, and is written back unchanged by
 * `_redirects` and by the redirect page's route.
 *
 * Upper case is allowed: old CMS addresses have it (`/News/Story-123/`) and
 * readers' bookmarks keep it. Hosts such as Netlify and the file systems of
 * macOS and Windows do not tell case apart, though, so the content rules
 * compare old paths with the site's and with each other in lower case.
 *
 * A name with a dot is a file's, and refused: the build answers an old
 * path with a page written as `<path>/index.html`, which hosts serve at the
 * folder path and never at a file name (`/news/story.html`); and every file
 * the build writes has a dot in its name, so no redirect's page can land on
 * one or need one to be a folder (`/world/index.html/old/`).
 *
 * The answer says what is wrong and what would be right, for the editor.
 */
export function redirectPathProblem(path: string): string | undefined {
  if (!path.startsWith('/')) return 'must start with "/", e.g. "/news/old-story/"';
  for (const character of path) {
    if (character !== '/' && !UNRESERVED.test(character)) return characterProblem(path, character);
  }
  const names = path.slice(1).split('/');
  if (names.at(-1) === '') names.pop();
  if (names.length === 0) return 'is the front page: a redirect cannot replace it';
  if (names.includes('')) return 'has an empty name ("//"): put one "/" between names';
  if (names.some((name) => name === '.' || name === '..')) {
    return 'has a "." or ".." name, which browsers resolve away before they ask: write the path they end up at';
  }
  const last = names.at(-1)!;
  if (last.includes('.')) {
    return `names a file ("${last}"): the build answers an old path with a page in a folder, which hosts serve at paths like "/news/story/" but never at a file name; redirect a folder path, or have the host redirect this file`;
  }
  const file = names.find((name) => name.includes('.'));
  if (file) {
    return `goes under a file name ("${file}"): every file the build writes has a dot in its name (index.html, feed.xml), and a redirect's page cannot be written inside a file; redirect a path whose names have no dot`;
  }
  return undefined;
}

/** Throws when a path that reached a writer is not clean, whatever let it through. */
function assertClean(path: string, where: string): void {
  const problem = redirectPathProblem(path);
  if (problem) throw new Error(`${where}: refusing "${path}", which ${problem}`);
}

/** Every redirect of every article, sorted by old path so the output is stable. */
export function redirectsOf(articles: readonly RedirectSource[]): Redirect[] {
  return articles
    .flatMap((article) =>
      article.data.redirectFrom.map((written): Redirect => {
        const from = written.replace(/\/?$/, '/');
        return { from, ...(written !== from ? { written } : {}), to: articlePermalink(article) };
      }),
    )
    .sort((a, b) => a.from.localeCompare(b.from));
}

/**
 * The `_redirects` file that Netlify and Cloudflare Pages read: one
 * permanent (301) redirect a line, the old path as written as well when it
 * lacks the last "/", since such hosts match paths as they are. Hosts obey
 * this file before they serve a file, and read "*" and ":name" in it as
 * patterns, so it throws rather than write a path that is not clean.
 */
export function redirectsFile(redirects: readonly Redirect[]): string {
  return redirects
    .flatMap(({ from, written, to }) => (written ? [from, written] : [from]).map((path) => ({ path, to })))
    .map(({ path, to }) => {
      assertClean(path, '_redirects');
      assertClean(to, '_redirects');
      return `${path} ${to} 301\n`;
    })
    .join('');
}

/**
 * The `[...oldPath]` route's parameter for a redirect's page: the old path
 * without its outer slashes, which Astro writes back as "/<oldPath>/".
 * Throws rather than hand Astro a path that is not clean, which it would
 * encode into another path or write outside the folder meant.
 */
export function redirectPageParams({ from }: Redirect): { oldPath: string } {
  assertClean(from, 'redirect page');
  if (!from.endsWith('/')) throw new Error(`redirect page: refusing "${from}", which does not end in "/"`);
  return { oldPath: from.slice(1, -1) };
}
