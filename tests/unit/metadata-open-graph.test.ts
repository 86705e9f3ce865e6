import { describe, expect, it } from 'vitest';
import { openGraphLocale, openGraphTags, type OpenGraphInput } from '@/lib/metadata/open-graph';

const input: OpenGraphInput = {
  url: 'https://broadside.example/world/2022/05/23/seed/',
  title: 'Russian diplomat resigns',
  description: 'He disagrees with the invasion.',
  siteName: 'Broadside',
  locale: 'en_US',
  image: {
    url: 'https://broadside.example/cards/world/2022/05/23/seed.png',
    width: 1200,
    height: 630,
    alt: 'Broadside card: World, May 23, 2022. Russian diplomat resigns',
    type: 'image/png',
  },
  article: {
    publishedTime: '2022-05-23',
    modifiedTime: '2022-05-23T15:25:00+04:00',
    section: 'World',
    tags: ['russia-ukraine-war', 'diplomacy'],
  },
};

const asText = (tags: ReturnType<typeof openGraphTags>) =>
  tags.map((tag) => `${tag.attribute}=${tag.key}: ${tag.content}`);

describe('openGraphTags', () => {
  it('gives an article every Open Graph and Twitter tag, in order, Open Graph as property=', () => {
    expect(asText(openGraphTags(input))).toEqual([
      'property=og:type: article',
      'property=og:title: Russian diplomat resigns',
      'property=og:description: He disagrees with the invasion.',
      'property=og:url: https://broadside.example/world/2022/05/23/seed/',
      'property=og:site_name: Broadside',
      'property=og:locale: en_US',
      'property=og:image: https://broadside.example/cards/world/2022/05/23/seed.png',
      'property=og:image:type: image/png',
      'property=og:image:width: 1200',
      'property=og:image:height: 630',
      'property=og:image:alt: Broadside card: World, May 23, 2022. Russian diplomat resigns',
      'property=article:published_time: 2022-05-23',
      'property=article:modified_time: 2022-05-23T15:25:00+04:00',
      'property=article:section: World',
      'property=article:tag: russia-ukraine-war',
      'property=article:tag: diplomacy',
      'name=twitter:card: summary_large_image',
      'name=twitter:title: Russian diplomat resigns',
      'name=twitter:description: He disagrees with the invasion.',
      'name=twitter:image: https://broadside.example/cards/world/2022/05/23/seed.png',
      'name=twitter:image:alt: Broadside card: World, May 23, 2022. Russian diplomat resigns',
    ]);
  });

  it('makes any other page a website, with a small Twitter card when it has no image', () => {
    const tags = asText(openGraphTags({ ...input, image: undefined, article: undefined }));
    expect(tags).toContain('property=og:type: website');
    expect(tags).toContain('name=twitter:card: summary');
    expect(tags.some((tag) => tag.includes('article:') || tag.includes('image'))).toBe(false);
  });

  it('passes hostile text through untouched: escaping is the HTML writer’s job, not the builder’s', () => {
    const title = `"Quotes" & </script> 🎉`;
    const tags = openGraphTags({ ...input, title });
    expect(tags.filter((tag) => tag.key.endsWith(':title')).map((tag) => tag.content)).toEqual([title, title]);
  });
});

describe('openGraphLocale', () => {
  it.each([
    ['en-US', 'en_US'],
    ['en', 'en'],
    ['ar', 'ar'],
    ['pt-br', 'pt_BR'],
    ['zh-Hant-TW', 'zh_TW'],
  ])('%s becomes %s', (bcp47, expected) => {
    expect(openGraphLocale(bcp47)).toBe(expected);
  });
});
