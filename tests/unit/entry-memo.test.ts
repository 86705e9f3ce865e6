/** Work kept for a content entry: given back for the same data and id, done again for any other. */
import { describe, expect, it } from 'vitest';
import { entryMemo } from '@/lib/content/entry-memo';

describe('entryMemo', () => {
  const worked: string[] = [];
  const titled = entryMemo((entry: { id: string; data: { title: string } }) => {
    worked.push(entry.id);
    return `${entry.id}: ${entry.data.title}`;
  });

  it("works once for an entry's data, and again for new data or another id", () => {
    const data = { title: 'First' };
    expect(titled({ id: 'a', data })).toBe('a: First');
    expect(titled({ id: 'a', data })).toBe('a: First');
    expect(worked).toEqual(['a']);
    // A changed entry is a new object, even with the same fields.
    expect(titled({ id: 'a', data: { title: 'First' } })).toBe('a: First');
    expect(worked).toEqual(['a', 'a']);
    // The same data under another id (a renamed file) is not the same entry.
    expect(titled({ id: 'b', data })).toBe('b: First');
    expect(worked).toEqual(['a', 'a', 'b']);
  });
});
