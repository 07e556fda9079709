import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningServer, type ServerOptions, startServer } from './server.ts';

const running: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'cta-server-'));
}

async function start(options: Partial<ServerOptions> = {}) {
  const db = join(tempDir(), 'events.sqlite');
  const server = await startServer({ db, port: 0, log: () => {}, ...options });
  running.push(server);
  return { ...server, db };
}

const event = { t: 'impression', id: 'signup', p: '/', pv: 'pv1', s: 0 };
const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/cta`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'text/plain;charset=UTF-8', ...headers },
  });
const count = (db: string) => {
  const database = new DatabaseSync(db, { readOnly: true });
  const { n } = database.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number };
  database.close();
  return n;
};

/** Raw request, for what fetch will not send (wrong Host, traversal paths, chunked bodies). */
function raw(
  url: string,
  path: string,
  { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: Buffer } = {},
) {
  const { hostname, port } = new URL(url);
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>(
    (resolve, reject) => {
      const req = httpRequest({ hostname, port, path, method, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
      });
      req.on('error', reject);
      req.end(body);
    },
  );
}

describe('cta-collect serve: the endpoint', () => {
  it('stores a text/plain batch and answers 200 only with the events committed', async () => {
    const { url, db } = await start();
    const response = await post(url, JSON.stringify([event, { ...event, s: 1, t: 'click' }]));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, stored: 2, duplicates: 0 });
    expect(count(db)).toBe(2);
  });

  it('is idempotent: a retried request stores nothing more', async () => {
    const { url, db } = await start();
    await post(url, JSON.stringify([event]));
    expect(await (await post(url, JSON.stringify([event]))).json()).toEqual({ ok: true, stored: 0, duplicates: 1 });
    expect(count(db)).toBe(1);
  });

  it('answers CORS for allowed origins, allows its configured own origin, and refuses others with 403', async () => {
    const { url, db } = await start({
      allowedOrigins: ['https://www.example.com'],
      publicOrigins: ['https://collector.example'],
    });
    const allowed = await post(url, JSON.stringify([event]), { origin: 'https://www.example.com' });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://www.example.com');
    expect(allowed.headers.get('vary')).toBe('Origin');
    const same = await post(url, JSON.stringify([{ ...event, s: 1 }]), { origin: 'https://collector.example' });
    expect(same.status).toBe(200);
    expect(same.headers.get('access-control-allow-origin')).toBeNull();
    const other = await post(url, JSON.stringify([{ ...event, s: 2 }]), { origin: 'https://evil.example' });
    expect(other.status).toBe(403);
    expect(await other.json()).toEqual({
      error: 'origin https://evil.example is not allowed: add it with --allow-origin',
    });
    const preflight = await fetch(`${url}/api/cta`, {
      method: 'OPTIONS',
      headers: { origin: 'https://www.example.com' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('POST');
    expect(count(db)).toBe(2);
  });

  it.each([
    ['a GET', { method: 'GET' }, 405],
    [
      'a form post',
      { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: Buffer.from('a=1') },
      415,
    ],
    ['no content type', { body: Buffer.from('[]') }, 415],
    [
      'a Latin-1 charset',
      { headers: { 'content-type': 'text/plain; charset=iso-8859-1' }, body: Buffer.from('[]') },
      415,
    ],
    [
      'a declared length over 16 KB',
      { headers: { 'content-type': 'text/plain', 'content-length': '20000' }, body: Buffer.alloc(20000, 32) },
      413,
    ],
    [
      'a chunked body over 16 KB',
      { headers: { 'content-type': 'text/plain', 'transfer-encoding': 'chunked' }, body: Buffer.alloc(40000, 32) },
      413,
    ],
    ['invalid UTF-8', { headers: { 'content-type': 'text/plain' }, body: Buffer.from([0x5b, 0xc3, 0x28, 0x5d]) }, 400],
    ['broken JSON', { headers: { 'content-type': 'text/plain' }, body: Buffer.from('[{') }, 400],
    ['a wrong shape', { headers: { 'content-type': 'application/json' }, body: Buffer.from('[{"t":"click"}]') }, 422],
  ])('refuses %s with %i and a JSON error', async (_name, options, status) => {
    const { url, db } = await start();
    const response = await raw(url, '/api/cta', { method: 'POST', ...options });
    expect(response.status).toBe(status);
    expect(JSON.parse(response.body).error).toEqual(expect.any(String));
    expect(count(db)).toBe(0);
  });

  it('rate limits each client with 429 and Retry-After', async () => {
    const { url } = await start({ rateLimit: { burst: 3, perSecond: 1 } });
    const statuses = [];
    for (let s = 0; s < 5; s++) statuses.push((await post(url, JSON.stringify([{ ...event, s }]))).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const limited = await post(url, JSON.stringify([event]));
    expect(limited.headers.get('retry-after')).toBe('1');
  });

  it('keys the rate limit on the X-Forwarded-For entry its proxy added, not the part the client wrote', async () => {
    // One token per 1,000 s: no request of this test gets a refilled token, however slow the machine.
    // This test is the proxy: it appends the "client" address 203.0.113.1 to whatever the client sent (M1).
    const trusting = await start({ rateLimit: { burst: 1, perSecond: 0.001 }, trustProxy: 1 });
    const forged = (spoof: string, s: number) =>
      post(trusting.url, JSON.stringify([{ ...event, s }]), { 'x-forwarded-for': `${spoof}, 203.0.113.1` });
    expect([
      (await forged('1.1.1.1', 0)).status,
      (await forged('2.2.2.2', 1)).status,
      (await forged('3.3.3.3', 2)).status,
    ]).toEqual([200, 429, 429]);
    const other = await post(trusting.url, JSON.stringify([{ ...event, s: 3 }]), { 'x-forwarded-for': '203.0.113.2' });
    expect(other.status).toBe(200);
    const byAddress = await start({ rateLimit: { burst: 1, perSecond: 0.001 }, trustProxy: '127.0.0.1' });
    const viaList = (spoof: string, s: number) =>
      post(byAddress.url, JSON.stringify([{ ...event, s }]), { 'x-forwarded-for': `${spoof}, 203.0.113.1` });
    expect([(await viaList('1.1.1.1', 0)).status, (await viaList('2.2.2.2', 1)).status]).toEqual([200, 429]);
    const direct = await start({ rateLimit: { burst: 1, perSecond: 0.001 } });
    const spoof = (ip: string, s: number) =>
      post(direct.url, JSON.stringify([{ ...event, s }]), { 'x-forwarded-for': ip });
    expect([(await spoof('203.0.113.1', 0)).status, (await spoof('203.0.113.2', 1)).status]).toEqual([200, 429]);
  });

  it('survives clients that hang up halfway through a body, logging one line, not stack traces (L8)', async () => {
    const lines: string[] = [];
    const { url, db, server } = await start({ log: (line) => lines.push(line) });
    const { hostname, port } = new URL(url);
    for (let attempt = 0; attempt < 20; attempt++) {
      await new Promise<void>((resolve) => {
        const socket = connect(Number(port), hostname, () => {
          // Hang up once the server is reading the body.
          server.once('request', () => setImmediate(() => socket.destroy()));
          socket.write(
            `POST /api/cta HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: text/plain\r\nContent-Length: 5000\r\n\r\n[{"t":"cli`,
          );
          socket.once('close', () => resolve());
        });
      });
    }
    expect((await post(url, JSON.stringify([event]))).status).toBe(200);
    expect(count(db)).toBe(1);
    await expect.poll(() => lines.length).toBe(1);
    expect(lines[0]).toBe('cta-collect: a client closed its connection before sending its whole request');
  });

  it('says which port is taken', async () => {
    const first = await start();
    const port = Number(new URL(first.url).port);
    await expect(startServer({ db: join(tempDir(), 'x.sqlite'), port, log: () => {} })).rejects.toThrow(
      `port ${port} on 127.0.0.1 is already in use: stop the other server or pick another --port`,
    );
  });
});

describe('cta-collect serve: same origin behind proxies (M3, L7)', () => {
  const beacon = (origin: string, headers: Record<string, string>) => ({
    method: 'POST',
    headers: { 'content-type': 'text/plain', origin, ...headers },
    body: Buffer.from(JSON.stringify([event])),
  });

  it('behind a TLS-terminating proxy it trusts, takes the scheme from X-Forwarded-Proto', async () => {
    const { url, db } = await start({ trustProxy: 1 });
    const response = await raw(
      url,
      '/api/cta',
      beacon('https://www.example.com', { host: 'www.example.com', 'x-forwarded-proto': 'https' }),
    );
    expect(response.status).toBe(200);
    expect(count(db)).toBe(1);
  });

  it('honours X-Forwarded-Proto and -Host only from a trusted proxy', async () => {
    const lines: string[] = [];
    const { url } = await start({ trustProxy: '192.0.2.1', log: (line) => lines.push(line) });
    const response = await raw(
      url,
      '/api/cta',
      beacon('https://www.example.com', { host: 'www.example.com', 'x-forwarded-proto': 'https' }),
    );
    expect(response.status).toBe(403);
    expect(lines).toHaveLength(1);
  });

  it('with --public-url, accepts its pages whatever the Host and X-Forwarded-Proto', async () => {
    const { url, db } = await start({ publicOrigins: ['https://www.example.com'] });
    const response = await raw(url, '/api/cta', beacon('https://www.example.com', { host: '127.0.0.1:4350' }));
    expect(response.status).toBe(200);
    expect(count(db)).toBe(1);
  });

  it('logs each refused origin once, with what to do', async () => {
    const lines: string[] = [];
    const { url } = await start({ log: (line) => lines.push(line) });
    for (let i = 0; i < 5; i++) {
      expect((await raw(url, '/api/cta', beacon('https://www.example.com', { host: 'www.example.com' }))).status).toBe(
        403,
      );
    }
    expect((await raw(url, '/api/cta', beacon('https://other.example', { host: 'www.example.com' }))).status).toBe(403);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(
      'refused events from origin https://www.example.com (403): own origin http://www.example.com',
    );
    expect(lines[0]).toContain('add --allow-origin https://www.example.com, or give --public-url');
  });

  it('with --public-url or allowed origins set, no longer takes an Origin equal to Host (DNS rebinding)', async () => {
    for (const options of [
      { publicOrigins: ['https://www.example.com'] },
      { allowedOrigins: ['https://www.example.com'] },
    ]) {
      const { url, db } = await start(options);
      const rebound = await raw(url, '/api/cta', beacon('http://attacker.example', { host: 'attacker.example' }));
      expect(rebound.status).toBe(403);
      expect(count(db)).toBe(0);
    }
    // With nothing configured (a local serve) the Host still says what same origin is.
    const local = await start();
    expect((await raw(local.url, '/api/cta', beacon('http://127.0.0.1:4321', { host: '127.0.0.1:4321' }))).status).toBe(
      200,
    );
  });
});

describe('cta-collect serve: daily limits per client (M2, L17)', () => {
  it('refuses CTA ids new to the collector past the daily limit with 429 and a log line; known ids pass', async () => {
    const lines: string[] = [];
    const { url, db } = await start({
      dailyQuota: { eventsPerDay: 0, newCtasPerDay: 3 },
      log: (line) => lines.push(line),
    });
    const batch = (ids: string[], pv: string) => JSON.stringify(ids.map((id, s) => ({ ...event, id, pv, s })));
    expect((await post(url, batch(['a', 'b', 'c'], 'pv1'))).status).toBe(200);
    const refused = await post(url, batch(['a', 'd'], 'pv2'));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json()).error).toContain('daily limit of 3 new CTA ids (--max-new-ctas-per-day)');
    expect((await post(url, batch(['e'], 'pv3'))).status).toBe(429);
    expect((await post(url, batch(['a', 'b'], 'pv4'))).status).toBe(200);
    expect(count(db)).toBe(5);
    expect(lines.filter((line) => line.includes('--max-new-ctas-per-day'))).toHaveLength(1);
  });

  it('refuses events past the daily event quota, not counting retries', async () => {
    const { url, db } = await start({ dailyQuota: { eventsPerDay: 4, newCtasPerDay: 0 } });
    const batch = (pv: string, n: number) => JSON.stringify(Array.from({ length: n }, (_, s) => ({ ...event, pv, s })));
    expect((await post(url, batch('pv1', 3))).status).toBe(200);
    // Retries (duplicates) are free.
    for (let retry = 0; retry < 3; retry++) expect((await post(url, batch('pv1', 1))).status).toBe(200);
    const refused = await post(url, batch('pv2', 2));
    expect(refused.status).toBe(429);
    expect((await refused.json()).error).toContain('daily limit of 4 events (--max-events-per-day)');
    expect((await post(url, batch('pv3', 1))).status).toBe(200);
    expect(count(db)).toBe(4);
  });
});

describe('cta-collect serve --static', () => {
  function site() {
    const root = tempDir();
    mkdirSync(join(root, 'site/docs'), { recursive: true });
    writeFileSync(join(root, 'site/index.html'), '<h1>home</h1>');
    writeFileSync(join(root, 'site/docs/index.html'), '<h1>docs</h1>');
    writeFileSync(join(root, 'site/app.js'), 'console.log(1)');
    writeFileSync(join(root, 'site/style.css'), 'body{}');
    writeFileSync(join(root, 'site/404.html'), '<h1>lost</h1>');
    writeFileSync(join(root, 'site/.env'), 'SECRET=1');
    writeFileSync(join(root, 'secret.txt'), 'outside the site');
    return join(root, 'site');
  }

  it('serves files with their content types and index.html for folders', async () => {
    const { url } = await start({ staticDir: site() });
    const home = await fetch(`${url}/`);
    expect([home.status, home.headers.get('content-type'), await home.text()]).toEqual([
      200,
      'text/html;charset=utf-8',
      '<h1>home</h1>',
    ]);
    expect(await (await fetch(`${url}/docs/`)).text()).toBe('<h1>docs</h1>');
    expect(await (await fetch(`${url}/docs`)).text()).toBe('<h1>docs</h1>');
    expect((await fetch(`${url}/app.js`)).headers.get('content-type')).toMatch(/^text\/javascript\b/);
    const css = await fetch(`${url}/style.css`);
    expect(css.headers.get('content-type')).toMatch(/^text\/css\b/);
    expect(css.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers 404 with the site 404 page, and never leaves the folder', async () => {
    const { url } = await start({ staticDir: site() });
    for (const path of [
      '/missing',
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/docs/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/.env',
      '/%00',
    ]) {
      const response = await raw(url, path);
      expect({ path, status: response.status, body: response.body }).toEqual({
        path,
        status: 404,
        body: '<h1>lost</h1>',
      });
    }
    expect((await raw(url, '/%E0%A4%A')).status).toBe(400);
    expect((await raw(url, '/', { method: 'DELETE' })).status).toBe(405);
  });

  it('refuses a static folder that does not exist, saying what to do', async () => {
    await expect(start({ staticDir: '/nonexistent/dist' })).rejects.toThrow(
      '--static /nonexistent/dist: no such folder. Build the site first (npm run build), or fix the path.',
    );
  });
});
