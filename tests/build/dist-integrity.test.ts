/**
 * A failed build never touches the last good output. A small good site is
 * built and its output snapshotted (every path, every file's bytes); then a
 * build is broken in each of its steps, and after each the output must be
 * the snapshot, byte for byte, in the very same folder, with the failing
 * step named in the build's last line and no staging folder left beside it.
 * Then a good build replaces it.
 *
 * Each step is broken by a real cause where content can cause it; where it
 * cannot, the narrowest real cause outside the code is used, and the case
 * says which.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, project } from './build-site';
import { astroLockFile } from '../../scripts/staged-output';

const work = mkdtempSync(join(tmpdir(), 'broadside-dist-integrity-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const content = join(work, 'content');
/** The output's own parent, so that anything a build leaves beside it shows. */
const parent = join(work, 'out');
const outDir = join(parent, 'dist');

/** Every path under `dir` (folders end with `/`), and for each file the SHA-256 of its bytes. */
function snapshot(dir: string): Map<string, string> {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  const files = new Map<string, string>();
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name).slice(dir.length + 1);
    if (entry.isDirectory()) files.set(`${path}/`, 'folder');
    else
      files.set(
        path,
        createHash('sha256')
          .update(readFileSync(join(dir, path)))
          .digest('hex'),
      );
  }
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}

/** Writes `text` to `path` in the content folder; the returned function takes it away again. */
function addContent(path: string, text: string): () => void {
  const file = join(content, path);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
  return () => rmSync(file);
}

const article = (fields: string, body = 'Text.') =>
  `---\n${fields.trim()}\nsection: world\npublished: 2022-05-23\n---\n\n${body}\n`;

/** The last line the build printed: the one that must say what happened. */
const lastLine = (output: string) => output.trimEnd().split('\n').at(-1) ?? '';

interface BrokenBuild {
  /** What goes wrong, and whether the cause is content or (where content cannot) something else real. */
  name: string;
  /** Breaks the next build; returns how to undo it. */
  breakBuild: () => () => void;
  /** What the failing step itself printed. */
  cause: RegExp;
  /** The build's own last line. */
  verdict: RegExp;
  /** Whether `npm run publish` meets the same failure (not so for code: a changed code builds the whole site). */
  publishToo?: true;
  /** How a publish ends, when not as the whole build does. */
  publishVerdict?: RegExp;
}

const astroFailed = /^Build failed: Astro exited with status 1; .*dist\/ was left as it was\.$/;
/** A publish of content alone syncs and renders it without Astro's build (scripts/publish-pages.ts). */
const renderFailed = /^Build failed: render exited with status 1; .*dist\/ was left as it was\.$/;

/** The project the next build runs in: this one, or a copy with a bug in it. */
let projectForNextBuild = project;

/**
 * Makes the next build run in a copy of the project in which `file` has
 * `find` replaced by `replace`: a bug of the site's own code, for the steps
 * that content can no longer break. Returns how to undo it.
 */
function projectWithBug(file: string, find: string, replace: string): () => void {
  const copy = join(work, 'buggy-project');
  for (const path of ['src', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(join(project, path), join(copy, path), { recursive: true });
  }
  symlinkSync(join(project, 'node_modules'), join(copy, 'node_modules'));
  const code = readFileSync(join(copy, file), 'utf8');
  expect(code).toContain(find);
  writeFileSync(join(copy, file), code.replace(find, replace));
  projectForNextBuild = copy;
  return () => {
    projectForNextBuild = project;
    rmSync(copy, { recursive: true });
  };
}

const brokenBuilds: BrokenBuild[] = [
  {
    name: 'a schema error (content: an article with no title)',
    publishToo: true,
    breakBuild: () => addContent('articles/2022/untitled.md', article('standfirst: No headline.')),
    cause: /articles\/2022\/untitled\.md[\s\S]*title: is required/,
    verdict: astroFailed,
    publishVerdict: renderFailed,
  },
  {
    name: 'a cross-article rule (content: two articles on one permalink)',
    publishToo: true,
    breakBuild: () => {
      const undoFirst = addContent('articles/2022/good.md', article('title: One\nstandfirst: First.'));
      const undoSecond = addContent('articles/2022/copy.md', article('title: Two\nstandfirst: Second.\nslug: good'));
      return () => {
        undoFirst();
        undoSecond();
      };
    },
    cause: /permalink \/world\/2022\/05\/23\/good\/ is already taken/,
    verdict: astroFailed,
    publishVerdict: renderFailed,
  },
  {
    name: 'a Markdown render error (content: an unknown directive)',
    publishToo: true,
    breakBuild: () =>
      addContent('articles/2022/sidebar.md', article('title: Boxed\nstandfirst: Aside.', ':::sidebar\nAside.\n:::')),
    cause: /unknown directive ":::sidebar"/,
    verdict: astroFailed,
    publishVerdict: renderFailed,
  },
  {
    // The content checks leave no content that makes a page throw, so this
    // case builds a copy of the project with a bug in the article page.
    name: 'a page that throws at render time (code: a copy of the project whose article page throws)',
    breakBuild: () =>
      projectWithBug(
        'src/pages/[section]/[year]/[month]/[day]/[slug].astro',
        'const { article, authors } = Astro.props;',
        "const { article, authors } = Astro.props;\nthrow new Error('a bug in the article page');",
      ),
    cause: /a bug in the article page/,
    verdict: astroFailed,
  },
  {
    // No content can make an integration fail. The share-card cache's
    // pruning, in astro:build:done, after every page is written (where a
    // build in place used to leave pages without sitemap or search), fails
    // on a folder it finds in the cache and cannot unlink: a real failure
    // of a real integration, caused on disk, not in code.
    name: 'an integration failing after every page was written (disk: a folder in the share-card cache)',
    breakBuild: () => {
      const stray = join(content, '.astro-cache', 'broadside-cards', 'stray-folder');
      mkdirSync(stray, { recursive: true });
      utimesSync(stray, new Date('2020-01-01'), new Date('2020-01-01'));
      return () => rmSync(stray, { recursive: true });
    },
    cause: /astro:build:done[\s\S]*EISDIR/,
    verdict: astroFailed,
  },
  {
    // No content can make Pagefind fail. PAGEFIND_BINARY_PATH is Pagefind's
    // own setting (read by its Node package, not by the build script): a
    // program that exits at once is Pagefind dying under the build. With the
    // search index's cache emptied, a build indexes every part; a new article
    // has a publish index its part, so Pagefind runs.
    name: 'a Pagefind failure (environment: PAGEFIND_BINARY_PATH naming a program that exits at once)',
    publishToo: true,
    breakBuild: () => {
      rmSync(join(content, '.astro-cache', 'broadside-search'), { recursive: true, force: true });
      const undoArticle = addContent('articles/2022/indexed.md', article('title: Indexed\nstandfirst: New.'));
      process.env.PAGEFIND_BINARY_PATH = '/bin/false';
      return () => {
        delete process.env.PAGEFIND_BINARY_PATH;
        undoArticle();
      };
    },
    cause: /The search index could not be written: Pagefind exited with status 1 while indexing part 2022-05-23/,
    verdict: /^Build failed: Pagefind exited with status 1; .*dist\/ was left as it was\.$/,
  },
  {
    // Builds of one project for different targets share Astro's files in its .astro/ folder: a second one
    // must not run Astro while the first does. The lock is held here by the test's own process, which runs.
    name: "another build of the project running Astro's build (a lock held by a running process)",
    breakBuild: () => {
      mkdirSync(join(project, '.astro'), { recursive: true });
      writeFileSync(astroLockFile(project), String(process.pid));
      return () => rmSync(astroLockFile(project), { force: true });
    },
    cause: /another build of .* is running Astro's build \(process \d+; its lock is .*build\.lock\)/,
    verdict: /^Build failed: another build of .* is running Astro's build .*; .*dist\/ was left as it was\.$/,
  },
  {
    // No content can make the output malformed any more: the loader refuses
    // every character XML forbids. The checks stand behind the site's own
    // code, so this case builds a copy of the project with a bug in it: the
    // feed route writes a vertical tab after each standfirst.
    name: 'a failed check (code: a copy of the project whose feed route writes a control character)',
    breakBuild: () =>
      projectWithBug(
        'src/lib/metadata/articles-feed.ts',
        'description: standfirst,',
        'description: `${standfirst}\\v`,',
      ),
    cause: /feed\.xml: not well-formed XML: line \d+, column \d+: disallowed character/,
    verdict: /^Build failed: 1 output check\(s\) failed \(listed above\); .*dist\/ was left as it was\.$/,
  },
];

/** Kills the Astro process of the running build as soon as it has written into its staging folder. */
async function killAstroMidBuild(): Promise<{ status: number | null; output: string }> {
  const build = spawn('npm', ['run', 'build', '--', '--outDir', outDir], {
    cwd: project,
    env: { ...process.env, BROADSIDE_CONTENT: content, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
  });
  let output = '';
  build.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  build.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const ended = new Promise<number | null>((resolve) => build.on('close', resolve));
  const killer = setInterval(() => {
    const staging = readdirSync(parent).find((name) => name === '.dist.staging');
    if (!staging || readdirSync(join(parent, staging)).length === 0) return;
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      let args: string;
      try {
        args = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      } catch {
        continue;
      }
      if (args.includes('astro') && args.includes(join(parent, staging))) {
        process.kill(Number(pid), 'SIGKILL');
        clearInterval(killer);
      }
    }
  }, 50);
  const status = await ended;
  clearInterval(killer);
  return { status, output: output.replace(/\x1b\[[0-9;]*m/g, '') };
}

describe('a failed build', { timeout: 240_000 }, () => {
  let lastGood: Map<string, string>;
  let lastGoodFolder: number;

  beforeAll(() => {
    cpSync(join(project, 'content'), content, { recursive: true });
    const { status, output } = buildSite(content, outDir);
    expect(status, output).toBe(0);
    lastGood = snapshot(outDir);
    lastGoodFolder = statSync(outDir).ino;
  }, 240_000);

  /** The output is the last good build, in the same folder, with nothing beside it. */
  function expectLastGoodBuild() {
    expect(readdirSync(parent), 'nothing is left beside the output').toEqual(['dist']);
    expect(statSync(outDir).ino, 'the output folder is the same folder').toBe(lastGoodFolder);
    expect(snapshot(outDir)).toEqual(lastGood);
  }

  it('starts from a good build with every file a site must have', () => {
    for (const path of ['index.html', '404.html', 'feed.xml', 'sitemap-index.xml', 'robots.txt', 'pagefind/'])
      expect(lastGood.has(path), path).toBe(true);
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  it.each(brokenBuilds)('leaves it byte for byte as it was after $name', ({ breakBuild, cause, verdict }) => {
    const undo = breakBuild();
    let result: ReturnType<typeof buildSite>;
    try {
      result = buildSite(content, outDir, projectForNextBuild);
    } finally {
      undo();
    }
    expect(result.status, result.output).not.toBe(0);
    expect(result.output).toMatch(cause);
    expect(lastLine(result.output)).toMatch(verdict);
    expectLastGoodBuild();
  });

  it.each(brokenBuilds.filter(({ publishToo }) => publishToo))(
    'leaves it byte for byte as it was after a publish with $name',
    ({ breakBuild, cause, verdict, publishVerdict }) => {
      const undo = breakBuild();
      let result: ReturnType<typeof buildSite>;
      try {
        result = buildSite(content, outDir, project, {}, 'publish');
      } finally {
        undo();
      }
      expect(result.status, result.output).not.toBe(0);
      // A publish, not a whole build: the last good build recorded its pages.
      expect(result.output).toMatch(/^Publish: rendering only what changed in .*dist\/\.$/m);
      expect(result.output).toMatch(cause);
      expect(lastLine(result.output)).toMatch(publishVerdict ?? verdict);
      expectLastGoodBuild();
    },
  );

  it('leaves it as it was when Astro is killed mid-build, as the out-of-memory killer does', async () => {
    const { status, output } = await killAstroMidBuild();
    expect(status, output).toBe(137);
    expect(lastLine(output)).toMatch(/^Build failed: Astro was killed by SIGKILL .*; .*dist\/ was left as it was\.$/);
    expectLastGoodBuild();
  });

  it('is followed by a good build that replaces it whole, and keeps the old one aside for the next build to delete', () => {
    // What the build before last replaced, still waiting: this build deletes it while Astro runs.
    mkdirSync(join(parent, '.dist.discarded', 'world'), { recursive: true });
    writeFileSync(join(parent, '.dist.discarded', 'world', 'index.html'), 'the build before last');
    const undo = addContent('articles/2022/later.md', article('title: Later\nstandfirst: A new story.'));
    try {
      const { status, output } = buildSite(content, outDir);
      expect(status, output).toBe(0);
      expect(lastLine(output)).toMatch(/^Build succeeded: .*dist\/ now holds the new site\.$/);
      // Where the time went, step by step, in the order they ran.
      expect(output).toMatch(
        /^Took \d+\.\d s: Astro \d+\.\d s, Pagefind \d+\.\d s, checks \d+\.\d s, swap \d+\.\d s\.$/m,
      );
    } finally {
      undo();
    }
    expect(existsSync(join(outDir, 'world/2022/05/23/later/index.html'))).toBe(true);
    expect(snapshot(outDir)).not.toEqual(lastGood);
    expect(readdirSync(parent)).toEqual(['.dist.discarded', 'dist']);
    expect(snapshot(join(parent, '.dist.discarded'))).toEqual(lastGood);
  });
});
