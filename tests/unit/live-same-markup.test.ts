import { describe, expect, it } from 'vitest';
import { sameMarkup } from '@/lib/live/same-markup';

describe('sameMarkup', () => {
  it('takes markup that differs only in white space between tags for the same', () => {
    expect(
      sameMarkup(
        '<span class="live-badge">Live</span> <span>Coverage is live</span>',
        '\n  <span class="live-badge">Live</span>\n  <span>Coverage is live</span>\n',
      ),
    ).toBe(true);
    expect(
      sameMarkup('<ul><li><a href="#update-a">A</a></li></ul>', '<ul>\n  <li><a href="#update-a">A</a></li>\n</ul>'),
    ).toBe(true);
  });

  it('tells a change of words or attributes apart', () => {
    const live = '<span class="live-badge">Live</span> <span>Coverage is live</span>';
    expect(sameMarkup(live, '<span class="live-badge ended">Ended</span> <span>Coverage has ended</span>')).toBe(false);
    expect(sameMarkup(live, '<span class="live-badge ended">Live</span> <span>Coverage is live</span>')).toBe(false);
    expect(sameMarkup('', live)).toBe(false);
  });
});
