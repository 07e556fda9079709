import { spawn } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

export interface Served {
  url: string;
  /** Bodies of the POSTs that reached /api/cta (only the static server receives them). */
  beacons: string[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

/** Serves a static build over HTTP on 127.0.0.1, port 0, and receives the beacon's POSTs at /api/cta. */
export async function serveStatic(dist: string): Promise<Served> {
  const beacons: string[] = [];
  const server = createServer((request, response) => {
    if (request.method === 'POST' && request.url === '/api/cta') {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        beacons.push(Buffer.concat(chunks).toString('utf8'));
        response.writeHead(204).end();
      });
      return;
    }
    void (async () => {
      const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(
        /^(\.\.[/\\])+/,
        '',
      );
      for (const candidate of [join(dist, path), join(dist, path, 'index.html')]) {
        if ((await stat(candidate).catch(() => undefined))?.isFile()) {
          response
            .writeHead(200, { 'content-type': TYPES[extname(candidate)] ?? 'application/octet-stream' })
            .end(await readFile(candidate));
          return;
        }
      }
      response.writeHead(404).end('not found');
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    beacons,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Starts the Node adapter's standalone server of a built site and waits until it answers. */
export async function serveNodeAdapter(siteDir: string): Promise<Served> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(siteDir, 'dist/server/entry.mjs')], {
    cwd: siteDir,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  // Wait for the condition (the server answers), not for a time; give up if the process ends first.
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The Node adapter's server exited (${child.exitCode}):\n${output}`);
    const ok = await fetch(`${url}/`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    beacons: [],
    close: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}
