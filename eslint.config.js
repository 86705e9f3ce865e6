// ESLint for the TypeScript, JavaScript and Astro files: typescript-eslint's
// strict and stylistic type-checked rules everywhere, eslint-plugin-astro's
// recommended rules for components. `npm run check` runs it after
// `astro check`.
import js from "@eslint/js";
import astro from "eslint-plugin-astro";
import { defineConfig, globalIgnores } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  globalIgnores([
    "dist/",
    ".astro/",
    "**/.dist.*",
    "node_modules/",
    "scripts/bare-blog/",
    "tests/fixtures/",
    "test-results/",
    "playwright-report/",
    "reports/",
    "coverage/",
  ]),

  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  astro.configs.recommended,

  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },

  {
    // astro-eslint-parser does not support the project service: it would
    // warn on every file and fall back to `project: true`, so say so here.
    files: ["**/*.astro"],
    languageOptions: {
      parserOptions: {
        projectService: false,
        project: "./tsconfig.json",
        extraFileExtensions: [".astro"],
      },
    },
  },

  {
    // The <script> elements of components, which eslint-plugin-astro lints as
    // virtual `.ts` files no tsconfig can include: browser code, untyped.
    files: ["**/*.astro/*.ts", "**/*.astro/*.js"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.browser } },
  },
);
