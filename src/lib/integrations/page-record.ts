/**
 * The record of a build's pages, and a build over the last site.
 *
 * Every build writes, for each path it generates, the file it becomes. A publish
 * (`npm run publish`) builds into a copy of the site in place made of hard
 * links (scripts/site-record.ts) instead of an empty folder: Astro's
 * incremental build finds each page it keeps already there and leaves it,
 * instead of copying it from its cache, and renders the pages whose key or
 * code changed, each into a new file; the record of the last site says which
 * files belong to pages that are gone (docs/decisions.md, "One change is
 * published over a copy of the last site").
 *
 * Both go through Astro's public integration API: the prerenderer hook
 * (`setPrerenderer` in `astro:build:start`) lists every path, and in a
 * publish deletes a page's old file before Astro writes the new one, so no
 * file shared with the site in place is ever written into; the publish
 * keeps Astro from emptying the output folder with Vite's `emptyOutDir`.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { bundlePrerenderer, keepBundle } from '../render/bundle.ts';
import { BUNDLE_OUT, outputFile, overLastSite, RECORD_OUT, siteRecordOf } from '../render/record.ts';
import { addressCheck, inPathScope } from '../routes/path-scope.ts';
import { renderBundleFolder } from './render-bundle.ts';

/**
 * Renders the build's pages with the bundle of src/lib/render/entry.ts
 * (src/lib/integrations/render-bundle.ts) and keeps that bundle in
 * `BROADSIDE_BUNDLE_OUT` (when set); writes the record of every path, with
 * each path's key, to `BROADSIDE_PAGES_OUT` (when set); and, over the last
 * site (`BROADSIDE_OVER_LAST_SITE=1`), keeps the output folder and deletes
 * each page's file before Astro writes it again.
 */
export function pageRecord(env: NodeJS.ProcessEnv = process.env): AstroIntegration {
  let outDir = '';
  return {
    name: 'broadside:page-record',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command === 'build' && overLastSite(env)) updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': ({ setPrerenderer }) => {
        const out = env[RECORD_OUT];
        const over = overLastSite(env);
        const bundleOut = env[BUNDLE_OUT];
        setPrerenderer(() => {
          const bundle = bundlePrerenderer(renderBundleFolder);
          return {
            ...bundle,
            name: 'broadside:page-record',
            async getStaticPaths() {
              // Every path is listed, and the address each route gives a keyed path is checked against Astro's.
              const check = addressCheck();
              const paths = await inPathScope(check, () => bundle.getStaticPaths());
              const record = siteRecordOf(paths);
              const misnamed = check.misnamed(record.keys);
              if (misnamed.length > 0)
                throw new Error(
                  `${misnamed.length} path(s) have another address in their routes than Astro gives them (${misnamed.slice(0, 3).join(', ')}): a publish would list them all, unchanged or not (src/lib/routes/path-scope.ts, docs/upgrading-astro.md)`,
                );
              if (out) writeFileSync(out, JSON.stringify(record));
              return paths;
            },
            async render(request, options) {
              // The file may be a link to the site in place: a new file, never a write into it.
              if (over)
                rmSync(join(outDir, outputFile(decodeURI(new URL(request.url).pathname), options.routeData.type)), {
                  force: true,
                });
              return bundle.render(request, options);
            },
            teardown() {
              if (bundleOut) keepBundle(renderBundleFolder(), bundleOut);
              return Promise.resolve();
            },
          };
        });
      },
    },
  };
}
