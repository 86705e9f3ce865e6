// @ts-check
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { rehypePlugins, remarkPlugins } from './src/lib/markdown/plugins.ts';
import { site } from './src/site.config.ts';

// A build of another content folder (see src/lib/content-root.ts) keeps its
// cache beside that content, so it never mixes with the site's own.
const otherContent = process.env.BROADSIDE_CONTENT;

export default defineConfig({
  site: site.url,
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  ...(otherContent ? { cacheDir: `${otherContent}/.astro-cache` } : {}),
  markdown: {
    processor: unified({ remarkPlugins, rehypePlugins }),
    syntaxHighlight: false,
  },
});
