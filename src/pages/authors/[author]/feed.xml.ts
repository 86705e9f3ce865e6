/**
 * One author's full-content RSS 2.0 feed: their newest articles, built as
 * the site's feed is (src/lib/metadata/articles-feed.ts) and advertised by
 * their page.
 */
import type { APIRoute } from 'astro';
import { articlesFeed } from '@/lib/metadata/articles-feed';
import { authorLists, type AuthorList } from '@/lib/routes/author-listings';
import { authorFeedPath } from '@/lib/routes/permalinks';
import { site } from '@/site.config';

export async function getStaticPaths() {
  return (await authorLists()).map((list) => ({ params: { author: list.author.id }, props: { list } }));
}

export const GET: APIRoute<{ list: AuthorList }> = ({ props: { list } }) => {
  const { name, role } = list.author.data;
  return articlesFeed({
    title: `${name} | ${site.name}`,
    description: `${role}: articles by ${name}, newest first.`,
    feedPath: authorFeedPath(list.author.id),
    articles: list.articles,
  });
};
