/**
 * Rules that look at more than one entry at a time: the schema checks each
 * file alone, these check that the files make one coherent site. Each
 * problem names the file and the field, says what is wrong and what would
 * be right.
 */
import { sectionSlugs } from '../site.config';
import type { Timestamp } from './dates';
import { articlePermalink, liveBlogPermalink, sectionPath, tagPath } from './permalinks';

export interface ArticleForRules {
  id: string;
  filePath?: string | undefined;
  data: {
    section: string;
    published: Timestamp;
    timezone: string;
    slug?: string | undefined;
    tags: string[];
    liveUpdates?: { href: string } | undefined;
    redirectFrom: string[];
  };
}

export interface LiveBlogForRules {
  id: string;
  filePath?: string | undefined;
  data: { updates: { id: string; link?: { href: string } | undefined }[] };
}

export interface ContentProblem {
  file: string;
  field: string;
  message: string;
}

function fileOf(entry: { id: string; filePath?: string | undefined }, collection: string): string {
  return entry.filePath ?? `content/${collection}/${entry.id}.md`;
}

function withSlash(path: string): string {
  return path.replace(/[?#].*$/, '').replace(/\/?$/, '/');
}

/** Every page path the build makes, for checking links that editors write. */
export function sitePaths(articles: ArticleForRules[], liveBlogs: LiveBlogForRules[]): Set<string> {
  return new Set([
    '/',
    ...sectionSlugs.map(sectionPath),
    ...articles.map(articlePermalink),
    ...articles.flatMap((article) => article.data.tags.map(tagPath)),
    ...liveBlogs.map((blog) => liveBlogPermalink(blog.id)),
  ]);
}

/** Checks the entries together; an empty list means the site can be built. */
export function findContentProblems(articles: ArticleForRules[], liveBlogs: LiveBlogForRules[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const paths = sitePaths(articles, liveBlogs);

  // Old paths and where they lead, so a link through a redirect is caught too.
  const redirectTargets = new Map<string, string>();
  for (const article of articles) {
    for (const from of article.data.redirectFrom) redirectTargets.set(withSlash(from), articlePermalink(article));
  }

  const checkLink = (file: string, field: string, href: string) => {
    if (!href.startsWith('/')) return;
    const path = href.replace(/[?#].*$/, '');
    if (paths.has(path)) return;
    const target = redirectTargets.get(withSlash(path));
    if (target && !paths.has(withSlash(path))) {
      problems.push({
        file,
        field,
        message: `"${href}" is an old path that redirects to ${target}: link the permalink itself`,
      });
      return;
    }
    const hint = paths.has(withSlash(path))
      ? `did you mean "${withSlash(path)}"? Site paths end with "/"`
      : `no page has that path${liveBlogs.length ? `; live blogs are ${liveBlogs.map((blog) => liveBlogPermalink(blog.id)).join(', ')}` : ''}`;
    problems.push({ file, field, message: `"${href}" leads nowhere: ${hint}` });
  };

  const owners = new Map<string, string>();
  for (const article of articles) {
    const file = fileOf(article, 'articles');
    const permalink = articlePermalink(article);
    const owner = owners.get(permalink);
    if (owner) {
      problems.push({
        file,
        field: 'slug',
        message: `permalink ${permalink} is already taken by ${owner}: give one of them another slug`,
      });
    } else owners.set(permalink, file);
  }

  const redirects = new Map<string, string>();
  for (const article of articles) {
    const file = fileOf(article, 'articles');
    if (article.data.liveUpdates) checkLink(file, 'liveUpdates.href', article.data.liveUpdates.href);
    const permalink = articlePermalink(article);
    article.data.redirectFrom.forEach((from, index) => {
      const field = `redirectFrom.${index}`;
      const targetOwner = owners.get(withSlash(from));
      if (withSlash(from) === permalink) {
        problems.push({
          file,
          field,
          message: `"${from}" is this article's own permalink: a redirect from it would lead back to itself`,
        });
      } else if (targetOwner) {
        // Redirects lead to permalinks, so a redirect from a permalink would chain: old path, then that article, then on.
        problems.push({
          file,
          field,
          message: `"${from}" is the permalink of ${targetOwner}, where redirects lead: a redirect from it would chain; remove it, or give that article another slug`,
        });
      } else if (paths.has(withSlash(from))) {
        problems.push({
          file,
          field,
          message: `"${from}" is the path of a page that exists: a redirect cannot replace it`,
        });
      } else if (redirects.has(withSlash(from))) {
        problems.push({
          file,
          field,
          message: `"${from}" already redirects from ${redirects.get(withSlash(from))}: an old path can lead to one place only`,
        });
      } else redirects.set(withSlash(from), file);
    });
  }

  for (const blog of liveBlogs) {
    const file = fileOf(blog, 'live');
    blog.data.updates.forEach((update, index) => {
      if (update.link) checkLink(file, `updates.${index}.link.href`, update.link.href);
    });
  }
  return problems;
}

/** One message for the build log: every problem, each on its own line. */
export function formatContentProblems(problems: ContentProblem[]): string {
  const lines = problems.map(({ file, field, message }) => `  ${file}: ${field}: ${message}`);
  return `${problems.length} content problem${problems.length === 1 ? '' : 's'} stop the build:\n${lines.join('\n')}`;
}
