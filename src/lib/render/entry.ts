/**
 * The pages' code as a module that renders any path: built by every build
 * in Astro's prerender environment, used by that build to render its pages,
 * and kept for rendering them again outside a build (./bundle.ts), with the
 * content sync of a publish (./content-sync.ts), bundled here so that a
 * publish loads the site's modules as plain JavaScript.
 */
export { createApp } from 'astro/app/entrypoint';
export { StaticPaths } from 'astro:static-paths';
export { syncContent } from './content-sync';
