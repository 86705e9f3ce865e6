import { describe, expect, it } from 'vitest';
import { newUpdatesLabel, titleWithUnseen } from '@/lib/live/unseen-count';

describe('newUpdatesLabel', () => {
  it('says one update in the singular and more in the plural', () => {
    expect(newUpdatesLabel(1)).toBe('1 new update');
    expect(newUpdatesLabel(3)).toBe('3 new updates');
  });
});

describe('titleWithUnseen', () => {
  const title = 'Russia-Ukraine: live updates | Broadside';

  it('puts the count of unseen updates in front of the title', () => {
    expect(titleWithUnseen(title, 3)).toBe('(3) Russia-Ukraine: live updates | Broadside');
  });

  it('gives the title back as it was once there are none', () => {
    expect(titleWithUnseen(title, 0)).toBe(title);
    expect(titleWithUnseen(title, -1)).toBe(title);
  });
});
