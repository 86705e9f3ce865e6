import { describe, expect, it } from 'vitest';
import { isRemoteUrl } from '@/lib/markdown/remark-raw-html-remote-images';

const siteUrl = 'https://broadside.example';

describe('isRemoteUrl', () => {
  it.each([
    'https://example.com/photo.jpg',
    'http://example.com/photo.jpg',
    '//cdn.example.com/a.avif',
    ' HTTPS://example.com/a',
  ])('is true for %j, on another origin', (url) => {
    expect(isRemoteUrl(url, siteUrl)).toBe(true);
  });

  it.each([
    '/images/map.png',
    './map.png',
    'map.png',
    'https://broadside.example/images/map.png',
    '#x',
    'data:image/png;base64,AA',
  ])('is false for %j: on the site (or not a fetched origin at all)', (url) => {
    expect(isRemoteUrl(url, siteUrl)).toBe(false);
  });
});
