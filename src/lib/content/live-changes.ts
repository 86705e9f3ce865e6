/**
 * When a live blog and its updates last changed, as every page, feed,
 * sitemap and JSON of the blog states it: an update by its correction or
 * else its posting, a blog by the latest of its start, its close and its
 * updates' changes.
 */
import type { Timestamp } from '../time/dates';

type DateTime = Extract<Timestamp, { kind: 'datetime' }>;

export interface UpdateTimes {
  data: { time: DateTime; updated?: DateTime | undefined };
}

export interface LiveBlogTimes {
  data: { coverageStart: DateTime; coverageEnd?: DateTime | undefined };
  updates: readonly UpdateTimes[];
}

/** An update's last change: its correction, else its posting. */
export function updateChange(update: UpdateTimes): DateTime {
  return update.data.updated ?? update.data.time;
}

/** A blog's last change: the latest of its start, its close and its updates' changes. */
export function liveBlogChange(blog: LiveBlogTimes): DateTime {
  const { coverageStart, coverageEnd } = blog.data;
  let latest = coverageEnd && coverageEnd.instant > coverageStart.instant ? coverageEnd : coverageStart;
  for (const update of blog.updates) {
    const changed = updateChange(update);
    if (changed.instant > latest.instant) latest = changed;
  }
  return latest;
}

/**
 * When the blog last had news, as its readers are told (the article's live
 * line, the blog's JSON): its newest update's posting, or before the first
 * update, its start.
 */
export function latestNewsTime(blog: LiveBlogTimes): DateTime {
  return blog.updates[0]?.data.time ?? blog.data.coverageStart;
}
