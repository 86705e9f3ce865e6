/**
 * Serves a built site folder on localhost as a plain static host would:
 * `/world/` is `/world/index.html`, a missing path gets `404.html` with
 * status 404. Tests and scripts use it so several can run at once (Astro's
 * preview server allows one per project).
 *
 *   node scripts/serve.ts [folder=dist] [port=4321]
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'dist');
const port = Number(process.argv[3] ?? 4321);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
};

/** The file a request path is served from, or undefined. */
function fileFor(pathname: string): string | undefined {
  const path = normalize(decodeURIComponent(pathname));
  if (path.includes('\0')) return undefined;
  const file = join(root, path);
  if (!file.startsWith(root)) return undefined;
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = join(file, 'index.html');
  return existsSync(index) ? index : undefined;
}

createServer((request, response) => {
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  const file = fileFor(pathname);
  // A directory asked for without its slash is sent on to the one URL of the page.
  if (file?.endsWith('index.html') && !pathname.endsWith('/') && !pathname.endsWith('.html')) {
    response.writeHead(301, { location: `${pathname}/` }).end();
    return;
  }
  const served = file ?? join(root, '404.html');
  response.writeHead(file ? 200 : 404, { 'content-type': TYPES[extname(served)] ?? 'application/octet-stream' });
  createReadStream(served).pipe(response);
}).listen(port, '127.0.0.1', () => console.log(`Serving ${root} on http://127.0.0.1:${port}/`));
