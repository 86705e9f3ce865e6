// Stylelint holds the house rule that only logical properties, values and
// units are used (`margin-inline`, never `left`), so right-to-left pages lay
// out mirrored with no extra CSS. `npm run check` runs it.
export default {
  plugins: ['stylelint-plugin-logical-css'],
  overrides: [{ files: ['**/*.astro'], customSyntax: 'postcss-html' }],
  ignoreFiles: [
    'dist/**',
    '.astro/**',
    '**/.dist.*/**',
    'node_modules/**',
    'scripts/bare-blog/**',
    'tests/fixtures/**',
  ],
  rules: {
    'logical-css/require-logical-properties': true,
    'logical-css/require-logical-keywords': true,
    'logical-css/require-logical-units': true,
  },
};
