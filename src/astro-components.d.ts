// Plain TypeScript (tsc, ESLint's type checker) cannot read `.astro` files, so
// an import of a component would have no type. Astro's own checker resolves
// the real file first and never falls back to this declaration.
declare module '*.astro' {
  const Component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default Component;
}
