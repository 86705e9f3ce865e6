/**
 * The front page's order of importance: which story leads, which come next
 * under it, and the rest of the newest stories gathered by section. Pure: it
 * is given the articles and judges them against the newest of them, never
 * against the clock, so the same content always makes the same front page.
 */
import { sectionSlugs, type SectionSlug } from '../../site.config';
import type { Priority } from '../schemas/priority';
import { toInstant, type Timestamp } from '../time/dates';

/** How many stories stand under the lead, with their pictures. */
export const SECONDARY_COUNT = 4;

/**
 * How long an editor's `lead` or `top` holds: until a story is published
 * more than this many hours after the promoted story's last update. A lead
 * chosen on Monday does not sit on top of Wednesday's news, and nobody has
 * to remember to take it down.
 */
export const PROMOTION_HOURS = 24;

/** What the front page needs to know of an article (an `Article` has all of it). */
export interface FrontPageStory {
  id: string;
  data: {
    priority: Priority;
    section: SectionSlug;
    published: Timestamp;
    updated?: { instant: Date } | undefined;
    timezone: string;
  };
}

/** The front page, top to bottom. */
export interface FrontPage<Story extends FrontPageStory> {
  /** The largest story, with its picture; absent only when there is no article. */
  lead: Story | undefined;
  /** The stories under the lead, most important first. */
  secondary: Story[];
  /** The rest of the newest stories, one block per section in the site's order; empty sections left out. */
  sections: { section: SectionSlug; stories: Story[] }[];
}

const publishedAt = (story: FrontPageStory) => toInstant(story.data.published, story.data.timezone).getTime();
const lastTouched = (story: FrontPageStory) => story.data.updated?.instant.getTime() ?? publishedAt(story);

/**
 * Whether `story`'s `priority` still holds, `newestPublished` being the
 * publication time of the newest story on the site: a promotion lapses once
 * the news has moved on by `PROMOTION_HOURS` since the story's last update
 * (`updated`, else `published`). A `normal` story is never promoted.
 */
export function isPromoted(story: FrontPageStory, newestPublished: number): boolean {
  return story.data.priority !== 'normal' && newestPublished - lastTouched(story) <= PROMOTION_HOURS * 3_600_000;
}

/**
 * Lays out the front page. `newest` is its first page of the archive (the
 * newest stories, newest first, as `/page/2/` continues them), so each of
 * them is shown once; `all` is every published article, newest first, where
 * a promoted story is looked for even if it has slipped off that page. The
 * lead is the newest story still promoted `lead`, else the newest story;
 * under it come the stories still promoted `top`, newest first, then the
 * newest others, `SECONDARY_COUNT` in all (a lapsed lead among them).
 */
export function frontPage<Story extends FrontPageStory>(newest: Story[], all: Story[]): FrontPage<Story> {
  const newestPublished = Math.max(...all.map(publishedAt));
  const promoted = (priority: Priority) =>
    all.filter((story) => story.data.priority === priority && isPromoted(story, newestPublished));
  const lead = promoted('lead')[0] ?? newest[0];
  const others = (stories: Story[], shown: Set<Story>) => stories.filter((story) => !shown.has(story));
  const shown = new Set(lead ? [lead] : []);
  const secondary = [...others(promoted('top'), shown), ...others(promoted('lead'), shown), ...others(newest, shown)]
    .filter((story, index, list) => list.indexOf(story) === index)
    .slice(0, SECONDARY_COUNT);
  for (const story of secondary) shown.add(story);
  const rest = others(newest, shown);
  const sections = sectionSlugs
    .map((section) => ({ section, stories: rest.filter((story) => story.data.section === section) }))
    .filter((block) => block.stories.length > 0);
  return { lead, secondary, sections };
}
