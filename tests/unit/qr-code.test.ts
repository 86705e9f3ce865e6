import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrCodeSvg } from '@/lib/print/qr-code';

const url = 'https://broadside.example/world/2022/05/23/russian-diplomat-un-resigns/';
const label = `QR code of ${url}`;

/**
 * The dark modules a path of one-module-thick lines paints, as "row,col"
 * keys: `M x y.5 h n` starts a row's first run, `m dx 0 h n` each next one,
 * counted from where the last ended.
 */
function paintedModules(svg: string): Set<string> {
  const d = /<path stroke="#000" d="([^"]*)"\/>/.exec(svg)?.[1] ?? '';
  const painted = new Set<string>();
  let x = 0;
  let y = 0;
  const commands = /M(\d+) (\d+)\.5h(\d+)|m(\d+) 0h(\d+)/g;
  for (const [, startX, row, firstLength, gap, length] of d.matchAll(commands)) {
    if (startX !== undefined) {
      x = Number(startX);
      y = Number(row);
    } else x += Number(gap);
    const run = Number(firstLength ?? length);
    for (let col = x; col < x + run; col++) painted.add(`${y},${col}`);
    x += run;
  }
  expect(d.replace(commands, ''), 'the path holds runs only').toBe('');
  return painted;
}

describe('qrCodeSvg', () => {
  it('is one well-formed SVG element with a view box, an accessible name and no script or style', () => {
    const svg = qrCodeSvg(url, label);
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 (\d+) \1" role="img" aria-label="[^"<>]*" shape-rendering="crispEdges"><rect width="\1" height="\1" fill="#fff"\/><path stroke="#000" d="[Mmh\d .]+"\/><\/svg>$/,
    );
    expect(svg).toContain(`aria-label="${label}"`);
    expect(svg).not.toMatch(/<script|style=|on\w+=/i);
  });

  it('paints exactly the modules of the QR code of the URL, inside a quiet zone of four', () => {
    const svg = qrCodeSvg(url, label);
    const { modules } = QRCode.create([{ data: new TextEncoder().encode(url), mode: 'byte' }], {
      errorCorrectionLevel: 'M',
    });
    const expected = new Set<string>();
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) if (modules.get(row, col)) expected.add(`${row + 4},${col + 4}`);
    }
    expect(svg).toContain(`viewBox="0 0 ${modules.size + 8} ${modules.size + 8}"`);
    expect(paintedModules(svg)).toEqual(expected);
    // The finder pattern's dark ring starts at the top-left corner of the code.
    expect(paintedModules(svg).has('4,4')).toBe(true);
    expect(paintedModules(svg).has('3,3')).toBe(false);
  });

  it('is the same every build, and different for another URL', () => {
    expect(qrCodeSvg(url, label)).toBe(qrCodeSvg(url, label));
    const other = 'https://broadside.example/live/russia-ukraine/';
    expect(paintedModules(qrCodeSvg(other, label))).not.toEqual(paintedModules(qrCodeSvg(url, label)));
  });

  it('escapes its label', () => {
    expect(qrCodeSvg(url, 'a "quoted" <b> & c')).toContain('aria-label="a &quot;quoted&quot; &lt;b&gt; &amp; c"');
  });
});
