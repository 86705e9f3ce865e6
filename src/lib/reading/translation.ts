/**
 * The automated-translation notice, in the one wording the page, the print
 * and the feed all use. When the article lists the edition it was
 * translated from (`editions`), the notice names that original and the
 * page links it.
 */
import { editionIn } from '../content/editions';

/** What an article says of its translation (`translation` in the frontmatter). */
export interface Translation {
  automated: boolean;
  /** BCP 47 tag of the source language, when known. */
  from?: string | undefined;
}

/** The notice in two parts: the words before the original, and the original, linked when it is on the site. */
export interface TranslationNoticeParts {
  /** "Powered by automated translation" and what comes before the original. */
  lead: string;
  /** "Arabic original" or "Arabic": the words that name the source. */
  source?: string | undefined;
  /** The original edition's permalink and language, when the article lists it. */
  original?: { path: string; lang: string } | undefined;
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/**
 * The notice as parts, for a page that links the original: "Powered by
 * automated translation from the [Arabic original]" when the edition in
 * `translation.from` is listed, "... from Arabic" when only the language is
 * known; `undefined` when the text was not machine-translated.
 */
export function translationNoticeParts(
  translation: Translation | undefined,
  editions: Readonly<Record<string, string>> = {},
): TranslationNoticeParts | undefined {
  if (!translation?.automated) return undefined;
  const language = translation.from && languageNames.of(translation.from);
  if (!translation.from || !language) return { lead: 'Powered by automated translation' };
  const path = editionIn(editions, translation.from);
  return path
    ? {
        lead: 'Powered by automated translation from the ',
        source: `${language} original`,
        original: { path, lang: translation.from },
      }
    : { lead: 'Powered by automated translation from ', source: language };
}

/** "Powered by automated translation from Arabic" (or "from the Arabic original"), or `undefined` when the text was not machine-translated. */
export function translationNotice(
  translation: Translation | undefined,
  editions: Readonly<Record<string, string>> = {},
): string | undefined {
  const parts = translationNoticeParts(translation, editions);
  return parts && `${parts.lead}${parts.source ?? ''}`;
}
