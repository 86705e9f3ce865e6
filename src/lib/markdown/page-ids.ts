/**
 * The ids the layouts and components give elements on article and
 * live-blog pages, around the body: a heading or raw HTML in the body must
 * never take one, or a link to it (the skip link's `#main`, a shared
 * `#update-...`) would land on the wrong element. `tests/unit/page-ids.test.ts`
 * renders the layouts and fails if one gains an id missing here.
 */
export const pageIds = [
  // BaseLayout: <main>, which the skip link targets.
  'main',
  // ShareLinks: the label of the list of share links.
  'share-label',
  // The live-blog page: the headings of its pinned update, key events and list of updates.
  'pinned-heading',
  'key-events-heading',
  'updates-heading',
  // Corrections: the heading the correction marker links to.
  'corrections',
  // EditorsNote: the label that names the note.
  'editors-note',
] as const;

/**
 * Id families: each live update's anchor `update-<id>` and its title
 * `update-<id>-title` (`liveUpdateAnchor` in `src/lib/routes/permalinks.ts`,
 * `LiveUpdateEntry`). Update ids are the editors', so the whole family is
 * kept clear.
 */
export const pageIdPrefixes = ['update-'] as const;

/** True for an id the page around the body uses, or may use: `main`, `update-first`, ... */
export function isPageId(id: string): boolean {
  return (pageIds as readonly string[]).includes(id) || pageIdPrefixes.some((prefix) => id.startsWith(prefix));
}
