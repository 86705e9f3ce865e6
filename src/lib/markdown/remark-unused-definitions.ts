import type { Definition, FootnoteDefinition, Nodes, Root } from 'mdast';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { reportProblem } from './problems';

/** Footnotes referred to from the text, and from footnotes that are themselves referred to (the ones that show). */
function footnotesShown(tree: Root, definitions: Map<string, FootnoteDefinition>): Set<string> {
  const shown = new Set<string>();
  const read = (node: Nodes) =>
    visit(node, (child) => {
      if (child.type === 'footnoteDefinition' && child !== node) return SKIP;
      if (child.type === 'footnoteReference' && !shown.has(child.identifier)) {
        shown.add(child.identifier);
        const definition = definitions.get(child.identifier);
        if (definition) read(definition);
      }
      return undefined;
    });
  read(tree);
  return shown;
}

/** The first definition of each identifier; reports every later one, which the page ignores. */
function firstDefinitions<T extends Definition | FootnoteDefinition>(
  file: VFile,
  definitions: T[],
  describe: (definition: T) => string,
): Map<string, T> {
  const first = new Map<string, T>();
  for (const definition of definitions) {
    const earlier = first.get(definition.identifier);
    if (!earlier) {
      first.set(definition.identifier, definition);
      continue;
    }
    const line = earlier.position ? ` (first on line ${earlier.position.start.line})` : '';
    reportProblem(
      file,
      `${describe(definition)} is defined twice${line}: only the first is used; remove one, or give it a name of its own`,
      definition.position,
      'duplicate-definition',
    );
  }
  return first;
}

/**
 * Reports link and footnote definitions that nothing refers to, and
 * second definitions of a name: the page shows neither, so the editor's
 * words (an address, a footnote's text) would vanish without a word.
 *
 * ```markdown
 * The agency reported it first.
 *
 * [agency]: https://www.afp.com/en/news
 * ```
 *
 * is the problem `line 3: link definition "[agency]: https://www.afp.com/en/news"
 * is never used, so it would not appear on the page; link words to it with
 * [words][agency], or remove it`. A footnote counts as used when the text,
 * or a footnote that is used, refers to it. (A reference with no definition
 * stays on the page as the text the editor wrote, so it needs no rule.)
 */
export const remarkUnusedDefinitions: Plugin<[], Root> = () => (tree, file) => {
  const links: Definition[] = [];
  const footnotes: FootnoteDefinition[] = [];
  const linked = new Set<string>();
  visit(tree, (node) => {
    if (node.type === 'definition') links.push(node);
    else if (node.type === 'footnoteDefinition') footnotes.push(node);
    else if (node.type === 'linkReference' || node.type === 'imageReference') linked.add(node.identifier);
  });

  const linkLabel = (definition: Definition) => `"[${definition.label ?? definition.identifier}]"`;
  for (const definition of firstDefinitions(file, links, (it) => `link definition ${linkLabel(it)}`).values()) {
    if (linked.has(definition.identifier)) continue;
    const label = definition.label ?? definition.identifier;
    reportProblem(
      file,
      `link definition "[${label}]: ${definition.url}" is never used, so it would not appear on the page; link words to it with [words][${label}], or remove it`,
      definition.position,
      'unused-definition',
    );
  }

  const footnoteLabel = (definition: FootnoteDefinition) => `[^${definition.label ?? definition.identifier}]`;
  const firstFootnotes = firstDefinitions(file, footnotes, (it) => `footnote "${footnoteLabel(it)}"`);
  const shown = footnotesShown(tree, firstFootnotes);
  for (const definition of firstFootnotes.values()) {
    if (shown.has(definition.identifier)) continue;
    reportProblem(
      file,
      `footnote "${footnoteLabel(definition)}" is never referred to, so it would not appear on the page; refer to it with ${footnoteLabel(definition)} in the text, or remove it`,
      definition.position,
      'unused-footnote',
    );
  }
};
