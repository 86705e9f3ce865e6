/**
 * `/_redirects` for static hosts that read one (Netlify, Cloudflare Pages).
 * A file whose name starts with "_" is never a route in `src/pages/`, so
 * the name comes in as a parameter instead.
 */
import type { APIRoute } from 'astro';
import { getArticles } from '@/lib/content/articles';
import { redirectsFile, redirectsOf } from '@/lib/routes/redirects';

export function getStaticPaths() {
  return [{ params: { hostRedirects: '_redirects' } }];
}

export const GET: APIRoute = async () =>
  new Response(redirectsFile(redirectsOf(await getArticles())), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
