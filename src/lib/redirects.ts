/**
 * Old paths that must keep working (`redirectFrom`), and where each leads.
 * The content rules have already refused redirects that clash with a page,
 * repeat or chain, so every redirect here leads straight to a permalink.
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
 * lacks the last "/", since such hosts match paths as they are.
 */
export function redirectsFile(redirects: readonly Redirect[]): string {
  return redirects
    .flatMap(({ from, written, to }) => [`${from} ${to} 301`, ...(written ? [`${written} ${to} 301`] : [])])
    .map((line) => `${line}\n`)
    .join('');
}
