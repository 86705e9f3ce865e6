/**
 * The pages' code as a module that renders any path: built by every build
 * in Astro's prerender environment, used by that build to render its pages,
 * and kept for rendering them again outside a build (./bundle.ts).
 */
export { createApp } from 'astro/app/entrypoint';
export { StaticPaths } from 'astro:static-paths';
