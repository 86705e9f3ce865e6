import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { fieldsAt, schemaProblems } from '@/lib/content/schema-problems';
import { articleSchema } from '@/lib/schemas/article';

const schema = articleSchema(z.string());
const valid = { title: 'A', standfirst: 'B', section: 'world', published: '2022-05-23' };

describe('schemaProblems', () => {
  it('finds nothing in valid frontmatter', () => {
    expect(schemaProblems(schema, valid)).toEqual([]);
  });

  it('suggests the field a misspelt one was meant to be, at any depth', () => {
    expect(schemaProblems(schema, { ...valid, publihsed: '2022-05-23' })).toContain(
      'publihsed: is not a field: did you mean `published`?',
    );
    expect(schemaProblems(schema, { ...valid, image: { src: './a.png', alt: 'A', captoin: 'C' } })).toEqual([
      'image.captoin: is not a field: did you mean `caption`?',
    ]);
  });

  it('lists the fields when nothing is close, and refuses merge keys with the fix', () => {
    expect(schemaProblems(schema, { ...valid, zzzzzzzz: 1 })[0]).toMatch(
      /^zzzzzzzz: is not a field: the fields here are title, /,
    );
    expect(schemaProblems(schema, { ...valid, '<<': {} })).toEqual([
      '<<: YAML merge keys are not read: write each field out in full',
    ]);
  });

  it('says what type was expected in words an editor uses', () => {
    expect(schemaProblems(schema, { ...valid, tags: 'a' })).toEqual([
      'tags: must be a list, e.g. [one, two] or one "- item" a line',
    ]);
    expect(schemaProblems(schema, { ...valid, draft: 'yes' })).toEqual(['draft: must be true or false']);
  });

  it('walks wrappers to an object inside them', () => {
    expect(fieldsAt(schema, ['liveUpdates'])).toEqual(['label', 'href']);
    expect(fieldsAt(schema, ['nowhere'])).toEqual([]);
  });
});
