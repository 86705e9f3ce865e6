// ESLint for the TypeScript, JavaScript and Astro files: typescript-eslint's
// strict and stylistic type-checked rules everywhere, eslint-plugin-astro's
// recommended rules for components. `npm run check` runs it after
// `astro check`.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    'dist/',
    '.astro/',
    '**/.dist.*',
    'node_modules/',
    'scripts/bare-blog/',
    'tests/fixtures/',
    'test-results/',
    'playwright-report/',
    'reports/',
    'coverage/',
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
    rules: {
      // A number reads the same in a message whatever the locale.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `afterEach(() => rmSync(dir))` says what it does; braces would add nothing.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // The content rules match control characters on purpose (XML forbids them; ANSI colours).
      'no-control-regex': 'off',
      // With noUncheckedIndexedAccess, `!` marks a regex group or index known to exist; a guard would be dead code.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Spreading a string walks its code points, which is what XML and the content rules count.
      '@typescript-eslint/no-misused-spread': 'off',
    },
  },

  {
    // Pages and components (tests may look inside the store).
    files: ['src/**'],
    rules: {
      // An entry's body is kept outside the content store (src/lib/content/body-fs.ts):
      // Astro's render() and `rendered.html` would give an empty body.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'astro:content',
              importNames: ['render'],
              message:
                'Render an entry with renderBody (src/lib/content/render-body.ts): its body is not in the store.',
            },
            {
              name: 'date-fns',
              message:
                "Import each function from its own module ('date-fns/format'): the package's index loads some 800 modules, about 4 s in every build (docs/benchmarks.md).",
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.property.name='rendered'][property.name='html']",
          message: "Read an entry's body with bodyHtml (src/lib/content/body-fs.ts): it is not in the store.",
        },
      ],
    },
  },

  {
    // astro-eslint-parser does not support the project service: it would
    // warn on every file and fall back to `project: true`, so say so here.
    files: ['**/*.astro'],
    languageOptions: {
      parserOptions: {
        projectService: false,
        project: './tsconfig.json',
        extraFileExtensions: ['.astro'],
      },
    },
    rules: {
      // Template elements (`<li>` in a `.map`) have no type outside Astro's language server.
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },

  {
    // createMarkdownProcessor takes plugins only through the options Astro deprecates for its config.
    files: ['tests/unit/image-guard.test.ts', 'tests/unit/markdown-problems.test.ts', 'tests/unit/markdown.test.ts'],
    rules: { '@typescript-eslint/no-deprecated': 'off' },
  },

  {
    // The <script> elements of components, which eslint-plugin-astro lints as
    // virtual `.ts` files no tsconfig can include: browser code, untyped.
    files: ['**/*.astro/*.ts', '**/*.astro/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.browser } },
  },
);
