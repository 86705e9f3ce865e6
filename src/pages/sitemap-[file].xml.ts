/**
 * `/sitemap-0.xml`, `/sitemap-1.xml`...: the site's pages with their last
 * change, at most 50,000 a file, as the sitemap index lists them. Each is
 * keyed by what it lists: a correction that changes no date leaves them as
 * they are.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { listedPaths } from '@/lib/routes/path-scope';
import { sitemapFilePath, sitemapKey, sitemapXml, type SitemapEntry } from '@/lib/routes/sitemap';
import { sitemapFiles } from '@/lib/routes/sitemap-pages';
import { pageKey } from '@/lib/routes/site-code';

export const getStaticPaths = (async () =>
  listedPaths(
    (await sitemapFiles()).map((entries, index) => ({
      params: { file: String(index) },
      props: { entries },
      cacheKey: pageKey(sitemapKey(entries)),
    })),
    ({ params }) => sitemapFilePath(Number(params.file)),
  )) satisfies GetStaticPaths;

interface Props {
  entries: SitemapEntry[];
}

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(sitemapXml(props.entries), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
