/**
 * The content rules that look across entries (`src/lib/content/rules.ts`),
 * run on what the loaders stored, as lines for the build's report.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DataStore } from 'astro/loaders';
import { contentRoot } from './root';
import { authorProblems, type ArticleCredits, type AuthorForRules } from './author-rules';
import { findContentProblems, type ArticleForRules, type LiveBlogForRules, type LiveUpdateForRules } from './rules';

type Stores = Record<string, Pick<DataStore, 'values'>>;

export function crossCollectionProblems(stores: Stores): string[] {
  const entries = <T>(collection: string) => (stores[collection]?.values() ?? []) as unknown as T[];
  return [
    ...findContentProblems({
      articles: entries<ArticleForRules>('articles'),
      liveBlogs: entries<LiveBlogForRules>('live'),
      liveUpdates: entries<LiveUpdateForRules>('liveUpdates'),
      blogFileExists: (blogId) => existsSync(join(contentRoot, 'live', blogId, 'index.md')),
    }),
    ...authorProblems(
      [...entries<ArticleCredits>('articles'), ...entries<ArticleCredits>('liveUpdates')],
      entries<AuthorForRules>('authors'),
    ),
  ].map(({ file, field, message }) => `${file}: ${field}: ${message}`);
}
