/**
 * The pages the sitemap lists, taken from the same published entries and
 * the same list pages the routes build: articles, live blogs, every page of
 * the front page, sections, tags and authors, and search. Redirect pages, the 404
 * page and drafts are not among them, because no route here builds them.
 */
import { getArticles, getLiveBlogs, isLive, type Article } from '../content/articles';
import { authorLists } from './author-listings';
import { frontList, listPages, sectionLists, tagLists } from './listings';
import { searchPath } from './permalinks';
import { sitemapEntries, splitSitemap, type SitemapEntry } from './sitemap';

/**
 * The site's sitemap files, each a list of entries: the sitemap index and
 * every sitemap file ask here, so they cannot disagree. The front page's
 * first page also lists the live blogs still running, as it shows them.
 * Worked out once per set of published articles (about a second at 50,000),
 * not once per route that asks.
 */
export async function sitemapFiles(): Promise<SitemapEntry[][]> {
  const articles = await getArticles();
  let files = worked.get(articles);
  if (!files) {
    files = sitemapFilesOf(articles);
    worked.set(articles, files);
  }
  return files;
}

const worked = new WeakMap<readonly Article[], Promise<SitemapEntry[][]>>();

async function sitemapFilesOf(articles: readonly Article[]): Promise<SitemapEntry[][]> {
  const [liveBlogs, front, sections, tags, authors] = await Promise.all([
    getLiveBlogs(),
    frontList(),
    sectionLists(),
    tagLists(),
    authorLists(),
  ]);
  const running = liveBlogs.filter(isLive);
  const entries = sitemapEntries({
    articles,
    liveBlogs,
    lists: [
      ...listPages(front).map(({ path, newest, articles }) => ({
        path,
        articles,
        liveBlogs: newest ? running : [],
      })),
      ...[...sections, ...tags, ...authors].flatMap(listPages).map(({ path, articles }) => ({ path, articles })),
    ],
    undated: [searchPath()],
  });
  return splitSitemap(entries);
}
