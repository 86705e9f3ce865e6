/**
 * A synthetic newsroom archive for benchmarks and scale tests: N articles of
 * about 700 words with headings, a pull quote, tags, several sections and
 * time zones, plus the site's own content (so its links hold). The same N
 * always gives the same corpus.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SECTIONS = ['world', 'business', 'climate'];
const ZONES = ['Asia/Dubai', 'Europe/London', 'America/New_York', 'Asia/Tokyo', 'Australia/Sydney'];
const TAGS = Array.from({ length: 40 }, (_, index) => `topic-${index + 1}`);
const WORDS = (
  'the minister said talks would resume next week after a late session in which delegates ' +
  'argued over the wording of a joint statement on trade energy prices and the future of ' +
  'regional security while officials in the capital warned that markets remained fragile ' +
  'and analysts expected further volatility as investors weighed fresh data on inflation ' +
  'growth and employment across the largest economies'
).split(' ');

/** A small deterministic generator, so every run writes the same corpus. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function sentence(next: () => number, length = 12 + Math.floor(next() * 14)): string {
  const words = Array.from({ length }, () => WORDS[Math.floor(next() * WORDS.length)]!);
  const text = words.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function paragraph(next: () => number): string {
  return Array.from({ length: 3 + Math.floor(next() * 3) }, () => sentence(next)).join(' ');
}

/** The Markdown of synthetic article `index`. */
export function syntheticArticle(index: number): { path: string; markdown: string } {
  const next = random(index + 1);
  const year = 2019 + (index % 7);
  const month = String(1 + Math.floor(next() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(next() * 28)).padStart(2, '0');
  const hour = String(Math.floor(next() * 24)).padStart(2, '0');
  const dateOnly = index % 5 === 0;
  const published = dateOnly ? `${year}-${month}-${day}` : `${year}-${month}-${day}T${hour}:15:00+00:00`;
  const tags = [TAGS[index % TAGS.length]!, TAGS[(index * 7 + 3) % TAGS.length]!];
  const quote = sentence(next, 10);
  const body: string[] = [paragraph(next), `${quote} ${paragraph(next)}`];
  body.push(`:::pullquote{cite="A spokesperson"}\n${quote}\n:::`);
  for (let section = 1; section <= 3; section++) {
    body.push(`## Part ${section}: ${sentence(next, 4).slice(0, -1)}`);
    for (let p = 0; p < 3; p++) body.push(paragraph(next));
  }
  const markdown = `---
title: "Synthetic report ${index}: ${sentence(next, 7).slice(0, -1)}"
standfirst: ${sentence(next, 18)}
section: ${SECTIONS[index % SECTIONS.length]}
published: ${published}
timezone: ${ZONES[index % ZONES.length]}
tags: [${tags.join(', ')}]
---

${body.join('\n\n')}
`;
  return { path: `articles/${year}/synthetic-${index}.md`, markdown };
}

/** Writes the site's own content and `count` synthetic articles into `dir`. */
export function writeCorpus(dir: string, count: number): void {
  cpSync('content', dir, { recursive: true });
  for (let index = 0; index < count; index++) {
    const { path, markdown } = syntheticArticle(index);
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), markdown);
  }
}
