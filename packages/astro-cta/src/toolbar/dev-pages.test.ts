import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { devPageSource } from './dev-pages.ts';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A real HTTP server standing in for Astro's dev server: it answers HTML under the base path, 404 elsewhere. */
async function listen(): Promise<Server> {
  server = createServer((request, response) => {
    if (request.url === '/docs/pricing/')
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<main id="plans"></main>');
    else if (request.url === '/docs/feed.json')
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    else response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return server;
}

describe('devPageSource', () => {
  it('renders a page by its build route through the dev server, under the base path', async () => {
    const pages = devPageSource({ httpServer: await listen() }, '/docs');
    expect(await pages('/pricing/')).toBe('<main id="plans"></main>');
  });

  it('gives nothing for a missing page, a non-HTML answer or a server that is not listening', async () => {
    const pages = devPageSource({ httpServer: await listen() }, '/docs/');
    expect(await pages('/nope/')).toBeUndefined();
    expect(await pages('/feed.json')).toBeUndefined();
    expect(await devPageSource({ httpServer: null }, '/')('/pricing/')).toBeUndefined();
  });
});
