/**
 * Rules that look at more than one entry at a time: the schema checks each
 * file alone, these check that the files make one coherent site. Each
 * problem names the file and the field, says what is wrong and what would
 * be right.
 */
import { reservedPathSegments, sectionSlugs, site } from '../../site.config';
import { editionIn, sameLanguage } from './editions';
import type { Timestamp } from '../time/dates';
import { laterPagesFolder } from '../routes/pagination';
import {
  articlePermalink,
  linkPath,
  liveBlogPermalink,
  liveUpdatePermalink,
  sectionPath,
  tagPath,
} from '../routes/permalinks';
import { blogOfUpdate, updateAnchorId } from './live-files';
import { redirectPathProblem } from '../routes/redirects';

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
    /** BCP 47; the site's language when absent. */
    lang?: string | undefined;
    /** Other language editions: language tag to permalink. */
    editions?: Readonly<Record<string, string>> | undefined;
  };
}

export interface LiveBlogForRules {
  id: string;
  filePath?: string | undefined;
  data: { coverageStart: Timestamp; coverageEnd?: Timestamp | undefined };
}

export interface LiveUpdateForRules {
  /** `<blog>/<file name>`. */
  id: string;
  filePath?: string | undefined;
  data: { id?: string | undefined; time: Timestamp; pinned: boolean };
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
  return linkPath(path).replace(/\/?$/, '/');
}

/** Every page path the build makes, for checking links that editors write. */
export function sitePaths(
  articles: ArticleForRules[],
  liveBlogs: LiveBlogForRules[],
  liveUpdates: LiveUpdateForRules[] = [],
): Set<string> {
  return new Set([
    '/',
    ...sectionSlugs.map(sectionPath),
    ...articles.map(articlePermalink),
    ...articles.flatMap((article) => article.data.tags.map(tagPath)),
    ...liveBlogs.map((blog) => liveBlogPermalink(blog.id)),
    ...liveUpdates.map((update) => liveUpdatePermalink(blogOfUpdate(update.id), updateAnchorId(update))),
  ]);
}

/**
 * A path as old paths are compared: ending in "/", and in lower case, since
 * hosts such as Netlify and the file systems of macOS and Windows take
 * "/World/" and "/world/" for one path.
 */
function comparablePath(path: string): string {
  return path.replace(/\/?$/, '/').toLowerCase();
}

/** Why a comparison in lower case matched a path written otherwise, for a message. */
function caseNote(written: string, found: string): string {
  return written.replace(/\/?$/, '/') === found.replace(/\/?$/, '/')
    ? ''
    : ` (${found}: hosts such as Netlify do not tell upper from lower case)`;
}

/**
 * A check of old paths against everything the build serves, given the
 * site's page paths (`sitePaths`): it answers with what is there, as a
 * message, or undefined when a redirect may claim the path. The build's are
 * its pages and everything under them, except under the front page and the
 * sections, whose folders hold the permalinks and so the old permalinks
 * that redirects are for; there only the folder of a list's further pages
 * is the build's (`/world/page/`). So is everything under a top-level name
 * the site keeps: a folder in `reservedPathSegments` or a name starting
 * with "_" (`/_astro/`, `/_redirects`, `/_headers`). Files need no rule
 * here: a clean path has no dot, and every file the build writes (feeds,
 * sitemaps, `robots.txt`, `public/`) has one. Paths are compared in lower
 * case. `path` must be clean (`redirectPathProblem`).
 */
function builtPathCheck(pages: ReadonlySet<string>): (path: string) => string | undefined {
  const lists = new Set(['/', ...sectionSlugs.map(sectionPath)]);
  const pageByKey = new Map<string, string>();
  for (const page of pages) pageByKey.set(comparablePath(page), page);
  const listFolders = new Map(
    [...lists].map((list) => [comparablePath(laterPagesFolder(list)), laterPagesFolder(list)]),
  );
  /** Why a path in the folder `key` is the build's: a list's further pages are there, or a page other than a list. */
  const owned = (key: string): string | undefined => {
    const listFolder = listFolders.get(key);
    if (listFolder)
      return `is under ${listFolder}, where the build serves a list's further pages: a redirect cannot take a path there; remove it`;
    const page = pageByKey.get(key);
    if (page && !lists.has(page))
      return `is under ${page}, a page that exists: a redirect cannot go inside a page's folder; remove it`;
    return undefined;
  };
  const reserved = new Set<string>(reservedPathSegments);

  return (path) => {
    const key = comparablePath(path);
    const page = pageByKey.get(key);
    if (page) return `is the path of a page that exists${caseNote(path, page)}: a redirect cannot replace it`;

    const names = key.slice(1, -1).split('/');
    const top = names[0]!;
    if (reserved.has(top)) {
      return `is ${names.length > 1 ? 'under ' : ''}/${top}/, which the build serves itself: a redirect cannot take a path there; remove it`;
    }
    if (top.startsWith('_')) {
      return `starts with "${top}": names starting with "_" at the top of the site are the build's and the host's (/_astro/, /_redirects, /_headers); remove it`;
    }
    for (let depth = 1; depth < names.length; depth += 1) {
      const why = owned(`/${names.slice(0, depth).join('/')}/`);
      if (why) return why;
    }
    return undefined;
  };
}

/**
 * Language editions: each must be another article's permalink, in the
 * language it is listed under, and that article must list this one back in
 * this one's language, so a reader can go either way and the two pages'
 * `hreflang` links agree (search engines ignore a one-way pair). A one-way
 * edition names both files.
 */
function editionProblems(articles: ArticleForRules[], redirectTargets: ReadonlyMap<string, string>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  let byPermalink: Map<string, ArticleForRules> | undefined;
  for (const article of articles) {
    const editions = Object.entries(article.data.editions ?? {});
    if (editions.length === 0) continue;
    byPermalink ??= new Map(articles.map((other) => [articlePermalink(other), other]));
    const file = fileOf(article, 'articles');
    const permalink = articlePermalink(article);
    const lang = article.data.lang ?? site.lang;
    for (const [tag, path] of editions) {
      const refuse = (message: string) =>
        problems.push({ file, field: `editions.${tag}`, message: `"${path}" ${message}` });
      const edition = byPermalink.get(path);
      if (!edition) {
        const target = redirectTargets.get(withSlash(path));
        refuse(
          target
            ? `is an old path that redirects to ${target}: give the edition's permalink itself`
            : `is no article's permalink: give the permalink of the ${tag} edition, e.g. /world/2023/11/06/slug/`,
        );
        continue;
      }
      const editionFile = fileOf(edition, 'articles');
      if (edition === article) {
        refuse(`is this article's own permalink: an edition is another article, in another language`);
        continue;
      }
      const editionLang = edition.data.lang ?? site.lang;
      if (!sameLanguage(editionLang, tag)) {
        refuse(
          `is ${editionFile}, which is in ${editionLang} (its \`lang\`), not ${tag}: list it under ${editionLang}, or correct its \`lang\``,
        );
        continue;
      }
      const back = editionIn(edition.data.editions ?? {}, lang);
      if (back !== permalink) {
        refuse(
          `is ${editionFile}, which does not name this article back${back ? ` (its ${lang} edition is ${back})` : ''}: add \`${lang}: ${permalink}\` to its \`editions\`, so each edition leads to the other`,
        );
      }
    }
  }
  return problems;
}

/** The entries of a content sync, for the rules that look across them. */
export interface EntriesForRules {
  articles: ArticleForRules[];
  liveBlogs: LiveBlogForRules[];
  liveUpdates: LiveUpdateForRules[];
  /** Whether a blog's `index.md` exists at all: the blog of a stored update may be a draft. */
  blogFileExists: (blogId: string) => boolean;
}

/** Checks the entries together; an empty list means the site can be built. */
export function findContentProblems({
  articles,
  liveBlogs,
  liveUpdates,
  blogFileExists,
}: EntriesForRules): ContentProblem[] {
  const problems: ContentProblem[] = [];
  // Every page's path, worked out for the first link or old path to check against it.
  let sitePathSet: Set<string> | undefined;
  const paths = () => (sitePathSet ??= sitePaths(articles, liveBlogs, liveUpdates));

  // Old paths and where they lead, so a link through a redirect is caught too.
  const redirectTargets = new Map<string, string>();
  for (const article of articles) {
    for (const from of article.data.redirectFrom) redirectTargets.set(withSlash(from), articlePermalink(article));
  }

  const checkLink = (file: string, field: string, href: string) => {
    if (!href.startsWith('/')) return;
    const path = linkPath(href);
    if (paths().has(path)) return;
    const target = redirectTargets.get(withSlash(path));
    if (target && !paths().has(withSlash(path))) {
      problems.push({
        file,
        field,
        message: `"${href}" is an old path that redirects to ${target}: link the permalink itself`,
      });
      return;
    }
    const hint = paths().has(withSlash(path))
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

  // Permalinks and old paths as they are compared: in lower case, ending in "/"; worked out for the first old path.
  let ownersByKey: Map<string, { permalink: string; file: string }> | undefined;
  let builtPathProblem: ((path: string) => string | undefined) | undefined;
  const redirects = new Map<string, { from: string; file: string }>();
  for (const article of articles) {
    const file = fileOf(article, 'articles');
    if (article.data.liveUpdates) checkLink(file, 'liveUpdates.href', article.data.liveUpdates.href);
    const permalink = articlePermalink(article);
    article.data.redirectFrom.forEach((from, index) => {
      const field = `redirectFrom.${index}`;
      const refuse = (message: string): void => {
        problems.push({ file, field, message: `"${from}" ${message}` });
      };
      const key = comparablePath(from);
      const unclean = redirectPathProblem(from);
      if (unclean) {
        refuse(unclean);
        return;
      }
      ownersByKey ??= new Map(
        [...owners].map(([owned, owner]) => [comparablePath(owned), { permalink: owned, file: owner }]),
      );
      const target = ownersByKey.get(key);
      if (key === comparablePath(permalink)) {
        refuse(`is this article's own permalink: a redirect from it would lead back to itself`);
        return;
      }
      if (target) {
        // Redirects lead to permalinks, so a redirect from a permalink would chain: old path, then that article, then on.
        refuse(
          `is the permalink of ${target.file}${caseNote(from, target.permalink)}, where redirects lead: a redirect from it would chain; remove it, or give that article another slug`,
        );
        return;
      }
      builtPathProblem ??= builtPathCheck(paths());
      const built = builtPathProblem(from);
      if (built) {
        refuse(built);
        return;
      }
      const earlier = redirects.get(key);
      if (earlier) {
        refuse(
          `already redirects from ${earlier.file}${caseNote(from, earlier.from)}: an old path can lead to one place only`,
        );
        return;
      }
      redirects.set(key, { from, file });
    });
  }

  problems.push(...editionProblems(articles, redirectTargets));
  problems.push(...liveUpdateProblems(liveBlogs, liveUpdates, blogFileExists));
  return problems;
}

/**
 * Updates against their blog and each other: the blog exists, an anchor is
 * one update's only, one pinned update at most, and every update falls
 * within the blog's coverage.
 */
function liveUpdateProblems(
  liveBlogs: LiveBlogForRules[],
  liveUpdates: LiveUpdateForRules[],
  blogFileExists: (blogId: string) => boolean,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const blogs = new Map(liveBlogs.map((blog) => [blog.id, blog]));
  const anchors = new Map<string, string>();
  const pinned = new Map<string, string>();
  for (const update of [...liveUpdates].sort((a, b) => a.id.localeCompare(b.id))) {
    const file = fileOf(update, 'live');
    const blogId = blogOfUpdate(update.id);
    const blog = blogs.get(blogId);
    if (!blog) {
      // A draft blog's updates wait with it; a refused blog is reported on its own.
      if (!blogFileExists(blogId)) {
        problems.push({
          file,
          field: 'file',
          message: `belongs to no live blog: content/live/${blogId}/index.md does not exist; create it, or move the update into its blog's updates/ folder`,
        });
      }
      continue;
    }
    const anchor = `${blogId}#${updateAnchorId(update)}`;
    const owner = anchors.get(anchor);
    if (owner) {
      problems.push({
        file,
        field: 'id',
        message: `"${updateAnchorId(update)}" is already the id of ${owner}; each update of a blog needs its own id (the file name, unless id: is set)`,
      });
    } else anchors.set(anchor, file);
    if (update.data.pinned) {
      const other = pinned.get(blogId);
      if (other) {
        problems.push({
          file,
          field: 'pinned',
          message: `${other} is already pinned: a blog pins one update at most; unpin one of them`,
        });
      } else pinned.set(blogId, file);
    }
    const time = update.data.time;
    if (time.kind === 'datetime' && blog.data.coverageStart.kind === 'datetime') {
      if (time.instant < blog.data.coverageStart.instant) {
        problems.push({ file, field: 'time', message: `is before the blog's coverageStart (${fileOf(blog, 'live')})` });
      }
      const end = blog.data.coverageEnd;
      if (end?.kind === 'datetime' && time.instant > end.instant) {
        problems.push({
          file,
          field: 'time',
          message: `is after the blog's coverageEnd (${fileOf(blog, 'live')}): the blog is closed; remove coverageEnd to reopen it`,
        });
      }
    }
  }
  return problems;
}
