/** Scripts written right to left, by the primary language subtag. */
const RIGHT_TO_LEFT = new Set([
  'ar',
  'arc',
  'ckb',
  'dv',
  'fa',
  'he',
  'ks',
  'ku-arab',
  'ps',
  'sd',
  'syr',
  'ug',
  'ur',
  'yi',
]);

/** Each language's direction, worked out once: every page asks for two. */
const directions = new Map<string, 'ltr' | 'rtl'>();

function directionOf(lang: string): 'ltr' | 'rtl' {
  const locale = new Intl.Locale(lang);
  if (locale.script) return ['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm'].includes(locale.script) ? 'rtl' : 'ltr';
  return RIGHT_TO_LEFT.has(locale.language) ? 'rtl' : 'ltr';
}

/** `rtl` for Arabic, Hebrew, Persian, Urdu and the other right-to-left languages, else `ltr`. */
export function textDirection(lang: string): 'ltr' | 'rtl' {
  let direction = directions.get(lang);
  if (!direction) {
    direction = directionOf(lang);
    directions.set(lang, direction);
  }
  return direction;
}
