/**
 * Reads the content folder's frontmatter for the sitemap, at config time,
 * when Astro's collections are not loaded yet. It reads leniently: an entry
 * it cannot make sense of is skipped here, and the build itself then stops
 * on it with a proper message.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { site } from '../site.config';
import { isTimeZone, parseTimestamp, type Timestamp } from './dates';
import { sitemapFacts, type SitemapArticle, type SitemapFacts, type SitemapLiveBlog } from './sitemap';

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** Markdown files under `dir`, as ids (path without `.md`). */
function markdownIds(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.md'))
      .map((file) => file.replace(/\.md$/, '').split('\\').join('/'))
      .sort();
  } catch {
    return [];
  }
}

/** Frontmatter as written: YAML's core schema keeps dates as the text the editor wrote. */
function frontmatter(file: string): Record<string, unknown> | undefined {
  try {
    const match = FRONTMATTER.exec(readFileSync(file, 'utf8'));
    const data: unknown = match ? parseYaml(match[1]!, { schema: 'core' }) : undefined;
    return data && typeof data === 'object' ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const texts = (value: unknown) => (Array.isArray(value) ? value.filter((item) => typeof item === 'string') : []);
/** The zone the frontmatter names, the site's when it names none, or undefined when it is not a zone. */
const zone = (value: unknown) => {
  const named = text(value) ?? site.timeZone;
  return isTimeZone(named) ? named : undefined;
};
const timestamp = (value: unknown): Timestamp | undefined => {
  const raw = text(value);
  return raw === undefined ? undefined : parseTimestamp(raw);
};

export function readSitemapFacts(contentRoot: string): SitemapFacts {
  const articles: SitemapArticle[] = [];
  for (const id of markdownIds(join(contentRoot, 'articles'))) {
    const data = frontmatter(join(contentRoot, 'articles', `${id}.md`));
    const published = timestamp(data?.published);
    const section = text(data?.section);
    const timezone = zone(data?.timezone);
    if (!data || data.draft === true || !published || !section || !timezone) continue;
    articles.push({
      id,
      data: {
        section,
        published,
        updated: timestamp(data.updated),
        timezone,
        slug: text(data.slug),
        tags: texts(data.tags),
        redirectFrom: texts(data.redirectFrom),
      },
    });
  }
  const liveBlogs: SitemapLiveBlog[] = [];
  for (const id of markdownIds(join(contentRoot, 'live'))) {
    const data = frontmatter(join(contentRoot, 'live', `${id}.md`));
    const coverageStart = timestamp(data?.coverageStart);
    const section = text(data?.section);
    const timezone = zone(data?.timezone);
    if (!data || data.draft === true || !coverageStart || !section || !timezone) continue;
    const updates = (Array.isArray(data.updates) ? data.updates : [])
      .map((update: unknown) => timestamp((update as Record<string, unknown> | null)?.time))
      .filter((time): time is Timestamp => time !== undefined)
      .map((time) => ({ time }));
    liveBlogs.push({ id, data: { section, timezone, coverageStart, updates } });
  }
  return sitemapFacts(articles, liveBlogs);
}
