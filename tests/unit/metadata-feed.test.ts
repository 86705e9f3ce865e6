import { describe, expect, it } from 'vitest';
import { articleFeedHtml, feedHtml } from '@/lib/metadata/feed';

const page = 'https://broadside.example/world/2022/05/23/seed/';

describe('feedHtml', () => {
  it('resolves site paths, fragments and srcset against the page', () => {
    expect(
      feedHtml(
        '<a href="/live/russia-ukraine/">x</a><a href="#the-letter">y</a><a href="#:~:text=a%2Cb">q</a><img src="/_astro/a.png" srcset="/_astro/a-480.png 480w, /_astro/a-800.png 800w">',
        page,
      ),
    ).toBe(
      '<a href="https://broadside.example/live/russia-ukraine/">x</a><a href="https://broadside.example/world/2022/05/23/seed/#the-letter">y</a><a href="https://broadside.example/world/2022/05/23/seed/#:~:text=a%2Cb">q</a><img src="https://broadside.example/_astro/a.png" srcset="https://broadside.example/_astro/a-480.png 480w, https://broadside.example/_astro/a-800.png 800w">',
    );
  });

  it('reads a quoted value that holds ">" as part of its tag', () => {
    expect(feedHtml('<a title="a > b" href="/x/">x</a>', page)).toBe(
      '<a title="a > b" href="https://broadside.example/x/">x</a>',
    );
  });

  it('leaves absolute and mailto links as they are', () => {
    const html = '<a href="https://news.example/a?b=1&amp;c=2">x</a><a href="mailto:desk@broadside.example">y</a>';
    expect(feedHtml(html, page)).toBe(html);
  });

  it('touches attributes only, not text that looks like one', () => {
    expect(feedHtml('<p>write href="/x" in HTML</p>', page)).toBe('<p>write href="/x" in HTML</p>');
  });
});

describe('articleFeedHtml', () => {
  it('carries the whole article: standfirst, image with caption and credit, notice, body', () => {
    expect(
      articleFeedHtml({
        pageUrl: page,
        standfirst: 'He quit & said why.',
        image: { src: '/_astro/photo.svg', alt: 'A "placeholder"', caption: 'A soldier.', credit: 'AFP' },
        notice: 'Powered by automated translation',
        bodyHtml: '<p>Body <a href="/world/">World</a>.</p>',
      }),
    ).toBe(
      '<p><strong>He quit &amp; said why.</strong></p><figure><img src="https://broadside.example/_astro/photo.svg" alt="A &quot;placeholder&quot;"><figcaption>A soldier. AFP</figcaption></figure><p><em>Powered by automated translation</em></p><p>Body <a href="https://broadside.example/world/">World</a>.</p>',
    );
  });
});

describe('articleFeedHtml with records', () => {
  it("carries the editor's note above the body and the corrections after it, in the order given", () => {
    expect(
      articleFeedHtml({
        pageUrl: page,
        standfirst: 'He quit.',
        note: 'Reported from Geneva.',
        bodyHtml: '<p>Body.</p>',
        corrections: [
          { label: 'Correction, May 24, 2022, 10:00 AM GMT+4', text: 'The day was wrong.' },
          { label: 'Correction, May 25, 2022, 9:30 AM GMT+4', text: 'So was the <place>.' },
        ],
      }),
    ).toBe(
      '<p><strong>He quit.</strong></p><p><strong>Editor’s note:</strong> Reported from Geneva.</p><p>Body.</p><p><em>Correction, May 24, 2022, 10:00 AM GMT+4:</em> The day was wrong.</p><p><em>Correction, May 25, 2022, 9:30 AM GMT+4:</em> So was the &lt;place>.</p>',
    );
  });
});
