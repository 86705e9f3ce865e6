/**
 * The one word that says whether a live blog's coverage goes on, the same
 * in the HTML the build writes and in the browser that brings it up to
 * date, so the two never disagree on how it is put.
 */
export function liveStateWord(live: boolean): 'Live' | 'Ended' {
  return live ? 'Live' : 'Ended';
}
