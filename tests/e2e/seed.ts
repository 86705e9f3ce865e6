/** The seed article as the newsroom filed it, and where the site publishes it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { smartPunctuation } from '../../src/lib/markdown/remark-smart-punctuation';

export const articlePath = '/world/2022/05/23/russian-diplomat-un-resigns/';
export const liveBlogPath = '/live/russia-ukraine/';

const seed = readFileSync(join(import.meta.dirname, '../fixtures/seed/bondarev-resignation.txt'), 'utf8');

/** Every non-empty line of the seed: headline, standfirst, caption, notices, paragraphs, the update line. */
export const seedLines = seed
  .split('\n')
  .map((line) => line.trim())
  .filter(Boolean);

/** The seed's headline as the site sets it: with the body's typography (‘warmongering’). */
export const seedHeadline = smartPunctuation(seedLines[0]!);

/** Folds quote marks and white space so typography does not count as a difference. */
export function normalise(text: string): string {
  return text.replace(/[‘’']/g, "'").replace(/[“”"]/g, '"').replace(/\s+/g, ' ').trim();
}
