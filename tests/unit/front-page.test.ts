/**
 * The front page's order of importance: the editor's `priority`, its lapse
 * once the news moves on, and every story of the first page shown once.
 */
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { articleSchema } from '@/lib/schemas/article';
import { frontPage, isPromoted, PROMOTION_HOURS, SECONDARY_COUNT, type FrontPageStory } from '@/lib/routes/front-page';
import type { Priority } from '@/lib/schemas/priority';
import type { SectionSlug } from '@/site.config';

const hour = 3_600_000;
const start = Date.parse('2022-05-23T00:00:00Z');

/** A story published `hours` after the start, in `section`, with `priority`. */
function story(
  id: string,
  hours: number,
  priority: Priority = 'normal',
  section: SectionSlug = 'world',
): FrontPageStory {
  return {
    id,
    data: {
      priority,
      section,
      published: { kind: 'datetime', instant: new Date(start + hours * hour) },
      timezone: 'Asia/Dubai',
    },
  };
}

/** Newest first, as the site's queries give them. */
const newestFirst = (stories: FrontPageStory[]) =>
  [...stories].sort(
    (a, b) =>
      (b.data.published as { instant: Date }).instant.getTime() -
      (a.data.published as { instant: Date }).instant.getTime(),
  );
const ids = (stories: (FrontPageStory | undefined)[]) => stories.map((item) => item?.id);

describe('the priority field', () => {
  const schema = articleSchema(z.string());
  const valid = { title: 'A headline', standfirst: 'A summary.', section: 'world', published: '2022-05-23' };

  it('is normal when not given, and takes lead or top', () => {
    expect(schema.parse(valid).priority).toBe('normal');
    expect(schema.parse({ ...valid, priority: 'lead' }).priority).toBe('lead');
    expect(schema.parse({ ...valid, priority: 'top' }).priority).toBe('top');
  });

  it('refuses any other value, naming the three it takes', () => {
    const result = schema.safeParse({ ...valid, priority: 'urgent' });
    expect(result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual([
      'priority: unknown priority "urgent": use lead (the front page\'s lead story), top (among the stories under it) or normal',
    ]);
  });
});

describe('isPromoted', () => {
  it(`holds for ${PROMOTION_HOURS} hours of news after the story's last update, then lapses`, () => {
    const lead = story('lead', 0, 'lead');
    expect(isPromoted(lead, start + PROMOTION_HOURS * hour)).toBe(true);
    expect(isPromoted(lead, start + PROMOTION_HOURS * hour + 1)).toBe(false);
  });

  it('counts from the update, when there is one', () => {
    const updated = story('lead', 0, 'lead');
    updated.data.updated = { instant: new Date(start + 30 * hour) };
    expect(isPromoted(updated, start + 40 * hour)).toBe(true);
  });

  it('never promotes a normal story', () => {
    expect(isPromoted(story('plain', 0), start)).toBe(false);
  });
});

describe('frontPage', () => {
  it('leads with the newest story when no editor has chosen', () => {
    const all = newestFirst([story('a', 0), story('b', 1), story('c', 2)]);
    const page = frontPage(all, all);
    expect(page.lead?.id).toBe('c');
    expect(ids(page.secondary)).toEqual(['b', 'a']);
  });

  it('leads with the story the editor marked lead while it is fresh', () => {
    const all = newestFirst([story('chosen', 0, 'lead'), story('b', 5), story('c', 10)]);
    expect(frontPage(all, all).lead?.id).toBe('chosen');
  });

  it('lets a lead lapse once a story arrives more than a day after it, and the newest lead again', () => {
    const all = newestFirst([story('chosen', 0, 'lead'), story('b', 5), story('c', PROMOTION_HOURS + 1)]);
    const page = frontPage(all, all);
    expect(page.lead?.id).toBe('c');
    expect(ids(page.secondary)).toEqual(['b', 'chosen']);
  });

  it('takes the newest of two fresh leads; the other stands first under it', () => {
    const all = newestFirst([story('older', 0, 'lead'), story('newer', 2, 'lead'), story('c', 3)]);
    const page = frontPage(all, all);
    expect(page.lead?.id).toBe('newer');
    expect(ids(page.secondary)).toEqual(['older', 'c']);
  });

  it('puts fresh top stories first under the lead, then the newest others', () => {
    const all = newestFirst([
      story('top', 0, 'top'),
      ...Array.from({ length: 6 }, (_, index) => story(`n${index}`, index + 1)),
    ]);
    const page = frontPage(all, all);
    expect(page.lead?.id).toBe('n5');
    expect(ids(page.secondary)).toEqual(['top', 'n4', 'n3', 'n2']);
    expect(page.secondary).toHaveLength(SECONDARY_COUNT);
  });

  it('gathers the rest of the first page by section, in the site order, leaving empty sections out', () => {
    const all = newestFirst([
      story('w1', 1),
      story('c1', 2, 'normal', 'climate'),
      story('w2', 3),
      ...Array.from({ length: 5 }, (_, index) => story(`n${index}`, 10 + index)),
    ]);
    const page = frontPage(all, all);
    expect(page.sections.map((block) => [block.section, ids(block.stories)])).toEqual([
      ['world', ['w2', 'w1']],
      ['climate', ['c1']],
    ]);
  });

  it('shows every story of the first page exactly once', () => {
    const all = newestFirst(
      Array.from({ length: 30 }, (_, index) =>
        story(
          `s${index}`,
          index,
          index % 7 === 0 ? 'top' : 'normal',
          (['world', 'business', 'climate'] as const)[index % 3],
        ),
      ),
    );
    const first = all.slice(0, 20);
    const page = frontPage(first, all);
    const shown = ids([page.lead, ...page.secondary, ...page.sections.flatMap((block) => block.stories)]);
    expect(new Set(shown).size).toBe(shown.length);
    // The first page's 20, and s7: promoted `top`, still fresh, from the second page.
    expect(shown.sort()).toEqual([...ids(first), 's7'].sort());
  });

  it('brings back a fresh lead that has slipped off the first page', () => {
    const all = newestFirst([story('chosen', 0, 'lead'), story('b', 1), story('c', 2)]);
    expect(frontPage(all.slice(0, 2), all).lead?.id).toBe('chosen');
  });

  it('has no lead on a site with no article', () => {
    expect(frontPage([], [])).toEqual({ lead: undefined, secondary: [], sections: [] });
  });
});
