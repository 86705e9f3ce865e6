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
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      // One rectangle per run of dark modules in a row.
      path += `M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h-${col - start}z`;
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" role="img" ` +
    `aria-label="${escapeAttribute(label)}" shape-rendering="crispEdges">` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`
  );
}
