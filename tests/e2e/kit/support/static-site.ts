import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type OutgoingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const astroBin = fileURLToPath(new URL('../../../../node_modules/astro/bin/astro.mjs', import.meta.url));
export const fixtureRoot = (name: string) => fileURLToPath(new URL(`../../../fixtures/${name}/`, import.meta.url));

/** Builds a fixture site with the built integration (`npm run build:packages` first), `env` for its config. */
export async function buildFixture(name: string, env: Record<string, string> = {}): Promise<void> {
  await run(process.execPath, [astroBin, 'build', '--root', fixtureRoot(name)], {
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

export interface StaticSite {
  url: string;
  /** Paths that were not found (a 404 makes a test fail where it matters). */
  missing: string[];
  close(): Promise<void>;
}

/** Serves a built folder over HTTP on 127.0.0.1, port 0, with the given headers on every HTML page. */
export async function serveStatic(dir: string, htmlHeaders: OutgoingHttpHeaders = {}): Promise<StaticSite> {
  const missing: string[] = [];
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    for (const candidate of [join(dir, path), join(dir, path, 'index.html')]) {
      const info = await stat(candidate).catch(() => undefined);
      if (!info?.isFile()) continue;
      const type = TYPES[extname(candidate)] ?? 'application/octet-stream';
      response.writeHead(200, { 'content-type': type, ...(type.startsWith('text/html') ? htmlHeaders : {}) });
      response.end(await readFile(candidate));
      return;
    }
    missing.push(path);
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    missing,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
