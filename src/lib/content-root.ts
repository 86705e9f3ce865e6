/**
 * Where the Markdown lives. `BROADSIDE_CONTENT` points a build at another
 * folder (a benchmark corpus, a test's broken articles); by default it is
 * the project's own `content/`.
 */
export const contentRoot: string = process.env.BROADSIDE_CONTENT ?? './content';
