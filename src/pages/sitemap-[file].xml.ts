/**
 * `/sitemap-0.xml`, `/sitemap-1.xml`...: the site's pages with their last
 * change, at most 50,000 a file, as the sitemap index lists them.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { sitemapXml, type SitemapEntry } from '@/lib/routes/sitemap';
import { sitemapFiles } from '@/lib/routes/sitemap-pages';

export const getStaticPaths = (async () =>
  (await sitemapFiles()).map((entries, index) => ({
    params: { file: String(index) },
    props: { entries },
  }))) satisfies GetStaticPaths;

interface Props {
  entries: SitemapEntry[];
}

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(sitemapXml(props.entries), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
