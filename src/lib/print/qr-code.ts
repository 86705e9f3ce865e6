/**
 * QR codes drawn at build time as inline SVG, so a paper copy can lead its
 * reader back to the page without any script or image request.
 */
import QRCode from 'qrcode';

/** Light modules around the code: the four the QR specification asks for. */
const QUIET_ZONE = 4;

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * An `<svg>` of the QR code of `text` (error correction M: survives a crease
 * or a smudge), one black path on a white square, sized by its `viewBox`
 * so CSS sets its printed size. `label` is its accessible name.
 *
 * The path draws each run of dark modules in a row as a line one module
 * thick: `M4 4.5h7` for the first run of a row, then `m1 0h5` for the next,
 * counted from where the last one ended. Every article carries the code for
 * its paper copy, so it is written as short as it can be read.
 */
export function qrCodeSvg(text: string, label: string): string {
  // One byte-mode segment, as URLs are encoded: the library's search for the
  // shortest mix of modes is slower and gives a code no smaller for a URL
  // (figures in docs/benchmarks.md, "Measurements behind code").
  const { modules } = QRCode.create([{ data: new TextEncoder().encode(text), mode: 'byte' }], {
    errorCorrectionLevel: 'M',
  });
  const size = modules.size + QUIET_ZONE * 2;
  let path = '';
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    // Where the pen is in this row, once a run has been drawn.
    let pen: number | undefined;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      path +=
        pen === undefined
          ? `M${start + QUIET_ZONE} ${row + QUIET_ZONE}.5h${col - start}`
          : `m${start - pen} 0h${col - start}`;
      pen = col;
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" role="img" ` +
    `aria-label="${escapeAttribute(label)}" shape-rendering="crispEdges">` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path stroke="#000" d="${path}"/></svg>`
  );
}
