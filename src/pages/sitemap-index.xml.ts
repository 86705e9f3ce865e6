/** `/sitemap-index.xml`: one entry per sitemap file, the address `robots.txt` gives crawlers. */
import type { APIRoute } from 'astro';
import { sitemapIndexXml } from '@/lib/routes/sitemap';
import { sitemapFiles } from '@/lib/routes/sitemap-pages';

export const GET: APIRoute = async () =>
  new Response(sitemapIndexXml(await sitemapFiles()), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
