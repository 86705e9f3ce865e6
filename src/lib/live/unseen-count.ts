/** How a live blog tells the reader about updates they have not seen yet. */

/** The words of the "new updates" button and of the announcement: "1 new update", "3 new updates". */
export function newUpdatesLabel(count: number): string {
  return `${count} new update${count === 1 ? '' : 's'}`;
}

/**
 * The tab's title with the number of unseen updates in front, "(3) Russia-Ukraine:
 * live updates | Broadside", so a reader in another tab sees there is news;
 * the title as it was once there is none.
 */
export function titleWithUnseen(title: string, unseen: number): string {
  return unseen > 0 ? `(${unseen}) ${title}` : title;
}
