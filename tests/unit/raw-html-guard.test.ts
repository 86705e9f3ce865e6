import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { attributeName, rawHtmlDifferences } from '@/lib/markdown/raw-html-differences';
import { allowedUrlsHint, isAllowedElement, isSafeUrl, rawHtmlSchema } from '@/lib/markdown/raw-html-schema';
import { explicitRefusals, srcsetUrls } from '@/lib/markdown/remark-raw-html-guard';

const fragment = (html: string) => fromHtml(html, { fragment: true });
const reasons = (html: string) => rawHtmlDifferences(fragment(html)).map((difference) => difference.reason);
const firstElement = (html: string) => fragment(html).children[0] as Element;
const options = { embedOrigins: ['https://www.youtube-nocookie.com'] };

describe('isSafeUrl', () => {
  it.each([
    'https://www.un.org/en/',
    'http://example.com',
    'mailto:desk@broadside.example',
    'tel:+97140000000',
    '#update-first',
    '/world/2022/05/23/x/',
    './photo.jpg',
    '../photo.jpg',
    'photo.jpg',
    'page?x=1:2',
  ])('accepts %s as a link', (url) => {
    expect(isSafeUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'chrome://settings',
    'HTTPS://example.com/',
  ])('refuses %j as a link', (url) => {
    expect(isSafeUrl(url)).toBe(false);
  });

  it('holds images and embeds to http(s) and relative URLs alone', () => {
    expect(isSafeUrl('/images/map.png', 'src')).toBe(true);
    expect(isSafeUrl('https://www.youtube-nocookie.com/embed/x', 'src')).toBe(true);
    expect(isSafeUrl('mailto:desk@broadside.example', 'src')).toBe(false);
    expect(isSafeUrl('data:image/png;base64,AAAA', 'src')).toBe(false);
  });
});

describe('allowedUrlsHint', () => {
  it("names the schema's schemes for the attribute", () => {
    expect(allowedUrlsHint('href')).toBe('only http(s), mailto, tel and site-relative URLs are allowed');
    expect(allowedUrlsHint('src')).toBe('only http(s) and site-relative URLs are allowed');
  });

  it('asks for lower case where only the case is wrong', () => {
    expect(allowedUrlsHint('href', 'HTTPS://example.com/')).toBe('write the scheme in lower case ("https:")');
    expect(allowedUrlsHint('src', 'Mailto:x')).toBe('only http(s) and site-relative URLs are allowed');
  });
});

describe('isAllowedElement', () => {
  it('knows the elements an article may use, in any case, and no other', () => {
    expect(isAllowedElement('iframe')).toBe(true);
    expect(isAllowedElement('DETAILS')).toBe(true);
    expect(isAllowedElement('script')).toBe(false);
    expect(isAllowedElement('constructor')).toBe(false);
  });
});

describe('rawHtmlDifferences', () => {
  it('finds nothing in HTML the schema allows, ids and notes included', () => {
    expect(
      reasons(
        '<!-- note --><figure id="map" class="wide" data-kind="map"><img src="/a.jpg" srcset="/a.jpg 1x, /b.jpg 2x" alt="A" loading="lazy"><figcaption lang="fr" dir="rtl">Carte</figcaption></figure>' +
          '<table><tr><th scope="col" colspan="2">A</th></tr></table><ol reversed start="3" type="i"><li>x</li></ol>' +
          '<a href="mailto:desk@broadside.example" target="_blank" rel="noopener">Write</a><details open><summary>More</summary></details>',
      ),
    ).toEqual([]);
  });

  it('refuses an element that is not on the list once, with what it holds', () => {
    expect(reasons('<div><form action="/x"><input name="q"><button>Go</button></form><b>ok</b></div>')).toEqual([
      '<form> is not allowed in articles (it is not on the list of elements an article may use)',
    ]);
    expect(reasons('<script>alert(1)</script>')).toEqual(['<script> is not allowed in articles']);
    expect(rawHtmlDifferences(fragment('<svg onload="alert(1)"><a href="x">x</a></svg>'))).toMatchObject([
      { removed: true, element: { tagName: 'svg' } },
    ]);
  });

  it('names every refused attribute of an element, each with its reason', () => {
    expect(reasons('<p style="color:red" onclick="alert(1)" aria-label="x" class="a">Text</p>')).toEqual([
      "<p style>: inline styles are not allowed; the site's stylesheet sets the look",
      '<p onclick>: event-handler attributes can run script and are not allowed',
      '<p aria-label>: this attribute is not allowed on <p>',
    ]);
    expect(reasons('<span href="/x">x</span>')).toEqual(['<span href>: this attribute is not allowed on <span>']);
  });

  it('refuses URLs with a scheme the attribute does not allow', () => {
    expect(reasons('<a href="  JaVaScRiPt:alert(1)">x</a>')).toEqual([
      '<a href="  JaVaScRiPt:alert(1)">: only http(s), mailto, tel and site-relative URLs are allowed',
    ]);
    expect(reasons('<a href="jav&#x09;ascript:alert(1)">x</a>')).toHaveLength(1);
    expect(reasons('<q cite="tel:+1">x</q>')).toEqual([
      '<q cite="tel:+1">: only http(s) and site-relative URLs are allowed',
    ]);
  });

  it('refuses keyword attributes with a value not on their list', () => {
    expect(reasons('<a href="/x" target="_top">x</a>')).toEqual([
      '<a target="_top">: target may only be _blank or _self',
    ]);
    expect(reasons('<img src="/a.jpg" alt="" loading="soon">')).toEqual([
      '<img loading="soon">: loading may only be lazy or eager',
    ]);
  });

  it("leaves ids as written, unlike GitHub's schema, which prefixes them", () => {
    expect(rawHtmlSchema.clobber).toEqual([]);
    expect(reasons('<h2 id="the-letter">The letter</h2>')).toEqual([]);
  });
});

describe('explicitRefusals', () => {
  it('checks each srcset URL, a data: URL with its comma included', () => {
    expect(
      explicitRefusals(firstElement('<source srcset="/a.avif 1x, data:image/png;base64,AAAA 2x">'), options),
    ).toEqual(['<source srcset="data:image/png;base64,AAAA">: only http(s) and site-relative URLs are allowed']);
    expect(explicitRefusals(firstElement('<img src="/a.jpg" srcset="/a.jpg 1x, /b.jpg 2x" alt="">'), options)).toEqual(
      [],
    );
  });

  it('takes embeds from the configured origins alone, each with a title', () => {
    const embed = (attributes: string) => explicitRefusals(firstElement(`<iframe ${attributes}></iframe>`), options);
    expect(embed('src="https://www.youtube-nocookie.com/embed/x" title="Interview"')).toEqual([]);
    expect(embed('src="https://www.youtube-nocookie.com.evil.example/x" title="x"')).toEqual([
      '<iframe src="https://www.youtube-nocookie.com.evil.example/x">: embeds may only come from https://www.youtube-nocookie.com',
    ]);
    expect(embed('src="https://www.youtube-nocookie.com/embed/x"')).toEqual([
      '<iframe> needs a title that says what it shows',
    ]);
    // A src the schema refuses is reported by the schema's difference, not twice.
    expect(embed('src="javascript:alert(1)" title="x"')).toEqual([]);
  });
});

describe('srcsetUrls', () => {
  it('reads URLs as a browser does', () => {
    expect(srcsetUrls('/a.jpg 1x, /b.jpg 2x')).toEqual(['/a.jpg', '/b.jpg']);
    expect(srcsetUrls('/a.jpg, /b.jpg 640w')).toEqual(['/a.jpg', '/b.jpg']);
    expect(srcsetUrls(' data:image/png;base64,AAAA 2x ')).toEqual(['data:image/png;base64,AAAA']);
    expect(srcsetUrls('')).toEqual([]);
  });
});

describe('attributeName', () => {
  it("turns hast's property names back into the attributes as written", () => {
    expect(attributeName('className')).toBe('class');
    expect(attributeName('dataPrintUrl')).toBe('data-print-url');
    expect(attributeName('ariaLabel')).toBe('aria-label');
    expect(attributeName('srcSet')).toBe('srcset');
    expect(attributeName('onError')).toBe('onerror');
  });
});
