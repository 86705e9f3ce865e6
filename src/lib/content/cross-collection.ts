/**
 * The content rules that look across entries (`src/lib/content/rules.ts`),
 * run on what the loaders stored, as lines for the build's report.
 */
import type { DataStore } from 'astro/loaders';
import { authorProblems, type ArticleCredits, type AuthorForRules } from './author-rules';
import { findContentProblems, type ArticleForRules, type LiveBlogForRules } from './rules';

type Stores = Record<string, Pick<DataStore, 'values'>>;

export function crossCollectionProblems(stores: Stores): string[] {
  const entries = <T>(collection: string) => (stores[collection]?.values() ?? []) as unknown as T[];
  return [
    ...findContentProblems(entries<ArticleForRules>('articles'), entries<LiveBlogForRules>('live')),
    ...authorProblems(entries<ArticleCredits>('articles'), entries<AuthorForRules>('authors')),
  ].map(({ file, field, message }) => `${file}: ${field}: ${message}`);
}
