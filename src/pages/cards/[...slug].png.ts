/**
 * The share card of every article, live blog and live update, as a static PNG beside the
 * pages (`/cards/<page path>.png`). An endpoint rather than a step after the
 * build: the cards come from the same published entries as the pages, in
 * the same build, and land in the output like any other file. Drawing is
 * cached by page and content (see `share-card/draw-fs.ts`); listing the
 * cards writes nothing.
 */
import type { APIRoute } from 'astro';
import { getArticles, getLiveBlogs, type Article } from '@/lib/content/articles';
import { articleCard, liveBlogCard, liveUpdateCard } from '@/lib/metadata/page-meta';
import { articlePermalink, liveBlogPermalink, liveUpdatePermalink, shareCardPath } from '@/lib/routes/permalinks';
import type { CardInputs } from '@/lib/share-card/card';
import { cardKey, shareCardPng } from '@/lib/share-card/draw-fs';
import { listedPaths } from '@/lib/routes/path-scope';
import { entryMemo } from '@/lib/content/entry-memo';

/** The route parameter for a card's address: `/cards/<slug>.png`. */
const slugOf = (card: string) => card.replace(/^\/cards\//, '').replace(/\.png$/, '');

/** A card: its address, what it shows, and its key for the incremental build, which is what it shows. */
interface KeyedCard {
  card: string;
  inputs: CardInputs;
  cacheKey: string;
}

const keyedCard = async (path: string, inputs: CardInputs): Promise<KeyedCard> => ({
  card: shareCardPath(path),
  inputs,
  cacheKey: await cardKey(inputs),
});

/** Each article's card, which its entry alone decides, kept for the entry (`entryMemo`). */
const articleKeyedCard = entryMemo((article: Article) => keyedCard(articlePermalink(article), articleCard(article)));

export async function getStaticPaths() {
  const [articles, blogs] = await Promise.all([getArticles(), getLiveBlogs()]);
  // Keyed by what the card shows, so a later build copies an unchanged card instead of drawing it or
  // reading it from the card cache.
  const keyed = await Promise.all([
    ...articles.map(articleKeyedCard),
    ...blogs.map((blog) => keyedCard(liveBlogPermalink(blog.id), liveBlogCard(blog))),
    ...blogs.flatMap((blog) =>
      blog.updates.map((update) => keyedCard(liveUpdatePermalink(blog.id, update.id), liveUpdateCard(blog, update))),
    ),
  ]);
  return listedPaths(keyed, ({ card }) => card).map(({ card, inputs, cacheKey }) => ({
    params: { slug: slugOf(card) },
    props: { inputs },
    cacheKey,
  }));
}

export const GET: APIRoute<{ inputs: CardInputs }, { slug: string }> = async ({ props, params }) => {
  const { png } = await shareCardPng(props.inputs, params.slug);
  // The PNG's own bytes, not a copy: thousands of cards' copies add up in a build's memory.
  const bytes = new Uint8Array(png.buffer as ArrayBuffer, png.byteOffset, png.byteLength);
  return new Response(bytes, { headers: { 'Content-Type': 'image/png' } });
};
