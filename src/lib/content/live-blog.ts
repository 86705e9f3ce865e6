/** The order live updates are read in, wherever they are shown: the page, its feed, its metadata. */
export function newestFirst<Update extends { time: { instant: Date } }>(updates: readonly Update[]): Update[] {
  return [...updates].sort((a, b) => b.time.instant.getTime() - a.time.instant.getTime());
}
