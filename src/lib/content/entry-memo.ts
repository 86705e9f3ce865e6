/**
 * Work that depends on one content entry alone, kept by the entry's `data`.
 * An entry's data is never changed once read, and a changed entry is a new
 * object, so what is kept for an object holds for as long as it lives. The
 * publishing service renders again and again in one process
 * (scripts/publish-service.ts): a publish then works it out for the
 * entries that changed, not for every entry. The entry's id is compared
 * too, since the work may depend on it (an article's slug is its file
 * name).
 */
export function entryMemo<Entry extends { id: string; data: object }, T>(
  work: (entry: Entry) => T,
): (entry: Entry) => T {
  const kept = new WeakMap<object, { id: string; value: T }>();
  return (entry) => {
    const found = kept.get(entry.data);
    if (found?.id === entry.id) return found.value;
    const value = work(entry);
    kept.set(entry.data, { id: entry.id, value });
    return value;
  };
}
