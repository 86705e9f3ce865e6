/**
 * The publishing service renders the site again and again in one process
 * (scripts/publish-service.ts), so what a module of the site remembers at
 * its top level outlives a render: a memo of the content or of the clock
 * would show the last render's news. Each such piece of state is listed
 * here with why it is safe, and the content's own are reset for every
 * render (`forgetContent` in src/lib/render/entry.ts). A new one fails this
 * test until it is added, with its reason, and reset if it must be.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const project = join(import.meta.dirname, '../..');

/** Module-level state of the site's code, by file and name, and why it may outlive a render. */
const KNOWN: Record<string, string> = {
  'src/lib/content/articles.ts builtAt': 'reset by forgetSite, for every render',
  'src/lib/content/articles.ts site': 'reset by forgetSite, for every render',
  'src/lib/content/authors.ts authors': 'reset by forgetAuthors, for every render',
  'src/lib/schemas/article.ts fields': "the schema's fields, made from code alone",
  'src/lib/share-card/draw-fs.ts fonts': "the project's font files, not content",
  'src/lib/share-card/draw-fs.ts fontsDigest': "the project's font files, not content",
  'src/lib/integrations/render-bundle.ts bundleFolder': "Astro's build configuration, not used when rendering",
  'src/lib/reading/text-direction.ts directions': 'keyed by the language asked about',
  'src/lib/reading/reading-time.ts segmenters': 'keyed by the language asked about',
  'src/lib/time/age.ts formats': 'keyed by the language and zone asked about',
  'src/lib/time/dates.ts knownZone': 'keyed by the zone asked about',
  'src/lib/time/dates.ts keptTimes': 'keyed by the timestamp and zone asked about',
  'src/lib/time/dates.ts clockFormats': 'keyed by the zone asked about',
  'src/lib/time/dates.ts zoneNameFormat': 'keyed by the zone asked about',
  'src/lib/routes/permalinks.ts articlePermalink': "keyed by an entry's data, which is never changed once read",
  'src/pages/cards/[...slug].png.ts articleKeyedCard': "keyed by an entry's data, which is never changed once read",
  'src/lib/file-memo.ts held':
    "what a memo's or record's file holds, kept with the file's signature; no build writes into such a file in place",
  'src/lib/file-memo.ts heldSignature': 'the signature each such file had when it was last read or written',
  'src/lib/routes/listings.ts listingKeys':
    'keyed by the address of a list page, and given back only for the same heading, place and articles',
  'src/lib/routes/sitemap.ts articleEntry': "keyed by an entry's data, which is never changed once read",
  'src/lib/routes/sitemap-pages.ts worked': 'keyed by the list of articles, a new list for every render',
};

/** A top-level `let` or `var`, or a top-level map, set or memo that is not a constant's (whose name is in capitals). */
const STATE =
  /^(?:export )?(?:(?:let|var) (\w+)|const ([a-z]\w*)(?:: [^=]+)? = (?:new (?:Map|WeakMap|Set)\b|boundedMemo\b|entryMemo\b))/gm;

function moduleState(): string[] {
  const folder = join(project, 'src');
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .flatMap((entry) => {
      const file = join(entry.parentPath, entry.name);
      const shown = relative(project, file);
      return [...readFileSync(file, 'utf8').matchAll(STATE)].map((found) => `${shown} ${found[1] ?? found[2]}`);
    })
    .sort();
}

describe("the site's module-level state", () => {
  it('is each listed with why it may outlive a render', () => {
    expect(moduleState()).toEqual(Object.keys(KNOWN).sort());
  });

  it('is found by the search this test makes', () => {
    const found = [
      ...'let cache = new Map();\nconst memo = new Map<string, string>();\nconst NAMES = new Set();\nexport const kept = entryMemo(work);\n'.matchAll(
        STATE,
      ),
    ];
    expect(found.map((match) => match[1] ?? match[2])).toEqual(['cache', 'memo', 'kept']);
  });
});
