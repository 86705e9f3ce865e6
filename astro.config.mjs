// @ts-check
import { unified } from '@astrojs/markdown-remark';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { markdownOptions } from './src/lib/markdown/plugins.ts';
import { site } from './src/site.config.ts';
import { otherContentCacheDir } from './src/lib/content/root.ts';
import { contentStoreFromDisk } from './src/lib/integrations/content-store-fs.ts';
import { pruneCardCache } from './src/lib/share-card/cache-fs.ts';
import { pageRecord } from './src/lib/integrations/page-record.ts';
import { renderBundle } from './src/lib/integrations/render-bundle.ts';
import { siteCodeVersion } from './src/lib/routes/site-code.ts';

export default defineConfig({
  site: site.url,
  output: 'static',
  trailingSlash: 'always',
  // Several pages at once: a page's render waits on file writes, and one at a
  // time left the build idle (docs/benchmarks.md).
  build: { format: 'directory', concurrency: 4 },
  devToolbar: { enabled: false },
  // A page whose getStaticPaths() gives a cacheKey (articles, list pages,
  // share cards: see docs/decisions.md) is copied from the previous build
  // when neither that key nor its code changed, so a correction renders the
  // article, the lists that show it, the front page and the feeds.
  experimental: { incrementalBuild: true },
  integrations: [
    // Pages read the content store from disk instead of the bundle carrying it.
    contentStoreFromDisk(),
    // The card cache keeps only the cards this build shows.
    pruneCardCache(),
    // The record of every page, and a publish over a copy of the last site.
    pageRecord(),
    renderBundle(),
  ],
  ...(otherContentCacheDir ? { cacheDir: otherContentCacheDir } : {}),
  // A strict policy in a <meta> on every page: Astro hashes the scripts and
  // styles it emits, so nothing inline runs unless the build put it there.
  // frame-ancestors cannot be set from a <meta>: deploy/ and public/_headers
  // send it as a header.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        `frame-src ${site.embedOrigins.join(' ')}`,
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "manifest-src 'self'",
      ],
    },
  },
  vite: {
    // The build's staging and replaced sites beside dist/ (scripts/staged-output.ts):
    // a whole site each, never sources for the dev server to watch.
    server: { watch: { ignored: ['**/.dist.*/**'] } },
    // Part of every page's key (src/lib/routes/site-code.ts): a change to the code renders every page again.
    define: {
      'import.meta.env.BROADSIDE_SITE_CODE': JSON.stringify(
        siteCodeVersion(fileURLToPath(new URL('.', import.meta.url))),
      ),
    },
  },
  markdown: {
    processor: unified(markdownOptions),
    syntaxHighlight: false,
  },
});
