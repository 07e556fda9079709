import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CtaEvent } from '@astro-cta/contract';

export const FIXTURES = ['beacon', 'beacon-consent', 'beacon-sinks', 'beacon-defaults'] as const;
export type Fixture = (typeof FIXTURES)[number];

export const fixtureRoot = (name: Fixture) => fileURLToPath(new URL(`../../../fixtures/${name}/`, import.meta.url));

/** One POST that reached the receiver. */
export interface Received {
  events: CtaEvent[];
  contentType: string | undefined;
  /** Sec-Fetch-Mode: sendBeacon sends "no-cors", fetch() "cors". */
  mode: string | undefined;
  /** Set once the receiver has answered: a slow receiver answers after `delayMs`. */
  answered: boolean;
  /** Order of events on this server: see `Site.log`. */
  receivedAt: number;
  answeredAt?: number;
}

export interface Site {
  url: string;
  received: Received[];
  /** Pages served (GET path) with their position in the server's order of things, shared with `Received`. */
  served: { path: string; at: number }[];
  /** Every event of every request, in arrival order. */
  events(): CtaEvent[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

/**
 * Serves a built fixture (its `dist/`) over real HTTP on 127.0.0.1 and receives the beacon's POSTs at /api/cta,
 * answering each after `delayMs` (a slow collector). Port 0: every spec gets its own server, so they run in parallel.
 */
export async function serveFixture(name: Fixture, { delayMs = 0 }: { delayMs?: number } = {}): Promise<Site> {
  const dist = join(fixtureRoot(name), 'dist');
  const received: Received[] = [];
  const served: { path: string; at: number }[] = [];
  let clock = 0; // a counter, not a time: only the order matters
  const timers = new Set<NodeJS.Timeout>();

  const receive = (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry: Received = {
        events: JSON.parse(Buffer.concat(chunks).toString('utf8')) as CtaEvent[],
        contentType: request.headers['content-type'],
        mode: request.headers['sec-fetch-mode'] as string | undefined,
        answered: false,
        receivedAt: clock++,
      };
      received.push(entry);
      const timer = setTimeout(() => {
        timers.delete(timer);
        entry.answered = true;
        entry.answeredAt = clock++;
        response.writeHead(204).end();
      }, delayMs);
      timers.add(timer);
    });
  };

  const serveFile = async (request: IncomingMessage, response: ServerResponse) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    for (const candidate of [join(dist, path), join(dist, path, 'index.html')]) {
      const info = await stat(candidate).catch(() => undefined);
      if (info?.isFile()) {
        served.push({ path, at: clock++ });
        response
          .writeHead(200, { 'content-type': TYPES[extname(candidate)] ?? 'application/octet-stream' })
          .end(await readFile(candidate));
        return;
      }
    }
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  };

  const server = createServer((request, response) => {
    if (request.method === 'POST' && request.url === '/api/cta') receive(request, response);
    else void serveFile(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    served,
    events: () => received.flatMap((entry) => entry.events),
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
