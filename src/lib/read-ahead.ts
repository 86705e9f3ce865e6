/**
 * `work` over every item, the results taken in the items' order while up to
 * `ahead` of the next ones are already under way. A loop that awaits one
 * file at a time waits on the disk once per file (about a fifth of the
 * content sync at 50,000 articles); reading a few dozen ahead keeps the
 * disk busy while the loop works, and never holds more than `ahead`
 * results that are not yet taken, however long the list.
 *
 * A failure is thrown where its item's turn comes, as the plain loop would
 * throw it, never as an unhandled rejection of a result read ahead.
 */
export async function* readAhead<T, R>(
  items: readonly T[],
  ahead: number,
  work: (item: T) => Promise<R>,
): AsyncGenerator<R, void, undefined> {
  if (!Number.isInteger(ahead) || ahead < 1)
    throw new RangeError(`ahead must be a whole number of at least 1, not ${ahead}`);
  type Settled = { ok: true; value: R } | { ok: false; error: unknown };
  const pending: Promise<Settled>[] = [];
  let next = 0;
  const fill = () => {
    for (; next < items.length && pending.length < ahead; next++) {
      pending.push(
        // Started a turn later, so that even a `work` that throws at once fails in its item's turn.
        Promise.resolve(items[next] as T)
          .then(work)
          .then(
            (value): Settled => ({ ok: true, value }),
            (error: unknown): Settled => ({ ok: false, error }),
          ),
      );
    }
  };
  fill();
  for (let settled = pending.shift(); settled !== undefined; settled = pending.shift()) {
    const result = await settled;
    if (!result.ok) throw result.error;
    yield result.value;
    // Refilled only once the loop asks for the next: the result it holds counts as one of `ahead`.
    fill();
  }
}
