/**
 * How long a live blog waits before asking for its feed again. A reader
 * who is looking gets news within 15 s; a hidden tab, a failing server or
 * a lost connection is asked less and less often, so a blog left open in a
 * background tab all day costs the server a request every 5 minutes.
 */

/** Between two polls while the page is visible and the last poll worked. */
export const POLL_MS = 15_000;
/** The first wait once the page is hidden or a poll failed. */
export const FIRST_BACK_OFF_MS = 60_000;
/** The longest wait: each quiet poll doubles the last until here. */
export const MAX_BACK_OFF_MS = 5 * 60_000;

/**
 * The wait before the next poll, given how many polls in a row were
 * "quiet": made while the page was hidden, or failed (offline, an error, a
 * feed that is not the contract). 0 is the normal 15 s; 1 is 60 s, then
 * 120 s, 240 s, and 5 minutes from there on. A count that is not a
 * positive number (NaN, negative) reads as 0.
 */
export function pollDelay(quietPolls: number): number {
  if (!(quietPolls >= 1)) return POLL_MS;
  return Math.min(FIRST_BACK_OFF_MS * 2 ** (Math.floor(quietPolls) - 1), MAX_BACK_OFF_MS);
}
