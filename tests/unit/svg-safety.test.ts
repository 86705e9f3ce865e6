import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { imageFileFindings, imageFileProblems, svgProblems } from '@/lib/images/svg-safety';

const project = join(import.meta.dirname, '../..');
const fixtures = join(project, 'tests/fixtures/images');
const fixtureImages = join(fixtures, 'content/articles/2022/images');

/** An SVG document around `body`, with the SVG and XLink namespaces bound as drawing programs write them. */
const svg = (body: string, rootAttributes = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"${rootAttributes}>${body}</svg>`;

describe('svgProblems', () => {
  it.each([
    'content/articles/2022/images/photo-unavailable.svg',
    'public/favicon.svg',
    'tests/fixtures/images/content/articles/2022/images/chart.svg',
  ])('passes the SVG %s', (path) => {
    expect(svgProblems(readFileSync(join(project, path), 'utf8'))).toEqual([]);
  });

  it('passes an XML declaration, a public DOCTYPE, references inside the file and links to the site', () => {
    const text =
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n' +
      svg(
        '<defs><path id="p" d="M0 0h4"/></defs><use href="#p"/><use xlink:href="#p"/>' +
          '<rect fill="url(#p)" style="stroke: url(&quot;#p&quot;); font-family: &quot;Inter: Display&quot;"/>' +
          '<a href="/world/"><text>World</text></a><image href="./photo.png"/>',
      );
    expect(svgProblems(text)).toEqual([]);
  });

  // One hostile sample per way in; each must be refused with a message naming the thing and its line.
  it.each([
    [
      '<script>',
      svg('\n<script>alert(1)</script>'),
      /^<script> on line 2 of the SVG runs script .*remove the script, or export the image as PNG$/,
    ],
    ['<script> written in capitals', svg('<SCRIPT>alert(1)</SCRIPT>'), /^<SCRIPT> .* runs script/],
    [
      '<svg:script> with a prefix',
      svg('<svg:script xmlns:svg="http://www.w3.org/2000/svg">alert(1)</svg:script>'),
      /^<svg:script> .* runs script/,
    ],
    [
      'an XHTML <script>',
      svg('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>'),
      /^<h:script> .* runs script/,
    ],
    [
      'an onload handler',
      svg('', ' onload="alert(1)"'),
      /^<svg onload="alert\(1\)"> on line 1 of the SVG is an event handler/,
    ],
    ['an onclick handler in capitals', svg('<rect ONCLICK="alert(1)"/>'), /^<rect ONCLICK=.* is an event handler/],
    ['a handler name hidden by a character reference', svg('', ' on&#x6c;oad="alert(1)"'), /is an event handler/],
    [
      'a javascript: link',
      svg('<a href="javascript:alert(1)"><text>x</text></a>'),
      /^<a href="javascript:alert\(1\)"> .* runs script/,
    ],
    [
      'a javascript: link split by an encoded tab',
      svg('<a href="java&#x09;script:alert(1)"><text>x</text></a>'),
      /runs script/,
    ],
    [
      'a javascript: link encoded as characters',
      svg('<a xlink:href="&#106;avascript:alert(1)"><text>x</text></a>'),
      /runs script/,
    ],
    [
      'an xlink:href bound to another prefix',
      svg('<a xmlns:l="http://www.w3.org/1999/xlink" l:href="javascript:alert(1)"><text>x</text></a>'),
      /<a l:href=.* runs script/,
    ],
    ['a data: image', svg('<image href="data:image/png;base64,iVBORw0KGgo="/>'), /embeds a data: URL/],
    [
      'an image from another site',
      svg('<image href="https://tracker.example/pixel.png"/>'),
      /loads from outside the site/,
    ],
    [
      'a protocol-relative image',
      svg('<image xlink:href="//tracker.example/pixel.png"/>'),
      /loads from outside the site/,
    ],
    [
      'a back-slashed protocol-relative image',
      svg('<image href="/\\tracker.example/pixel.png"/>'),
      /loads from outside the site/,
    ],
    [
      'xml:base pointing elsewhere',
      svg('<g xml:base="https://tracker.example/"/>'),
      /xml:base=.* loads from outside the site/,
    ],
    [
      'a style url() to another site',
      svg('<rect style="fill: url(https://tracker.example/a.svg#g)"/>'),
      /url\(https:\/\/tracker\.example\/a\.svg#g\) loads from outside the site/,
    ],
    [
      'a style url() hidden by a CSS escape',
      svg('<rect style="fill: \\75 rl(https://tracker.example/#g)"/>'),
      /loads from outside the site/,
    ],
    ['a presentation attribute url()', svg('<rect fill="url(\'javascript:alert(1)\')"/>'), /runs script/],
    [
      'a <style> url()',
      svg('<style>rect { fill: url("data:image/svg+xml,&lt;svg/&gt;") }</style>'),
      /^the <style> on line 1 of the SVG: url\(.* embeds a data: URL/,
    ],
    [
      'a <style> @import',
      svg('<style><![CDATA[ @import "https://tracker.example/a.css"; ]]></style>'),
      /@import loads another stylesheet/,
    ],
    [
      'a <style> image-set() string',
      svg('<style>rect { fill: image-set("https://tracker.example/a.png" 1x) }</style>'),
      /"https:\/\/tracker\.example\/a\.png" loads from outside/,
    ],
    [
      'a <foreignObject>',
      svg('<foreignObject width="10" height="10"><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject>'),
      /^<foreignObject> .* embeds a web page/,
    ],
    ['an <iframe>', svg('<iframe src="/"/>'), /^<iframe> .* embeds a web page/],
    ['an <embed>', svg('<embed src="/x"/>'), /^<embed> .* embeds a web page/],
    ['an <object>', svg('<object data="/x"/>'), /^<object> .* embeds a web page/],
    [
      'an HTML element outside <foreignObject>',
      svg('<h:meta xmlns:h="http://www.w3.org/1999/xhtml" http-equiv="refresh" content="0;url=/x"/>'),
      /^<h:meta> .* is an HTML element/,
    ],
    [
      'a <use> of another file',
      svg('<use href="icons.svg#star"/>'),
      /^<use href="icons\.svg#star"> .* points outside the file/,
    ],
    [
      'a <use> of another site',
      svg('<use xlink:href="https://tracker.example/i.svg#a"/>'),
      /loads from outside the site/,
    ],
    [
      'an entity declared in the DOCTYPE',
      '<!DOCTYPE svg [ <!ENTITY x "&#60;script&#62;alert(1)&#60;/script&#62;"> ]>' + svg('&x;'),
      /^<!DOCTYPE> .* declares its own entities/,
    ],
    [
      'an <animate> that sets href',
      svg('<a><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a>'),
      /^<animate attributeName="href"> .* animates a link or an event handler/,
    ],
    [
      'a <set> that sets xlink:href',
      svg('<a><set attributeName="xlink:href" to="javascript:alert(1)"/></a>'),
      /animates a link or an event handler/,
    ],
    [
      'a <set> that sets a handler',
      svg('<set attributeName="onmouseover" to="alert(1)"/>'),
      /animates a link or an event handler/,
    ],
    [
      'an xml-stylesheet instruction',
      '<?xml-stylesheet type="text/css" href="https://tracker.example/a.css"?>' + svg(''),
      /^<\?xml-stylesheet\?> .* loads a stylesheet/,
    ],
    ['another processing instruction', svg('<?php echo 1; ?>'), /^<\?php\?> .* is a processing instruction/],
    [
      'an encoding other than UTF-8',
      '<?xml version="1.0" encoding="ISO-2022-JP"?>' + svg(''),
      /declares encoding="ISO-2022-JP"/,
    ],
    ['markup that is not well-formed', svg('<g>'), /^the SVG is not well-formed XML \(line 1: /],
    [
      'an HTML document named .svg',
      '<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>',
      /first element is <html>, not <svg/,
    ],
    ['a file with no markup at all', 'hello', /not an SVG image|not well-formed/],
  ])('refuses %s', (_name, text, expected) => {
    const problems = svgProblems(text);
    expect(
      problems.some((problem) => expected.test(problem)),
      problems.join('\n'),
    ).toBe(true);
    // Every message says what to do, not only what is wrong.
    for (const problem of problems) expect(problem).toMatch(/: (?:remove|save|export|draw|put|copy)/);
  });

  it('lists every problem of a file, not only the first', () => {
    const problems = svgProblems(
      svg('<script>a()</script>\n<rect onclick="b()"/>\n<image href="https://x.example/y.png"/>'),
    );
    expect(problems).toHaveLength(3);
    expect(problems.map((problem) => /on line (\d+)/.exec(problem)?.[1])).toEqual(['1', '2', '3']);
  });

  it('keeps a long data: URL short in its message', () => {
    const [problem] = svgProblems(svg(`<image href="data:image/png;base64,${'A'.repeat(10_000)}"/>`));
    expect(problem!.length).toBeLessThan(300);
  });
});

describe('imageFileProblems', () => {
  const work = mkdtempSync(join(tmpdir(), 'broadside-images-'));
  const root = join(work, 'content');
  mkdirSync(join(root, 'articles'), { recursive: true });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('passes a picture and a safe SVG inside the content folder', () => {
    expect(imageFileProblems(join(fixtureImages, 'photo.png'), fixtures)).toEqual([]);
    expect(imageFileProblems(join(fixtureImages, 'chart.svg'), fixtures)).toEqual([]);
  });

  it('refuses a file that is not there, saying where it looked', () => {
    expect(imageFileFindings(join(fixtureImages, 'nope.png'), fixtures)).toEqual([
      {
        ruleId: 'image-missing',
        reason:
          'does not exist (looked for tests/fixtures/images/content/articles/2022/images/nope.png): check the path and the case of the file name',
      },
    ]);
  });

  it('refuses a path outside the content folder, whether or not the file exists', () => {
    const content = join(fixtures, 'content');
    for (const path of [join(fixtures, 'outside.png'), '/etc/passwd', join(content, '../../../../../etc/x.png')]) {
      expect(imageFileFindings(path, content)).toEqual([
        {
          ruleId: 'image-outside-content',
          reason:
            'is outside the content folder (tests/fixtures/images/content/): put the image beside the article and link it as ./images/<file name>',
        },
      ]);
    }
  });

  it('refuses a symbolic link that leads out of the content folder', () => {
    symlinkSync(join(fixtures, 'outside.png'), join(root, 'articles/linked.png'));
    expect(imageFileFindings(join(root, 'articles/linked.png'), root).map(({ ruleId }) => ruleId)).toEqual([
      'image-outside-content',
    ]);
  });

  it('refuses an unsafe SVG, whether its name says SVG or not', () => {
    expect(imageFileProblems(join(fixtureImages, 'hostile.svg'), fixtures)).toEqual([
      expect.stringMatching(/^is unsafe: <svg onload=.* is an event handler/),
      expect.stringMatching(/^is unsafe: <script> on line 4 of the SVG runs script/),
    ]);
    expect(imageFileProblems(join(fixtureImages, 'disguised.png'), fixtures)).toEqual([
      expect.stringMatching(/^is unsafe: <script> .* runs script/),
    ]);
  });

  it('refuses an SVG that is not UTF-8', () => {
    copyFileSync(join(fixtureImages, 'chart.svg'), join(root, 'articles/chart.svg'));
    expect(imageFileProblems(join(root, 'articles/chart.svg'), root)).toEqual([]);
    writeFileSync(join(root, 'articles/utf16.svg'), Buffer.from(`\ufeff${svg('')}`, 'utf16le'));
    expect(imageFileProblems(join(root, 'articles/utf16.svg'), root)).toEqual([
      expect.stringMatching(/^is not UTF-8 text/),
    ]);
  });
});
