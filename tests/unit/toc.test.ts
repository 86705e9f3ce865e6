import type { MarkdownHeading } from 'astro';
import { describe, expect, it } from 'vitest';
import { buildToc, MIN_SECTIONS } from '@/lib/reading/toc';

const h = (depth: number, slug: string, text = slug): MarkdownHeading => ({ depth, slug, text });

describe('buildToc', () => {
  it(`lists the h2 sections once there are ${MIN_SECTIONS}, in order`, () => {
    expect(buildToc([h(2, 'one'), h(2, 'two'), h(2, 'three')])).toEqual([
      { slug: 'one', text: 'one', children: [] },
      { slug: 'two', text: 'two', children: [] },
      { slug: 'three', text: 'three', children: [] },
    ]);
  });

  it('gives nothing for fewer sections, however many subsections they hold', () => {
    expect(buildToc([])).toEqual([]);
    expect(buildToc([h(2, 'one'), h(3, 'a'), h(3, 'b'), h(3, 'c'), h(2, 'two')])).toEqual([]);
  });

  it('nests h3s under the h2 before them and leaves out deeper headings and h3s before any h2', () => {
    const toc = buildToc([h(3, 'orphan'), h(2, 'one'), h(3, 'a'), h(4, 'deep'), h(2, 'two'), h(2, 'three'), h(3, 'b')]);
    expect(toc.map((entry) => [entry.slug, entry.children.map((child) => child.slug)])).toEqual([
      ['one', ['a']],
      ['two', []],
      ['three', ['b']],
    ]);
  });

  it("drops the '#' of the heading's own link from its text", () => {
    const toc = buildToc([h(2, 'one', 'What happened #'), h(2, 'two', 'C# in 2024#'), h(2, 'three', 'Reactions')]);
    expect(toc.map((entry) => entry.text)).toEqual(['What happened', 'C# in 2024', 'Reactions']);
  });

  it('takes another threshold', () => {
    expect(buildToc([h(2, 'one'), h(2, 'two')], 2)).toHaveLength(2);
  });
});
