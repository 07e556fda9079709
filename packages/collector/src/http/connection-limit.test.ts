import { mkdtempSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningServer, type ServerOptions, startServer } from './server.ts';

const running: RunningServer[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(running.splice(0).map((server) => server.close()));
});

async function start(options: Partial<ServerOptions>) {
  const server = await startServer({
    db: join(mkdtempSync(join(tmpdir(), 'cta-conn-')), 'events.sqlite'),
    port: 0,
    log: () => {},
    ...options,
  });
  running.push(server);
  return server;
}

/** Opens `count` idle connections from `localAddress` (any 127.x.y.z is loopback on Linux) and tracks which close. */
async function openIdle(url: string, count: number, localAddress = '127.0.0.1') {
  const { hostname, port } = new URL(url);
  const opened = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<Socket>((resolve, reject) => {
          const socket = connect({ host: hostname, port: Number(port), localAddress }, () => resolve(socket));
          socket.on('error', () => {}); // a reset from the server is what a refused connection looks like
          socket.once('close', () => resolve(socket));
          socket.once('error', reject);
          sockets.push(socket);
        }),
    ),
  );
  return { open: () => opened.filter((socket) => !socket.closed).length };
}

async function stillServes(url: string, localAddress: string): Promise<number> {
  const { hostname, port } = new URL(url);
  const body = JSON.stringify([{ t: 'impression', id: 'signup', p: '/', pv: 'pv1', s: 0 }]);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port), localAddress }, () => {
      socket.write(
        `POST /api/cta HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: text/plain\r\n` +
          `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
      );
    });
    sockets.push(socket);
    let text = '';
    socket.on('data', (chunk) => (text += chunk));
    socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1] ?? 0)));
    socket.on('error', reject);
  });
}

describe('cta-collect serve: connection limits and timeouts (L4)', { timeout: 20_000 }, () => {
  it('caps idle connections per client, while other clients are still served', async () => {
    const { url } = await start({ connections: { perClient: 10, total: 1000 } });
    const idle = await openIdle(url, 200);
    await expect.poll(idle.open, { timeout: 10_000 }).toBe(10);
    // Another address is another client: it is served.
    expect(await stillServes(url, '127.0.0.2')).toBe(200);
    expect(idle.open()).toBe(10);
  });

  it('caps connections in total', async () => {
    const { url } = await start({ connections: { perClient: 1000, total: 25 } });
    const first = await openIdle(url, 20, '127.0.0.3');
    const second = await openIdle(url, 20, '127.0.0.4');
    await expect.poll(() => first.open() + second.open(), { timeout: 10_000 }).toBe(25);
  });

  it('closes connections that send nothing, and ones that never finish their headers', async () => {
    const { url } = await start({ idleTimeoutMs: 300, headersTimeoutMs: 600 });
    const idle = await openIdle(url, 30);
    const { hostname, port } = new URL(url);
    const slow = connect({ host: hostname, port: Number(port) });
    sockets.push(slow);
    slow.on('error', () => {});
    // A header byte every 100 ms keeps the socket from being idle, but the headers never end.
    const drip = setInterval(() => slow.writable && slow.write('X'), 100);
    slow.write('POST /api/cta HTTP/1.1\r\nX-Slow: ');
    try {
      await expect.poll(() => [idle.open(), slow.closed], { timeout: 10_000 }).toEqual([0, true]);
    } finally {
      clearInterval(drip);
    }
  });
});
