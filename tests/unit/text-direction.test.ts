import { describe, expect, it } from 'vitest';
import { textDirection } from '@/lib/reading/text-direction';

describe('textDirection', () => {
  it.each(['ar', 'he', 'fa', 'ur', 'ar-AE', 'ps', 'yi'])('reads %s right to left', (lang) => {
    expect(textDirection(lang)).toBe('rtl');
  });
  it.each(['en', 'en-GB', 'ru', 'uk', 'tr', 'az-Latn', 'pa-Guru'])('reads %s left to right', (lang) => {
    expect(textDirection(lang)).toBe('ltr');
  });
  it('follows an explicit script over the language', () => {
    expect(textDirection('pa-Arab')).toBe('rtl');
    expect(textDirection('ku-Arab')).toBe('rtl');
  });
});
