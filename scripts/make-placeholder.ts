/**
 * The seed article's placeholder photo: `npm run placeholder` renders
 * content/articles/2022/images/photo-unavailable.svg to a 1600x900 PNG
 * beside it, so the lead image can be served as AVIF and WebP like any
 * photograph. Run it again after changing the SVG, and commit the PNG.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';

const images = join(import.meta.dirname, '../content/articles/2022/images');
const svg = readFileSync(join(images, 'photo-unavailable.svg'));
const width = 1600;
const height = 900;

// Rasterise at the target size (not scaled up from the SVG's 1200 px), then flatten: a photo slot has no transparency.
const { width: svgWidth } = await sharp(svg).metadata();
const info = await sharp(svg, { density: (72 * width) / svgWidth })
  .resize(width, height, { fit: 'fill' })
  .flatten({ background: '#e4e2dc' })
  .png({ compressionLevel: 9, palette: true })
  .toFile(join(images, 'photo-unavailable.png'));
console.log(`photo-unavailable.png: ${info.width}x${info.height}, ${info.size} bytes`);
