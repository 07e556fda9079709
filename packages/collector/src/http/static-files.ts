import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import sirv from 'sirv';

export type StaticHandler = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * Serves a built site (e.g. `docs-site/dist`) with sirv in production mode: the file list is read once at start,
 * so only files that exist under the folder can ever be served (no path traversal), with content types from the
 * extension, `index.html` for directories, and the site's own `404.html` for anything else.
 */
export function createStaticHandler(folder: string): StaticHandler {
  const root = resolve(folder);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new Error(`--static ${folder}: no such folder. Build the site first (npm run build), or fix the path.`);
  }
  const notFoundPath = join(root, '404.html');
  const notFoundPage = existsSync(notFoundPath) ? readFileSync(notFoundPath) : undefined;
  const serve = sirv(root, { dev: false, etag: true, dotfiles: false, extensions: ['html'] });

  const notFound = (response: ServerResponse) => {
    response.statusCode = 404;
    response.setHeader('content-type', notFoundPage ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8');
    response.end(notFoundPage ?? 'Not found');
  };

  return (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response
        .writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' })
        .end('Method not allowed');
      return;
    }
    try {
      decodeURI(request.url ?? '/');
    } catch {
      response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request: malformed URL');
      return;
    }
    response.setHeader('x-content-type-options', 'nosniff');
    serve(request, response, () => notFound(response));
  };
}
