import { describe, expect, it } from 'vitest';
import { isAllowedElement, isSafeUrl } from '@/lib/markdown/remark-raw-html-guard';

describe('isSafeUrl', () => {
  it.each([
    'https://www.un.org/en/',
    'http://example.com',
    'mailto:desk@broadside.example',
    'tel:+97140000000',
    '#update-first',
    '/world/2022/05/23/x/',
    './photo.jpg',
    '../photo.jpg',
    'photo.jpg',
    'page?x=1:2',
  ])('accepts %s', (url) => {
    expect(isSafeUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'chrome://settings',
  ])('refuses %j', (url) => {
    expect(isSafeUrl(url)).toBe(false);
  });
});

describe('isAllowedElement', () => {
  it('knows the elements an article may use, in any case, and no other', () => {
    expect(isAllowedElement('iframe')).toBe(true);
    expect(isAllowedElement('DETAILS')).toBe(true);
    expect(isAllowedElement('script')).toBe(false);
    expect(isAllowedElement('constructor')).toBe(false);
  });
});
