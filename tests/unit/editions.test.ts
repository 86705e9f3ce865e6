import { describe, expect, it } from 'vitest';
import { editionIn, editionLinks, ownLanguageName, sameLanguage } from '@/lib/content/editions';

describe('sameLanguage', () => {
  it('compares tags as BCP 47 reads them: case aside, region kept', () => {
    expect(sameLanguage('pt-br', 'pt-BR')).toBe(true);
    expect(sameLanguage('EN', 'en')).toBe(true);
    expect(sameLanguage('en', 'en-GB')).toBe(false);
    expect(sameLanguage('ar', 'fr')).toBe(false);
  });

  it('does not throw on a tag that is not BCP 47', () => {
    expect(sameLanguage('english!', 'english!')).toBe(true);
    expect(sameLanguage('english!', 'en')).toBe(false);
  });
});

describe('ownLanguageName', () => {
  it('names a language in itself, capitalised to start a link', () => {
    expect(ownLanguageName('fr')).toBe('Français');
    expect(ownLanguageName('ar')).toBe('العربية');
    expect(ownLanguageName('en')).toBe('English');
  });
});

describe('editionLinks', () => {
  it('orders the editions by tag, each with its name and direction', () => {
    expect(editionLinks({ fr: '/world/b/', ar: '/world/a/' })).toEqual([
      { lang: 'ar', path: '/world/a/', name: 'العربية', dir: 'rtl' },
      { lang: 'fr', path: '/world/b/', name: 'Français', dir: 'ltr' },
    ]);
  });
});

describe('editionIn', () => {
  it('finds the edition in a language however its tag is written, or none', () => {
    expect(editionIn({ 'pt-br': '/world/p/' }, 'pt-BR')).toBe('/world/p/');
    expect(editionIn({ fr: '/world/f/' }, 'ar')).toBeUndefined();
  });
});
