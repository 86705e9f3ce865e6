/**
 * Every build renders its pages with a bundle of the pages' code that can be
 * kept and render any path again outside a build.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

type VitePlugin = NonNullable<NonNullable<import('astro').AstroUserConfig['vite']>['plugins']>[number];

const ENTRY = fileURLToPath(new URL('../render/entry.ts', import.meta.url));

/** Astro's environment for the code that renders prerendered pages. */
const PRERENDER_ENVIRONMENT = 'prerender';

/** Where the prerender environment's bundle is written, once Vite has configured it. */
let bundleFolder: string | undefined;
export const renderBundleFolder = (): string => {
  if (!bundleFolder) throw new Error('the prerender environment was never configured');
  return bundleFolder;
};

function entryPlugin(): VitePlugin {
  return {
    name: 'broadside:render-entry',
    configEnvironment(name, config) {
      if (name !== PRERENDER_ENVIRONMENT) return;
      bundleFolder = config.build?.outDir;
      return { build: { rolldownOptions: { input: ENTRY } } };
    },
  };
}

export function renderBundle(): AstroIntegration {
  return {
    name: 'broadside:render-bundle',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command === 'build') updateConfig({ vite: { plugins: [entryPlugin()] } });
      },
      'astro:config:done': ({ setAdapter }) => {
        setAdapter({
          name: 'broadside:render-bundle',
          // Astro's own entry for prerendering is only replaced for an adapter that resolves its entry itself;
          // the option is marked deprecated because that will be the only way in Astro's next major version.
          // eslint-disable-next-line @typescript-eslint/no-deprecated
          entrypointResolution: 'auto',
          adapterFeatures: { buildOutput: 'static' },
          supportedAstroFeatures: { staticOutput: 'stable', sharpImageService: 'stable' },
        });
      },
    },
  };
}
