import { describe, expect, it } from 'vitest';
import { printedUrl, textShowsUrl } from '@/lib/print/printed-url';

const site = 'https://broadside.example';

describe('printedUrl', () => {
  it('makes site paths absolute on the site origin', () => {
    expect(printedUrl('/live/russia-ukraine/', site)).toBe('https://broadside.example/live/russia-ukraine/');
    expect(printedUrl('/world/?page=2#top', site)).toBe('https://broadside.example/world/?page=2#top');
  });

  it('keeps absolute web addresses as they are, normalised', () => {
    expect(printedUrl('https://www.afp.com/en/news', site)).toBe('https://www.afp.com/en/news');
    expect(printedUrl('HTTP://Example.org', site)).toBe('http://example.org/');
    expect(printedUrl('//cdn.example.net/a', site)).toBe('https://cdn.example.net/a');
  });

  it('prints a mail address or a phone number without its scheme', () => {
    expect(printedUrl('mailto:desk@broadside.example?subject=Hi', site)).toBe('desk@broadside.example');
    expect(printedUrl('tel:+41-22-700-0000', site)).toBe('+41-22-700-0000');
    expect(printedUrl('mailto:', site)).toBeUndefined();
  });

  it('prints nothing for scripts, data, other schemes, same-page and page-relative links', () => {
    for (const href of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,<b>x</b>',
      'vbscript:x',
      'ftp://example.org/file',
      '#the-letter',
      '?page=2',
      '../other-story/',
      'other-story/',
      '',
      'https://',
    ]) {
      expect(printedUrl(href, site), href).toBeUndefined();
    }
  });
});

describe('textShowsUrl', () => {
  it('is true when the words are the address, give or take its scheme, www and last slash', () => {
    expect(textShowsUrl('https://example.com/report', 'https://example.com/report')).toBe(true);
    expect(textShowsUrl('example.com', 'https://example.com/')).toBe(true);
    expect(textShowsUrl('www.example.com/a', 'http://www.example.com/a')).toBe(true);
    expect(textShowsUrl('desk@broadside.example', 'desk@broadside.example')).toBe(true);
  });

  it('is false when the words say something else', () => {
    expect(textShowsUrl('the live blog', 'https://broadside.example/live/russia-ukraine/')).toBe(false);
    expect(textShowsUrl('example.com', 'https://example.com/report')).toBe(false);
  });
});
