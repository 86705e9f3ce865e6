import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../src/lib/dates';
import { redirectsFile, redirectsOf } from '../../src/lib/redirects';

const article = (id: string, redirectFrom: string[]) => ({
  id,
  data: { section: 'world', published: parseTimestamp('2022-05-23')!, timezone: 'Asia/Dubai', redirectFrom },
});

describe('redirects', () => {
  const redirects = redirectsOf([
    article('2022/seed', ['/world/2022/05/23/old-seed/', '/old/seed']),
    article('2022/b', ['/a/']),
  ]);

  it('lists every old path with its permalink, sorted, ending in "/"', () => {
    expect(redirects).toEqual([
      { from: '/a/', to: '/world/2022/05/23/b/' },
      { from: '/old/seed/', written: '/old/seed', to: '/world/2022/05/23/seed/' },
      { from: '/world/2022/05/23/old-seed/', to: '/world/2022/05/23/seed/' },
    ]);
  });

  it('writes one permanent redirect a line, and the path as written when it lacks the last slash', () => {
    expect(redirectsFile(redirects)).toBe(
      [
        '/a/ /world/2022/05/23/b/ 301',
        '/old/seed/ /world/2022/05/23/seed/ 301',
        '/old/seed /world/2022/05/23/seed/ 301',
        '/world/2022/05/23/old-seed/ /world/2022/05/23/seed/ 301',
        '',
      ].join('\n'),
    );
  });

  it('writes an empty file when nothing has moved', () => {
    expect(redirectsFile([])).toBe('');
  });
});
