import { describe, expect, it } from 'vitest';
import { createContentReport, type Print } from '@/lib/content/content-report';

const store = (values: unknown[]) => ({ values: () => values as never });

/** A print that keeps what it is given. */
function kept(): { printed: string[]; print: Print } {
  const printed: string[] = [];
  return {
    printed,
    print: (text) => {
      printed.push(text);
      return Promise.resolve();
    },
  };
}

describe('createContentReport', () => {
  it("prints once, when the last loader is done, every collection's problems and the cross-collection ones, then stops", async () => {
    const seen: unknown[] = [];
    const { printed, print } = kept();
    const report = createContentReport((stores) => {
      seen.push(Object.keys(stores).sort());
      return ['c.md: slug: taken'];
    }, print);
    report.begin('articles', store([]));
    report.begin('live', store([]));
    await expect(report.end(['a.md: title: is required'])).resolves.toBeUndefined();
    expect(printed).toEqual([]);
    await expect(report.end(['b.md: line 3: unsafe'])).rejects.toThrow(
      /^3 content problems stop the build \(listed above\)$/,
    );
    expect(printed).toEqual([
      '3 content problems stop the build:\n  a.md: title: is required\n  b.md: line 3: unsafe\n  c.md: slug: taken',
    ]);
    expect(seen).toEqual([['articles', 'live']]);
  });

  it('stops only once the list is written', async () => {
    let written: () => void = () => undefined;
    const report = createContentReport(
      () => [],
      () => new Promise((resolve) => (written = resolve)),
    );
    report.begin('articles', store([]));
    let stopped = false;
    const ending = report.end(['a.md: bad']).catch(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false);
    written();
    await ending;
    expect(stopped).toBe(true);
  });

  it('stops with what failed when the list cannot be written', async () => {
    const report = createContentReport(
      () => [],
      () => Promise.reject(new Error('EPIPE')),
    );
    report.begin('articles', store([]));
    await expect(report.end(['a.md: bad'])).rejects.toThrow('EPIPE');
  });

  it('starts afresh on the next sync, and passes a clean one', async () => {
    const { printed, print } = kept();
    const report = createContentReport(() => [], print);
    report.begin('articles', store([]));
    await expect(report.end(['a.md: bad'])).rejects.toThrow('1 content problem stop the build');
    report.begin('articles', store([]));
    await expect(report.end([])).resolves.toBeUndefined();
    expect(printed).toEqual(['1 content problem stop the build:\n  a.md: bad']);
  });

  it("holds each loader's store writes until the last loader is done, then makes them all before the cross-collection rules read", async () => {
    const made: string[] = [];
    const report = createContentReport(() => {
      made.push('cross-collection rules');
      return [];
    });
    report.begin('articles', store([]));
    report.begin('live', store([]));
    await report.end([], () => made.push('live writes'));
    expect(made).toEqual([]);
    await report.end([], () => made.push('articles writes'));
    expect(made).toEqual(['live writes', 'articles writes', 'cross-collection rules']);
  });

  it('makes the writes of a sync with problems too, and none twice', async () => {
    let writes = 0;
    const report = createContentReport(() => [], kept().print);
    report.begin('articles', store([]));
    await expect(report.end(['a.md: bad'], () => (writes += 1))).rejects.toThrow('1 content problem');
    report.begin('articles', store([]));
    await report.end([]);
    expect(writes).toBe(1);
  });

  it('leaves no stack trace to bury the list', async () => {
    const report = createContentReport(() => ['x'], kept().print);
    report.begin('articles', store([]));
    const error = await report.end([]).catch((stopped: unknown) => stopped);
    expect((error as Error).stack).toBe('');
  });
});
