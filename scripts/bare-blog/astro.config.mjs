// @ts-check
/**
 * The yardstick of `npm run bench -- --bare-blog`: a blog in the shape of
 * Astro's blog starter (a page per post, one list of every post, RSS,
 * sitemap), with the same unified Markdown processor and Astro's defaults
 * otherwise, built over the benchmark's corpus (`BROADSIDE_CONTENT`).
 */
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'https://example.com',
  integrations: [sitemap()],
  cacheDir: `${process.env.BROADSIDE_CONTENT}/.bare-blog-cache`,
  markdown: { processor: unified() },
});
