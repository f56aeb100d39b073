import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PAGES = fileURLToPath(new URL('../../fixtures/pages', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.xhtml': 'application/xhtml+xml; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

export interface FixtureServer {
  readonly url: (path: string) => string;
  /** Serves `html` at `path` (for generated pages), with extra response headers if given. */
  readonly page: (path: string, html: string, headers?: Record<string, string>) => void;
  readonly close: () => Promise<void>;
}

/** Serves the fixture pages on 127.0.0.1 at a free port; nothing leaves the machine. */
export async function startServer(): Promise<FixtureServer> {
  const generated = new Map<string, { html: string; headers: Record<string, string> }>();
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (path === '/favicon.ico') {
      response.writeHead(204);
      response.end();
      return;
    }
    const made = generated.get(path);
    if (made !== undefined) {
      response.writeHead(200, { ...made.headers, 'content-type': TYPES['.html'] as string });
      response.end(made.html);
      return;
    }
    // Single-page shop: every /spa/... path serves the same page.
    const file = path.startsWith('/spa/') ? 'spa.html' : normalize(path).replace(/^([/\\])+/, '');
    try {
      const body = await readFile(join(PAGES, file));
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}/${path.replace(/^\//, '')}`,
    page: (path, html, headers = {}) => generated.set(`/${path.replace(/^\//, '')}`, { html, headers }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
