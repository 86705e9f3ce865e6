/**
 * The built site as the things a permalink is pasted into read it: link
 * previews and search engines (meta tags, JSON-LD), feed readers, crawlers
 * (sitemap, robots.txt, redirects), and readers who share a page, an update
 * or a quote.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { builtPages, readPage } from './dist';
import { articlePath, liveBlogPath, normalise, seedHeadline, seedLines } from './seed';

const origin = 'https://broadside.example';
const redirectedPath = '/world/2022/05/23/russian-diplomat-resigns/';
/** The site's date-only article: published on a day, time unknown, never updated. */
const dateOnlyArticlePath = '/world/2022/05/24/quad-maritime-watch/';

/** What a link-preview client takes from a page's HTML. */
interface Preview {
  canonical?: string | undefined;
  robots?: string | undefined;
  refresh?: string | undefined;
  /** Every `property=` and `name=` meta, in order. */
  meta: [string, string][];
  jsonLd: Record<string, unknown>[];
  feeds: string[];
}

function preview(html: string): Preview {
  const tree: Root = fromHtml(html);
  const attr = (element: Element | undefined, name: string) => element?.properties[name] as string | undefined;
  return {
    canonical: attr(select('link[rel=canonical]', tree), 'href'),
    robots: attr(select('meta[name=robots]', tree), 'content'),
    refresh: attr(select('meta[http-equiv=refresh]', tree), 'content'),
    meta: selectAll('meta[property], meta[name]', tree).map((element) => [
      attr(element, 'property') ?? attr(element, 'name')!,
      attr(element, 'content')!,
    ]),
    jsonLd: selectAll('script[type="application/ld+json"]', tree).map(
      (script) => JSON.parse(toString(script)) as Record<string, unknown>,
    ),
    feeds: selectAll('link[rel=alternate][type="application/rss+xml"]', tree).map((link) => attr(link, 'href')!),
  };
}

const values = (data: Preview, key: string) => data.meta.filter(([name]) => name === key).map(([, value]) => value);
const one = (data: Preview, key: string) => {
  expect(values(data, key), key).toHaveLength(1);
  return values(data, key)[0]!;
};

async function fetchPreview(request: APIRequestContext, path: string) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return preview(await response.text());
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer) {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Parses XML in the browser, as a feed reader would; fails on any parse error. */
/** The `<loc>` and `<lastmod>` of each `<url>` or `<sitemap>`, as the browser's XML parser reads them. */
async function xmlEntries(page: Page, xml: string, item: 'url' | 'sitemap') {
  return page.evaluate(
    ([text, name]) =>
      [...new DOMParser().parseFromString(text, 'application/xml').getElementsByTagName(name)].map((element) => ({
        loc: element.getElementsByTagName('loc')[0]?.textContent ?? '',
        lastmod: element.getElementsByTagName('lastmod')[0]?.textContent ?? null,
      })),
    [xml, item] as const,
  );
}

async function parseXml(page: Page, xml: string) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const error = doc.querySelector('parsererror');
    return { error: error?.textContent ?? null, root: doc.documentElement.nodeName };
  }, xml);
}

test.describe('link previews and structured data', () => {
  test.use({ javaScriptEnabled: false });

  test('the seed article: tags and JSON-LD say what the page shows, on one canonical URL', async ({
    request,
    page,
  }) => {
    const data = await fetchPreview(request, articlePath);
    const canonical = `${origin}${articlePath}`;
    const [news, crumbs] = data.jsonLd;

    await page.goto(articlePath);
    const headline = (await page.locator('h1').innerText()).trim();
    const standfirst = (await page.locator('.standfirst').innerText()).trim();
    const times = await page
      .locator('.timestamps time')
      .evaluateAll((els) => els.map((el) => el.getAttribute('datetime')));
    const section = (await page.locator('.section-label').textContent())!.trim();
    const tags = await page
      .locator('nav.tags a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')!.split('/').at(-2)!));

    expect(data.canonical).toBe(canonical);
    expect(one(data, 'og:url')).toBe(canonical);
    expect(news).toMatchObject({ '@type': 'NewsArticle', url: canonical, mainEntityOfPage: { '@id': canonical } });

    for (const key of ['og:title', 'twitter:title']) expect(one(data, key)).toBe(headline);
    expect(news!.headline).toBe(headline);
    for (const key of ['og:description', 'twitter:description']) expect(one(data, key)).toBe(standfirst);
    expect(news!.description).toBe(standfirst);

    expect(times).toEqual(['2022-05-23', '2022-05-23T15:25:00+04:00']);
    expect(one(data, 'article:published_time')).toBe(times[0]);
    expect(one(data, 'article:modified_time')).toBe(times[1]);
    expect(news).toMatchObject({ datePublished: times[0], dateModified: times[1] });

    expect(one(data, 'og:type')).toBe('article');
    expect(one(data, 'og:site_name')).toBe('Broadside');
    expect(one(data, 'og:locale')).toBe('en_US');
    expect(one(data, 'article:section')).toBe(section);
    expect(values(data, 'article:tag')).toEqual(tags);
    expect(one(data, 'twitter:card')).toBe('summary_large_image');

    // The seed credits no writer: the page shows no byline and the data invents none.
    await expect(page.locator('.byline')).toHaveCount(0);
    expect(news).not.toHaveProperty('author');
    expect(news).toMatchObject({ inLanguage: 'en', isAccessibleForFree: true, publisher: { name: 'Broadside' } });
    expect(crumbs).toMatchObject({
      '@type': 'BreadcrumbList',
      itemListElement: [
        { position: 1, item: `${origin}/` },
        { position: 2, name: section, item: `${origin}/world/` },
        { position: 3, name: headline, item: canonical },
      ],
    });
  });

  test("the live blog: one liveBlogUpdate per visible update, with its own time and page's URL", async ({
    request,
    page,
  }) => {
    const data = await fetchPreview(request, liveBlogPath);
    const canonical = `${origin}${liveBlogPath}`;
    const [posting] = data.jsonLd as [
      { liveBlogUpdate: { url: string; headline: string; datePublished: string }[] } & Record<string, unknown>,
    ];
    await page.goto(liveBlogPath);
    const shown = await page.locator('article.live-update[id]').evaluateAll((updates) =>
      updates.map((update) => ({
        url: update.querySelector<HTMLAnchorElement>('.update-permalink a')!.href,
        headline: update.querySelector('h2')!.textContent.trim(),
        datePublished: update.querySelector('time')!.getAttribute('datetime')!,
      })),
    );

    expect(data.canonical).toBe(canonical);
    expect(one(data, 'og:url')).toBe(canonical);
    expect(posting).toMatchObject({
      '@type': 'LiveBlogPosting',
      url: canonical,
      headline: (await page.locator('h1').innerText()).trim(),
      coverageStartTime: await page.locator('.timestamps time').first().getAttribute('datetime'),
    });
    expect(posting).not.toHaveProperty('coverageEndTime');
    expect(shown.length).toBeGreaterThan(1);
    expect(posting.liveBlogUpdate).toEqual(
      shown.map((update) =>
        expect.objectContaining({ ...update, url: update.url.replace(/^http:\/\/127\.0\.0\.1:\d+/, origin) }),
      ),
    );
    expect(data.feeds).toEqual([`${origin}/feed.xml`, `${origin}/live/russia-ukraine/feed.xml`]);
  });

  test("an update's own page previews as that update, with its own card", async ({ request }) => {
    const path = '/live/russia-ukraine/updates/bondarev-resigns/';
    const data = await fetchPreview(request, path);
    expect(data.canonical).toBe(`${origin}${path}`);
    expect(one(data, 'og:title')).toBe('Russian diplomat at the UN in Geneva resigns over the invasion');
    expect(one(data, 'og:image')).toBe(`${origin}/cards/live/russia-ukraine/updates/bondarev-resigns.png`);
    const card = await request.get('/cards/live/russia-ukraine/updates/bondarev-resigns.png');
    expect(card.headers()['content-type']).toBe('image/png');
    expect(data.jsonLd[0]).toMatchObject({ '@type': 'BlogPosting', url: `${origin}${path}` });
  });

  for (const path of [articlePath, liveBlogPath]) {
    test(`${path}: the share card is a 1200x630 PNG, described in the tags`, async ({ request }) => {
      const data = await fetchPreview(request, path);
      const image = one(data, 'og:image');
      expect(one(data, 'twitter:image')).toBe(image);
      expect(one(data, 'og:image:width')).toBe('1200');
      expect(one(data, 'og:image:height')).toBe('630');
      expect(one(data, 'og:image:alt')).toContain(one(data, 'og:title'));
      expect(image.startsWith(`${origin}/cards/`)).toBe(true);
      const response = await request.get(new URL(image).pathname);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('image/png');
      expect(pngSize(await response.body())).toEqual({ width: 1200, height: 630 });
    });
  }

  test('every indexable page has one canonical URL, equal to og:url, and advertises the feed', () => {
    const pages = builtPages().filter((path) => path !== '/404.html' && !path.startsWith('/_'));
    expect(pages.length).toBeGreaterThan(5);
    for (const path of pages) {
      const data = preview(readPage(path));
      expect(data.feeds, path).toContain(`${origin}/feed.xml`);
      if (data.robots?.includes('noindex')) continue;
      expect(data.canonical, path).toBe(`${origin}${path}`);
      expect(values(data, 'og:url'), path).toEqual([data.canonical]);
    }
  });
});

test.describe('redirects', () => {
  test('_redirects lists each old path with a permanent redirect to its permalink', async ({ request }) => {
    const response = await request.get('/_redirects');
    expect(response.status()).toBe(200);
    expect(await response.text()).toBe(`${redirectedPath} ${articlePath} 301\n`);
  });

  test('the old path is a noindex page that refreshes to the permalink and names it as canonical', async ({
    request,
  }) => {
    const data = await fetchPreview(request, redirectedPath);
    expect(data.refresh).toBe(`0; url=${articlePath}`);
    expect(data.canonical).toBe(`${origin}${articlePath}`);
    expect(data.robots).toBe('noindex');
    expect(data.jsonLd).toEqual([]);
  });

  test('a browser that follows the refresh lands on the article', async ({ page }) => {
    await page.goto(redirectedPath);
    await page.waitForURL(`**${articlePath}`);
    await expect(page.locator('h1')).toHaveText(seedHeadline);
  });

  test.describe('with JavaScript off', () => {
    test.use({ javaScriptEnabled: false });
    test('the refresh works, and the old page links to the article for browsers that ignore it', async ({
      request,
      page,
    }) => {
      const html = await (await request.get(redirectedPath)).text();
      const link = select(`main a[href="${articlePath}"]`, fromHtml(html));
      expect(link && toString(link)).toBe(seedHeadline);
      await page.goto(redirectedPath);
      await page.waitForURL(`**${articlePath}`);
    });
  });
});

test.describe('deep links', () => {
  test.use({ reducedMotion: 'reduce' });

  test('each pull quote links to its sentence in the body, and the browser scrolls there', async ({ page }) => {
    await page.goto(articlePath);
    const links = await page
      .locator('.pullquote-link a')
      .evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
    expect(links).toHaveLength(2);
    const quotes = ['Never have I been so ashamed of my country', 'It is all about warmongering, lies and hatred'];
    // Without the fragment, neither sentence is on the first screen: landing on it is the link's doing.
    for (const quote of quotes) await expect(page.locator('.prose > p', { hasText: quote })).not.toBeInViewport();
    for (const [index, href] of links.entries()) {
      expect(href).toContain(`${articlePath}#:~:text=`);
      // A fresh page, as when the link is opened from a chat: the browser must find and show the sentence.
      const reader = await page.context().newPage();
      await reader.goto(href);
      const sentence = reader.locator('.prose > p', { hasText: quotes[index]! });
      await expect(sentence).toHaveCount(1);
      await expect(sentence).toBeInViewport();
      expect(await reader.evaluate(() => window.scrollY)).toBeGreaterThan(0);
      await reader.close();
    }
  });

  test('the quote links are reachable by keyboard and not inside the hidden figures', async ({ page }) => {
    await page.goto(articlePath);
    for (const link of await page.locator('.pullquote-link a').all()) {
      expect(await link.evaluate((anchor) => anchor.closest('[aria-hidden="true"]'))).toBeNull();
      await expect(link).toHaveAccessibleName(/^Link to this quote in the text ?: “.+”$/);
      expect(await link.getAttribute('tabindex')).toBeNull();
    }
  });
});

test.describe('share links with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  for (const [path, what] of [
    [articlePath, 'this article'],
    [liveBlogPath, 'this live blog'],
  ] as const) {
    test(`${path}: six plain links with the permalink and no tracking, big enough to tap`, async ({ page }) => {
      await page.goto(path);
      const share = page.locator('share-links');
      await expect(share.locator('.share-label')).toHaveText(`Share ${what}`);
      const links = share.getByRole('listitem').getByRole('link');
      await expect(links).toHaveCount(6);
      const canonical = encodeURIComponent(`${origin}${path}`);
      for (const link of await links.all()) {
        const href = (await link.getAttribute('href'))!;
        expect(href).toContain(canonical);
        expect(href).not.toMatch(/utm_|fbclid/);
        if (href.startsWith('https:')) {
          await expect(link).toHaveAttribute('target', '_blank');
          await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
        }
        const box = (await link.boundingBox())!;
        expect(box.width).toBeGreaterThanOrEqual(24);
        expect(box.height).toBeGreaterThanOrEqual(24);
      }
      await expect(share.getByRole('button')).toHaveCount(0);
      const scripts = await page
        .locator('script[src]')
        .evaluateAll((els) => els.map((el) => (el as HTMLScriptElement).src));
      for (const src of scripts) expect(new URL(src).host).toBe(new URL(page.url()).host);
    });
  }

  test('the share links are not printed', async ({ page }) => {
    await page.goto(articlePath);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('share-links')).toBeHidden();
    await expect(page.locator('.pullquote-link').first()).toBeHidden();
  });
});

test.describe('copy link with JavaScript on', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('copies the article permalink and says so in a status message', async ({ page }) => {
    await page.goto(articlePath);
    const button = page.locator('share-links').getByRole('button', { name: 'Copy link to this article' });
    await expect(button).toBeVisible();
    const box = (await button.boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(24);
    await button.click();
    await expect(page.locator('share-links').getByRole('status')).toHaveText('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${origin}${articlePath}`);
  });

  test('copies the URL of one live update', async ({ page }) => {
    await page.goto(liveBlogPath);
    const update = page.locator('article.live-update').first();
    const id = await update.getAttribute('id');
    const title = (await update.locator('h2').innerText()).trim();
    await update.getByRole('button', { name: `Copy link to the update “${title}”` }).click();
    await expect(update.getByRole('status')).toHaveText('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${origin}${liveBlogPath}updates/${id!.replace(/^update-/, '')}/`,
    );
  });

  test('says so when the copy fails', async ({ page }) => {
    await page.addInitScript(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    });
    await page.goto(articlePath);
    await page.locator('share-links').getByRole('button', { name: 'Copy link to this article' }).click();
    await expect(page.locator('share-links').getByRole('status')).toHaveText(
      'Could not copy: copy the address from the address bar',
    );
  });

  test('offers the device share sheet where the browser has one', async ({ page }) => {
    await page.addInitScript(() => {
      const shared: ShareData[] = [];
      Object.assign(window, { shared });
      Object.defineProperty(navigator, 'share', {
        value: (data: ShareData) => {
          shared.push(data);
          return Promise.resolve();
        },
      });
    });
    await page.goto(articlePath);
    await page.locator('share-links').getByRole('button', { name: 'Share…' }).click();
    expect(await page.evaluate(() => (window as unknown as { shared: ShareData[] }).shared)).toEqual([
      { url: `${origin}${articlePath}`, title: seedHeadline },
    ]);
  });
});

test.describe('feeds and crawlers', () => {
  test('the site feed is RSS 2.0 with the whole article, absolute links and the update time', async ({
    page,
    request,
  }) => {
    const xml = await (await request.get('/feed.xml')).text();
    await page.goto(articlePath);
    expect(await parseXml(page, xml)).toEqual({ error: null, root: 'rss' });
    // The seed's item; the date-only article published a day later comes first.
    const item = await page.evaluate(
      ([text, link]) => {
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        const entry = [...doc.querySelectorAll('item')].find(
          (candidate) => candidate.querySelector('link')?.textContent === link,
        )!;
        const html = entry.getElementsByTagNameNS('http://purl.org/rss/1.0/modules/content/', 'encoded')[0]!
          .textContent;
        const body = new DOMParser().parseFromString(html, 'text/html');
        return {
          title: entry.querySelector('title')!.textContent,
          link: entry.querySelector('link')!.textContent,
          updated: entry.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'updated')[0]?.textContent,
          text: body.body.textContent,
          urls: [...body.querySelectorAll('[href], [src]')].map(
            (el) => el.getAttribute('href') ?? el.getAttribute('src'),
          ),
        };
      },
      [xml, `${origin}${articlePath}`] as const,
    );
    expect(item.title).toBe(seedHeadline);
    expect(item.link).toBe(`${origin}${articlePath}`);
    expect(item.updated).toBe('2022-05-23T15:25:00+04:00');
    const [, standfirst, , , , ...paragraphs] = seedLines;
    paragraphs.pop();
    const text = normalise(item.text);
    for (const line of [standfirst!, ...paragraphs]) expect(text, line).toContain(normalise(line));
    expect(item.urls.length).toBeGreaterThan(1);
    for (const url of item.urls) expect(url).toMatch(/^(https:\/\/broadside\.example\/|mailto:)/);
  });

  test("the live blog feed has one item per update, each whole, linking to the update's own page", async ({
    page,
    request,
  }) => {
    const xml = await (await request.get('/live/russia-ukraine/feed.xml')).text();
    await page.goto(liveBlogPath);
    expect(await parseXml(page, xml)).toEqual({ error: null, root: 'rss' });
    const items = await page.evaluate(
      (text) =>
        [...new DOMParser().parseFromString(text, 'application/xml').querySelectorAll('item')].map((item) => ({
          link: item.querySelector('link')!.textContent,
          content: item.getElementsByTagNameNS('http://purl.org/rss/1.0/modules/content/', 'encoded')[0]?.textContent,
          updated: item.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'updated')[0]?.textContent,
        })),
      xml,
    );
    const anchors = await page.locator('article.live-update[id]').evaluateAll((updates) => updates.map((u) => u.id));
    expect(items.map((item) => item.link)).toEqual(
      anchors.map((id) => `${origin}${liveBlogPath}updates/${id.replace(/^update-/, '')}/`),
    );
    // The first update's body is Markdown: its link comes through whole and absolute.
    expect(items.at(-1)!.content).toMatch(new RegExp(`<a href="${origin}${articlePath}"[^>]*>Read the full story</a>`));
    expect(items[0]!.updated).toBe('2022-05-23T15:25:00+04:00');
  });

  test('robots.txt points to the sitemap, which lists every indexable page once, dated as the page dates itself', async ({
    page,
    request,
  }) => {
    const robots = await (await request.get('/robots.txt')).text();
    expect(robots).toContain(`Sitemap: ${origin}/sitemap-index.xml`);
    const index = await (await request.get('/sitemap-index.xml')).text();
    await page.goto('/');
    expect(await parseXml(page, index)).toEqual({ error: null, root: 'sitemapindex' });
    const sitemaps = await xmlEntries(page, index, 'sitemap');
    expect(sitemaps[0]).toEqual({ loc: `${origin}/sitemap-0.xml`, lastmod: '2022-05-24' });
    const entries = new Map<string, string | null>();
    for (const sitemap of sitemaps) {
      const response = await request.get(new URL(sitemap.loc).pathname);
      expect(response.status(), sitemap.loc).toBe(200);
      const xml = await response.text();
      expect(await parseXml(page, xml)).toEqual({ error: null, root: 'urlset' });
      for (const { loc, lastmod } of await xmlEntries(page, xml, 'url')) {
        expect(entries.has(loc), `${loc} listed twice`).toBe(false);
        entries.set(loc, lastmod);
      }
    }

    // Every page a reader can land on, and nothing else: not the 404 page, no redirect page (noindex).
    const indexable = builtPages().filter(
      (path) => path !== '/404.html' && !preview(readPage(path)).robots?.includes('noindex'),
    );
    expect([...entries.keys()].sort()).toEqual(indexable.map((path) => `${origin}${path}`).sort());
    expect(entries.has(`${origin}${redirectedPath}`)).toBe(false);

    // A date alone stays a date, a date-time keeps its offset: each as its page's JSON-LD gives it.
    expect(entries.get(`${origin}${dateOnlyArticlePath}`)).toBe('2022-05-24');
    expect(entries.get(`${origin}${articlePath}`)).toBe('2022-05-23T15:25:00+04:00');
    expect(entries.get(`${origin}${liveBlogPath}`)).toBe('2022-05-23T15:25:00+04:00');
    for (const path of [dateOnlyArticlePath, articlePath, liveBlogPath]) {
      const dated = preview(readPage(path)).jsonLd.find((data) => 'dateModified' in data);
      expect(entries.get(`${origin}${path}`), path).toBe(dated?.dateModified);
    }
    // A list page takes the newest of what it lists; a page that lists nothing dated has no date.
    expect(entries.get(`${origin}/`)).toBe('2022-05-24');
    expect(entries.get(`${origin}/tags/diplomacy/`)).toBe('2022-05-24');
    expect(entries.get(`${origin}/tags/united-nations/`)).toBe('2022-05-23T15:25:00+04:00');
    expect(entries.get(`${origin}/search/`)).toBeNull();
    expect(entries.get(`${origin}/climate/`)).toBeNull();
  });
});
