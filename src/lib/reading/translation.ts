/**
 * The automated-translation notice, in the one wording the page, the print
 * and the feed all use.
 */

/** What an article says of its translation (`translation` in the frontmatter). */
export interface Translation {
  automated: boolean;
  /** BCP 47 tag of the source language, when known. */
  from?: string | undefined;
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** "Powered by automated translation from Arabic", or `undefined` when the text was not machine-translated. */
export function translationNotice(translation: Translation | undefined): string | undefined {
  if (!translation?.automated) return undefined;
  const language = translation.from && languageNames.of(translation.from);
  return `Powered by automated translation${language ? ` from ${language}` : ''}`;
}
