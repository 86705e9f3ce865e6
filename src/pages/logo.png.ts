/**
 * The publisher's logo for structured data, which wants a raster image: the
 * favicon, drawn at 512x512.
 */
import type { APIRoute } from 'astro';
import sharp from 'sharp';
import favicon from '../../public/favicon.svg?raw';

export const GET: APIRoute = async () => {
  const png = await sharp(Buffer.from(favicon), { density: 1200 }).resize(512, 512).png().toBuffer();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
