/**
 * The pages' code as a bundle that renders any path of the site, in a build
 * and outside one.
 *
 * Every build renders its pages with the app of the bundle Astro builds from
 * src/lib/render/entry.ts (src/lib/integrations/render-bundle.ts): Astro's
 * own production app (`createApp`, the adapter API), through Astro's
 * prerenderer API. The build keeps that bundle beside the record of its
 * pages, and a publish loads it again in a plain Node process to render
 * only the paths a change touches (scripts/publish-pages.ts), with the same
 * code, so each page is the one the build would write.
 *
 * Outside a build, one piece of Astro's build is missing: the function that
 * names an optimized image's file (Astro's assets plugin installs it on
 * `globalThis.astroAsset` for the build only). `nameStaticImages` installs
 * the same naming, from Astro's public `hashTransform` and
 * `propsToFilename`, as Astro's own Cloudflare adapter does for its
 * prerendering; `tests/build/publish.test.ts` and
 * `tests/build/publish-service.test.ts` publish pages showing images this
 * way and require the site to be, file for file, a build's from scratch.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { cpSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AstroPrerenderer, PathWithRoute, RouteData } from 'astro';
import { installRenderScope, renderForPrerender, type BaseApp } from 'astro/app';
import { hashTransform, propsToFilename } from 'astro/assets';
import { isESMImportedImage } from 'astro/assets/utils';

/** What the bundle's entry (./entry.ts) exports. */
export interface RenderEntry {
  createApp: () => BaseApp;
  StaticPaths: new (app: BaseApp) => { getAll(): Promise<PathWithRoute[]> };
  contentSyncer: typeof import('./content-sync.ts').contentSyncer;
  forgetContent: typeof import('./entry.ts').forgetContent;
  entryPages: typeof import('./entry.ts').entryPages;
}

/** The entry module of the bundle in `folder`, named as Astro names its prerender environment's entry. */
export function entryFile(folder: string): string {
  const found = readdirSync(folder).filter((name) => /^prerender-entry\.[\w-]+\.mjs$/.test(name));
  if (found.length !== 1)
    throw new Error(
      `expected one prerender-entry.*.mjs in ${folder}, found ${found.length}: Astro's naming of its prerender bundle may have changed (docs/upgrading-astro.md)`,
    );
  return join(folder, found[0]!);
}

/**
 * Copies the bundle in `folder` to `to`, with a link to the project's
 * `node_modules` (`project`), so the packages it imports resolve wherever
 * it is kept.
 */
export function keepBundle(folder: string, to: string, project = process.cwd()): void {
  rmSync(to, { recursive: true, force: true });
  cpSync(folder, to, { recursive: true });
  symlinkSync(join(project, 'node_modules'), join(to, 'node_modules'), 'dir');
}

/**
 * A prerenderer rendering with the app of the bundle in the folder `folder()`
 * names. `again()` readies it to render the site again in the same process
 * after its content changed: a new app, on a copy of the bundle's manifest
 * (Astro keeps what each route's `getStaticPaths()` returned in a cache of
 * its own per manifest object, and would hand back the old paths and
 * props), with the pages' memos of the content forgotten.
 */
export function bundlePrerenderer(folder: () => string): AstroPrerenderer & {
  entry(): RenderEntry;
  again(): void;
  routeOf(request: Request): RouteData | undefined;
} {
  let loaded: { app: BaseApp; entry: RenderEntry } | undefined;
  const ready = () => {
    if (!loaded) throw new Error('the render bundle is not loaded');
    return loaded;
  };
  return {
    name: 'broadside:render-bundle',
    entry: () => ready().entry,
    again() {
      const { entry } = ready();
      const app = entry.createApp();
      app.manifest = { ...app.manifest };
      entry.forgetContent();
      loaded = { app, entry };
    },
    setup() {
      // Node's own loader, also when this module runs inside Vite's (the Astro config's).
      const entry = createRequire(import.meta.url)(entryFile(folder())) as RenderEntry;
      loaded = { app: entry.createApp(), entry };
      installRenderScope(new AsyncLocalStorage());
      return Promise.resolve();
    },
    /** The route Astro's app matches `request` with, its prerendered routes included. */
    routeOf: (request) => ready().app.match(request, true),
    async getStaticPaths() {
      const { app, entry } = ready();
      return new entry.StaticPaths(app).getAll();
    },
    async render(request, { routeData, collectMetadata }) {
      const result = await renderForPrerender(ready().app, request, { routeData, collectMetadata });
      // Astro's app answers a page that throws with its error page, where a build must stop.
      const { status } = result.response;
      if (status >= 300 && !(status === 404 && routeData.route === '/404'))
        throw new Error(`${new URL(request.url).pathname} did not render (status ${status}): see the error above`);
      return result;
    },
  };
}

/** An optimized image a page asked for: the file Astro's build would write for it. */
export interface StaticImage {
  /** The image's address in the site (`/_astro/photo.Ab12_Z1x.webp`). */
  file: string;
}

type ImageTransform = { src: unknown } & Record<string, unknown>;
interface AstroAssetGlobal {
  astroAsset?: {
    addStaticImage?: (options: ImageTransform, hashProperties: string[], originalPath: string) => string;
  };
}

/**
 * Names each optimized image a page asks for as Astro's build names it
 * (`_astro/<name>_<hash>.<format>`, for an image the bundle imports; the
 * site's config has no `base` or `assetsPrefix`), and hands each to
 * `found`. `service` is the image service's entry point, part of the hash.
 */
export function nameStaticImages(found: (image: StaticImage) => void, service = 'astro/assets/services/sharp'): void {
  const host = globalThis as AstroAssetGlobal;
  host.astroAsset ??= {};
  host.astroAsset.addStaticImage = (options, hashProperties) => {
    const { src } = options;
    if (typeof src !== 'object' || src === null || !isESMImportedImage(src as never))
      throw new Error(
        `an image not imported by the site's code (${String(options.src)}) cannot be named outside a build`,
      );
    const hash = hashTransform(options as never, service, hashProperties);
    const file = propsToFilename((src as { src: string }).src, options as never, hash);
    const address = encodeURI(file.startsWith('/') ? file : `/${file}`);
    found({ file: address });
    return address;
  };
}

/** The address Astro's build requests a path at (`build.format: 'directory'`, `trailingSlash: 'always'`). */
export function requestPath(pathname: string, type: PathWithRoute['route']['type']): string {
  const endsInFile = /\.[^/]+$/.test(pathname);
  if (type === 'endpoint' && endsInFile) return pathname;
  return pathname.endsWith('/') ? pathname : `${pathname}/`;
}
