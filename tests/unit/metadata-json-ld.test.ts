import { describe, expect, it } from 'vitest';
import {
  breadcrumbJsonLd,
  liveBlogJsonLd,
  newsArticleJsonLd,
  personJsonLd,
  serializeJsonLd,
  type NewsArticleInput,
} from '@/lib/metadata/json-ld';

const publisher = {
  name: 'Broadside',
  url: 'https://broadside.example/',
  logo: { url: 'https://broadside.example/logo.png', width: 512, height: 512 },
};
const image = { url: 'https://broadside.example/cards/world/2022/05/23/seed.png', width: 1200, height: 630 };
const article: NewsArticleInput = {
  url: 'https://broadside.example/world/2022/05/23/seed/',
  headline: 'Russian diplomat resigns',
  description: 'He disagrees with the invasion.',
  datePublished: '2022-05-23',
  dateModified: '2022-05-23T15:25:00+04:00',
  authors: [],
  agencies: [],
  section: 'World',
  tags: ['diplomacy'],
  image,
  publisher,
  lang: 'en',
};

/** What a search engine reads: the script text parsed as JSON. */
const parsed = (data: Parameters<typeof serializeJsonLd>[0]) => JSON.parse(serializeJsonLd(data)) as unknown;

describe('newsArticleJsonLd', () => {
  it('carries corrections as CorrectionComment items with their text and time, and none when there are none', () => {
    const corrected = newsArticleJsonLd({
      ...article,
      corrections: [{ text: 'An earlier version gave the wrong day.', datePublished: '2022-05-24T10:00:00+04:00' }],
    });
    expect(corrected.correction).toEqual([
      {
        '@type': 'CorrectionComment',
        text: 'An earlier version gave the wrong day.',
        datePublished: '2022-05-24T10:00:00+04:00',
      },
    ]);
    expect(newsArticleJsonLd({ ...article, corrections: [] })).not.toHaveProperty('correction');
  });

  it('describes the article with its dates as written, publisher, image and canonical URL', () => {
    expect(newsArticleJsonLd(article)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Russian diplomat resigns',
      description: 'He disagrees with the invasion.',
      url: article.url,
      mainEntityOfPage: { '@type': 'WebPage', '@id': article.url },
      datePublished: '2022-05-23',
      dateModified: '2022-05-23T15:25:00+04:00',
      articleSection: 'World',
      keywords: ['diplomacy'],
      image: [{ '@type': 'ImageObject', ...image }],
      publisher: {
        '@type': 'NewsMediaOrganization',
        name: 'Broadside',
        url: 'https://broadside.example/',
        logo: { '@type': 'ImageObject', url: 'https://broadside.example/logo.png', width: 512, height: 512 },
      },
      inLanguage: 'en',
      isAccessibleForFree: true,
    });
  });

  it('leaves the author out rather than inventing one', () => {
    expect(newsArticleJsonLd(article)).not.toHaveProperty('author');
    expect(newsArticleJsonLd({ ...article, tags: [] })).not.toHaveProperty('keywords');
  });

  it('credits named authors as people with their author page, then agencies as organisations', () => {
    const jane = { name: 'Jane Doe', url: 'https://broadside.example/authors/jane-doe/' };
    expect(newsArticleJsonLd({ ...article, authors: [jane], agencies: ['AFP', 'AP'] }).author).toEqual([
      { '@type': 'Person', name: 'Jane Doe', url: 'https://broadside.example/authors/jane-doe/' },
      { '@type': 'Organization', name: 'AFP' },
      { '@type': 'Organization', name: 'AP' },
    ]);
  });
});

describe('personJsonLd', () => {
  const person = {
    url: 'https://broadside.example/authors/jane-doe/',
    name: 'Jane Doe',
    jobTitle: 'Diplomatic correspondent',
    description: 'Covers the United Nations.',
    sameAs: ['https://example.com/jane'],
    publisher,
  };

  it('names the author, their job and their page, the url an article credits them with', () => {
    expect(personJsonLd(person)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Person',
      name: 'Jane Doe',
      url: 'https://broadside.example/authors/jane-doe/',
      mainEntityOfPage: { '@type': 'ProfilePage', '@id': 'https://broadside.example/authors/jane-doe/' },
      jobTitle: 'Diplomatic correspondent',
      description: 'Covers the United Nations.',
      sameAs: ['https://example.com/jane'],
      worksFor: {
        '@type': 'NewsMediaOrganization',
        name: 'Broadside',
        url: 'https://broadside.example/',
        logo: { '@type': 'ImageObject', url: 'https://broadside.example/logo.png', width: 512, height: 512 },
      },
    });
  });

  it('gives the portrait and e-mail when there are some, and leaves out what is not', () => {
    const portrait = { url: 'https://broadside.example/_astro/jane.jpg', width: 256, height: 256 };
    expect(personJsonLd({ ...person, image: portrait, email: 'jane@example.com' })).toMatchObject({
      image: { '@type': 'ImageObject', ...portrait },
      email: 'jane@example.com',
    });
    const bare = personJsonLd({ ...person, sameAs: [] });
    expect(bare).not.toHaveProperty('sameAs');
    expect(bare).not.toHaveProperty('image');
    expect(bare).not.toHaveProperty('email');
  });
});

describe('liveBlogJsonLd', () => {
  const blog = {
    url: 'https://broadside.example/live/russia-ukraine/',
    headline: 'Russia-Ukraine: live updates',
    description: 'The resignation and the reactions.',
    coverageStartTime: '2022-05-23T09:00:00+04:00',
    dateModified: '2022-05-23T15:25:00+04:00',
    updates: [
      {
        url: 'https://broadside.example/live/russia-ukraine/updates/mission-silent/',
        headline: 'Russian mission does not respond',
        datePublished: '2022-05-23T15:25:00+04:00',
        dateModified: '2022-05-23T16:00:00+04:00',
        authors: [{ name: 'Jane Example', url: 'https://broadside.example/authors/jane-example/' }],
        body: 'A spokesman did not respond.',
      },
    ],
    image,
    publisher,
    lang: 'en',
  };

  it("gives coverage times and each update with its times, author and own page's URL", () => {
    const data = liveBlogJsonLd(blog);
    expect(data).toMatchObject({
      '@type': 'LiveBlogPosting',
      coverageStartTime: '2022-05-23T09:00:00+04:00',
      datePublished: '2022-05-23T09:00:00+04:00',
      dateModified: '2022-05-23T15:25:00+04:00',
      mainEntityOfPage: { '@type': 'WebPage', '@id': blog.url },
      liveBlogUpdate: [
        {
          '@type': 'BlogPosting',
          headline: 'Russian mission does not respond',
          url: 'https://broadside.example/live/russia-ukraine/updates/mission-silent/',
          datePublished: '2022-05-23T15:25:00+04:00',
          dateModified: '2022-05-23T16:00:00+04:00',
          author: [{ '@type': 'Person', name: 'Jane Example', url: 'https://broadside.example/authors/jane-example/' }],
          articleBody: 'A spokesman did not respond.',
        },
      ],
    });
  });

  it('credits no one for an update without authors, rather than inventing a name', () => {
    const update = { ...blog.updates[0]!, authors: [] };
    const [posting] = liveBlogJsonLd({ ...blog, updates: [update] }).liveBlogUpdate as Record<string, unknown>[];
    expect(posting).toHaveProperty('headline');
    expect(posting).not.toHaveProperty('author');
  });

  it('has no coverage end while live, and one once the coverage has ended', () => {
    expect(liveBlogJsonLd(blog)).not.toHaveProperty('coverageEndTime');
    expect(liveBlogJsonLd({ ...blog, coverageEndTime: '2022-05-24T09:00:00+04:00' }).coverageEndTime).toBe(
      '2022-05-24T09:00:00+04:00',
    );
  });
});

describe('breadcrumbJsonLd', () => {
  it('numbers the crumbs from the front page down', () => {
    expect(
      breadcrumbJsonLd([
        { name: 'Broadside', url: 'https://broadside.example/' },
        { name: 'World', url: 'https://broadside.example/world/' },
      ]),
    ).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Broadside', item: 'https://broadside.example/' },
        { '@type': 'ListItem', position: 2, name: 'World', item: 'https://broadside.example/world/' },
      ],
    });
  });
});

describe('serializeJsonLd', () => {
  const hostile = `"Quotes" & 'apostrophes' </script><script>alert(1)</script> <!-- \u2028\u2029 🇺🇦🎉`;

  it('writes no character that could end the script element or open a comment', () => {
    const text = serializeJsonLd(newsArticleJsonLd({ ...article, headline: hostile }));
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text.toLowerCase()).not.toContain('</script');
    expect(text).toContain('\\u003c/script\\u003e');
  });

  it('round-trips every character exactly', () => {
    expect(parsed(newsArticleJsonLd({ ...article, headline: hostile }))).toMatchObject({ headline: hostile });
  });
});
