/** The order live updates are read in, wherever they are shown: the page, its feed, its metadata. */
export function newestFirst<Update extends { time: { instant: Date } }>(updates: readonly Update[]): Update[] {
  return [...updates].sort((a, b) => b.time.instant.getTime() - a.time.instant.getTime());
}

/** A live update's plain-text body as the paragraphs it was written in: a blank line between two. */
export function updateParagraphs(body: string): string[] {
  return body.split(/\n\s*\n/).map((paragraph) => paragraph.trim());
}
