/**
 * Serves a built site folder on localhost as a plain static host would:
 * `/world/` is `/world/index.html`, a missing path gets `404.html` with
 * status 404. Tests and scripts use it so several can run at once (Astro's
 * preview server allows one per project).
 *
 *   node scripts/serve.ts [folder=dist] [port=4321]
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

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

/** The file a request path is served from in `root`, or undefined. */
function fileFor(root: string, pathname: string): string | undefined {
  const path = normalize(decodeURIComponent(pathname));
  if (path.includes('\0')) return undefined;
  const file = join(root, path);
  if (!file.startsWith(root)) return undefined;
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = join(file, 'index.html');
  return existsSync(index) ? index : undefined;
}

/** Serves `folder` on 127.0.0.1:`port` (0: any free port); resolves once it listens. */
export function serveFolder(folder: string, port = 0): Promise<Server> {
  const root = resolve(folder);
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const file = fileFor(root, pathname);
    // A directory asked for without its slash is sent on to the one URL of the page.
    if (file?.endsWith('index.html') && !pathname.endsWith('/') && !pathname.endsWith('.html')) {
      response.writeHead(301, { location: `${pathname}/` }).end();
      return;
    }
    const served = file ?? join(root, '404.html');
    response.writeHead(file ? 200 : 404, { 'content-type': TYPES[extname(served)] ?? 'application/octet-stream' });
    createReadStream(served).pipe(response);
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

if (import.meta.main) {
  const folder = process.argv[2] ?? 'dist';
  const server = await serveFolder(folder, Number(process.argv[3] ?? 4321));
  const { port } = server.address() as { port: number };
  console.log(`Serving ${resolve(folder)} on http://127.0.0.1:${port}/`);
}
