/**
 * An article's editions in other languages, as a reader is offered them:
 * each named in its own language ("العربية", "Français"), which is how a
 * reader who wants it recognises it.
 */
import { textDirection } from '../reading/text-direction';

/** One other edition, ready for a link. */
export interface EditionLink {
  /** BCP 47 tag, for `lang` and `hreflang`. */
  lang: string;
  /** The edition's permalink. */
  path: string;
  /** The language's name in that language, e.g. "العربية" for `ar`. */
  name: string;
  /** The name's direction, so an Arabic name reads right to left in an English line. */
  dir: 'ltr' | 'rtl';
}

function canonical(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? tag.toLowerCase();
  } catch {
    return tag.toLowerCase();
  }
}

/** True when two tags name one language as BCP 47 reads them: `pt-br` and `pt-BR` do, `en` and `en-GB` do not. */
export function sameLanguage(a: string, b: string): boolean {
  return canonical(a) === canonical(b);
}

/** The name of a language in that language, capitalised as it starts a link ("Français"). */
export function ownLanguageName(lang: string): string {
  const name = new Intl.DisplayNames([lang], { type: 'language' }).of(lang) ?? lang;
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
}

/** The editions as links, in a stable order (by language tag), whatever order the frontmatter gives. */
export function editionLinks(editions: Readonly<Record<string, string>>): EditionLink[] {
  return Object.entries(editions)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([lang, path]) => ({ lang, path, name: ownLanguageName(lang), dir: textDirection(lang) }));
}

/** The permalink of the edition in `lang`, if the article has one. */
export function editionIn(editions: Readonly<Record<string, string>>, lang: string): string | undefined {
  return Object.entries(editions).find(([tag]) => sameLanguage(tag, lang))?.[1];
}
