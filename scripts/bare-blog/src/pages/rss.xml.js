import { getCollection } from 'astro:content';
import rss from '@astrojs/rss';
export async function GET(context) {
  const posts = await getCollection('blog');
  return rss({
    title: 'Blog',
    description: 'Blog',
    site: context.site,
    items: posts.map((post) => ({
      title: post.data.title,
      pubDate: post.data.published,
      description: post.data.standfirst,
      link: `/blog/${post.id}/`,
    })),
  });
}
