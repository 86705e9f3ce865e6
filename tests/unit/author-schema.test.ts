import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { authorSchema } from '@/lib/schemas/author';
import { schemaProblems } from '@/lib/content/schema-problems';

// The content config passes Astro's image() helper; here any string stands in for a file path.
const schema = authorSchema(z.string());

const valid = { name: 'Jane Doe', role: 'Diplomatic correspondent', bio: 'Covers the United Nations.' };

describe('authorSchema', () => {
  it('accepts a name, role and bio, with no links by default', () => {
    expect(schema.parse(valid)).toEqual({ ...valid, links: [] });
  });

  it('accepts a photo with alt text and https: and mailto: links', () => {
    const author = {
      ...valid,
      photo: { src: './images/jane-doe.jpg', alt: 'Jane Doe, smiling' },
      links: [
        { label: 'Website', href: 'https://example.com/jane' },
        { label: 'Email', href: 'mailto:jane@example.com' },
      ],
    };
    expect(schemaProblems(schema, author)).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a missing name', { name: undefined }, 'name: is required'],
    ['a missing role', { role: undefined }, 'role: is required'],
    ['a blank bio', { bio: ' ' }, 'bio: must not be empty'],
    ['a bio over 400 characters', { bio: 'x'.repeat(401) }, 'bio: must be at most 400 characters'],
    ['a photo without alt', { photo: { src: './jane.jpg' } }, 'photo.alt: is required'],
    [
      'an http: link',
      { links: [{ label: 'Blog', href: 'http://example.com' }] },
      'links.0.href: must be an https: URL',
    ],
    ['a site path as a link', { links: [{ label: 'Me', href: '/authors/jane/' }] }, 'links.0.href: must be an https:'],
    ['a link without words', { links: [{ href: 'https://example.com' }] }, 'links.0.label: is required'],
    ['a misspelt field', { rol: 'Editor' }, 'rol: is not a field: did you mean `role`?'],
    ['a slug field (the file name is the slug)', { slug: 'jane' }, 'slug: is not a field'],
  ])('refuses %s', (_, change, expected) => {
    const problems = schemaProblems(schema, { ...valid, ...change });
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining(expected)]));
  });
});
