import { describe, expect, it } from 'vitest';
import { createContentReport } from '@/lib/content/content-report';

const store = (values: unknown[]) => ({ values: () => values as never });

describe('createContentReport', () => {
  it("throws once, when the last loader is done, with every collection's problems and the cross-collection ones", () => {
    const seen: unknown[] = [];
    const report = createContentReport((stores) => {
      seen.push(Object.keys(stores).sort());
      return ['c.md: slug: taken'];
    });
    report.begin('articles', store([]));
    report.begin('live', store([]));
    expect(() => report.end(['a.md: title: is required'])).not.toThrow();
    expect(() => report.end(['b.md: line 3: unsafe'])).toThrow(
      '3 content problems stop the build:\n  a.md: title: is required\n  b.md: line 3: unsafe\n  c.md: slug: taken',
    );
    expect(seen).toEqual([['articles', 'live']]);
  });

  it('starts afresh on the next sync, and passes a clean one', () => {
    const report = createContentReport(() => []);
    report.begin('articles', store([]));
    expect(() => report.end(['a.md: bad'])).toThrow('1 content problem stop the build');
    report.begin('articles', store([]));
    expect(() => report.end([])).not.toThrow();
  });

  it("holds each loader's store writes until the last loader is done, then makes them all before the cross-collection rules read", () => {
    const made: string[] = [];
    const report = createContentReport(() => {
      made.push('cross-collection rules');
      return [];
    });
    report.begin('articles', store([]));
    report.begin('live', store([]));
    report.end([], () => made.push('live writes'));
    expect(made).toEqual([]);
    report.end([], () => made.push('articles writes'));
    expect(made).toEqual(['live writes', 'articles writes', 'cross-collection rules']);
  });

  it('makes the writes of a sync with problems too, and none twice', () => {
    let writes = 0;
    const report = createContentReport(() => []);
    report.begin('articles', store([]));
    expect(() => report.end(['a.md: bad'], () => (writes += 1))).toThrow('1 content problem');
    report.begin('articles', store([]));
    report.end([]);
    expect(writes).toBe(1);
  });

  it('leaves no stack trace to bury the list', () => {
    expect.assertions(1);
    const report = createContentReport(() => ['x']);
    report.begin('articles', store([]));
    try {
      report.end([]);
    } catch (error) {
      expect((error as Error).stack).toBe('');
    }
  });
});
