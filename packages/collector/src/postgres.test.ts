import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIContext } from 'astro';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PostgresCluster, startPostgres } from '../../../tests/support/postgres.ts';
import { LATEST_VERSION } from './db/migrations.ts';
import { type RunningServer, startServer } from './http/server.ts';
import type { Report } from './report/index.ts';

// The collector on a real PostgreSQL server (a throwaway cluster): the CLI's commands, the limits shared by several
// collectors on one database, and what a request gets while the server is down (503, never a 2xx) and after it is
// back (200 again, without restarting the collector).
const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));
let cluster: PostgresCluster | undefined;
beforeAll(async () => {
  cluster = await startPostgres();
}, 60_000);
afterAll(() => cluster?.destroy(), 60_000);

const run = (...args: string[]) => {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

const post = (url: string, body: unknown, ip = '203.0.113.9') =>
  fetch(`${url}/api/cta`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain', 'x-forwarded-for': ip },
    body: JSON.stringify(body),
  });
const view = (pv: string, id = 'signup') => [{ t: 'impression', id, p: '/', pv, s: 0 }];

describe('the collector on PostgreSQL', { timeout: 120_000 }, () => {
  it('cta-collect serve, report, export, migrate, prune and rollup take a postgres:// URL', async () => {
    const db = await cluster!.createDatabase();
    const child = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', '0', '--pool', '2'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let stdout = '';
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk;
          const match = /collecting at (http:\/\/\S+?)\/api\/cta into (\S+)/.exec(stdout);
          if (match) resolve(match[1]!);
        });
        child.once('exit', (code) => reject(new Error(`serve exited (${code}): ${stderr}`)));
      });
      const response = await fetch(`${url}/api/cta`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify([
          { t: 'impression', id: 'signup', p: '/', pv: 'p1', s: 0 },
          { t: 'click', id: 'signup', p: '/', pv: 'p1', s: 1, d: 'https://example.com/', o: 'plain' },
        ]),
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ ok: true, stored: 2, duplicates: 0 });
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    const report = run('report', '--db', db, '--format', 'json');
    expect(report.code).toBe(0);
    expect(JSON.parse(report.stdout).rows[0]).toMatchObject({ cta: 'signup', impressions: 1, clicks: 1, ctr: 1 });
    const out = join(mkdtempSync(join(tmpdir(), 'cta-pg-export-')), 'events.csv');
    expect(run('export', '--db', db, '--format', 'csv', '--out', out)).toMatchObject({ code: 0 });
    expect(readFileSync(out, 'utf8').split('\r\n')[2]).toMatch(/^p1,1,click,signup,\/,/);
    expect(run('migrate', '--db', db).stdout).toContain(
      `is at schema version ${LATEST_VERSION} (latest ${LATEST_VERSION})`,
    );
    expect(run('rollup', '--db', db).stdout).toMatch(/rebuilt the report's rollups/);
    expect(run('prune', '--db', db, '--keep', '1d').stdout).toMatch(/deleted 0 events/);
  });

  it('serve exits 1 with one clear line when PostgreSQL cannot be reached', () => {
    const result = run('serve', '--db', 'postgres://cta:secret@127.0.0.1:1/cta', '--port', '0');
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(
      /^cta-collect: cannot connect to PostgreSQL at postgres:\/\/cta:\*\*\*@127\.0\.0\.1:1\/cta/,
    );
    expect(result.stderr).not.toContain('secret');
  });

  it('collectors on one database share the rate limit and the daily quota of a client', async () => {
    const db = await cluster!.createDatabase();
    const options = {
      db,
      port: 0,
      trustProxy: '1',
      rateLimit: { burst: 4, perSecond: 0.001 },
      dailyQuota: { eventsPerDay: 1000, newCtasPerDay: 3 },
      log: () => {},
    };
    const servers: RunningServer[] = [await startServer(options), await startServer(options)];
    try {
      const [a, b] = servers.map((server) => server.url) as [string, string];
      // Four requests in all, whichever collector takes them; the fifth is refused by either.
      const statuses = [];
      for (const [index, url] of [a, b, a, b].entries()) statuses.push((await post(url, view(`r${index}`))).status);
      expect(statuses).toEqual([200, 200, 200, 200]);
      expect((await post(a, view('r5'))).status).toBe(429);
      expect((await post(b, view('r6'))).status).toBe(429);
      // Another client still has its own budget; its new CTA ids count across collectors too.
      const other = '198.51.100.7';
      expect((await post(a, view('n1', 'one'), other)).status).toBe(200);
      expect((await post(b, [...view('n2', 'two'), { ...view('n2', 'three')[0], s: 1 }], other)).status).toBe(200);
      const refused = await post(a, view('n3', 'four'), other);
      expect(refused.status).toBe(429);
      expect((await refused.json()).error).toContain('--max-new-ctas-per-day');
    } finally {
      await Promise.all(servers.map((server) => server.close()));
    }
  });

  it('serves the token-guarded JSON report from PostgreSQL, engaged visits and experiment arms included', async () => {
    const token = 'a-report-token-of-32-characters!';
    const server = await startServer({
      db: await cluster!.createDatabase(),
      port: 0,
      log: () => {},
      reportToken: token,
    });
    try {
      const arm = (a: string, vi: string) => ({ p: '/', vi, x: 'pricing', a });
      expect(
        (
          await post(server.url, [
            { t: 'impression', id: 'buy', pv: 'p1', s: 0, ...arm('A', 'v1') },
            { t: 'click', id: 'buy', pv: 'p1', s: 1, ...arm('A', 'v1') },
            { t: 'impression', id: 'buy', pv: 'p2', s: 0, ...arm('B', 'v2') },
            { t: 'engaged', id: '10s', p: '/', pv: 'p2', s: 1, vi: 'v2' },
            { t: 'impression', id: 'buy', pv: 'p3', s: 0, ...arm('B', 'v3') },
          ])
        ).status,
      ).toBe(200);
      const read = (authorization: string) =>
        fetch(`${server.url}/api/cta/report?since=2000-01-01`, { headers: { authorization } });
      expect((await read(`Bearer ${token}x`)).status).toBe(401);
      // A 2xx comes after COMMIT: the report sees the events at once.
      const response = await read(`Bearer ${token}`);
      expect(response.status).toBe(200);
      const report = (await response.json()) as Report;
      expect(report.totals).toMatchObject({ events: 5, visits: 3, bounces: 1 }); // v1 clicked, v2 was engaged
      expect(report.experiments[0]!.arms.map(({ arm, visits, clicks }) => ({ arm, visits, clicks }))).toEqual([
        { arm: 'A', visits: 1, clicks: 1 },
        { arm: 'B', visits: 2, clicks: 0 },
      ]);
    } finally {
      await server.close();
    }
  });

  it('answers 503 while PostgreSQL is down, never 2xx, and recovers by itself when it is back', async () => {
    const db = await cluster!.createDatabase();
    const logs: string[] = [];
    const server = await startServer({ db, port: 0, log: (line) => logs.push(line) });
    try {
      expect((await post(server.url, view('before'))).status).toBe(200);
      cluster!.stop();
      const down = await post(server.url, view('during'));
      expect(down.status).toBe(503);
      expect(down.headers.get('retry-after')).toBe('1');
      expect((await down.json()).error).toBe(
        'the database is unavailable: the events were not stored; send them again later',
      );
      expect(logs.join('\n')).toMatch(/answering 503: /);
      cluster!.start();
      // The pool reconnects on its own: the retried batch is stored, once.
      await expect
        .poll(async () => (await post(server.url, view('during'))).status, { timeout: 20_000, interval: 200 })
        .toBe(200);
      const again = await post(server.url, view('during'));
      expect(await again.json()).toEqual({ ok: true, stored: 0, duplicates: 1 });
      const report = await server.service.storage.report();
      expect(report.totals.events).toBe(2);
    } finally {
      cluster!.start();
      await server.close();
    }
  });
});

describe('the Astro endpoint on PostgreSQL', { timeout: 60_000 }, () => {
  it('stores events posted to the route in the database named by the URL; 503 when it is unreachable', async () => {
    const { createCtaEndpoint } = await import('./astro.ts');
    const db = await cluster!.createDatabase();
    const context = (request: Request) =>
      ({ request, url: new URL(request.url), clientAddress: '203.0.113.9' }) as unknown as APIContext;
    const request = (url: string) =>
      new Request(url, {
        method: 'POST',
        body: JSON.stringify(view('astro1')),
        headers: { 'content-type': 'text/plain;charset=UTF-8', origin: new URL(url).origin },
      });
    const POST = createCtaEndpoint({ db, pool: 1, acceptLocal: true });
    const response = await POST(context(request('http://localhost:4321/api/cta')));
    expect(await response.json()).toEqual({ ok: true, stored: 1, duplicates: 0 });
    const sql = postgres(db, { max: 1 });
    expect(await sql`SELECT page_view, type, cta FROM events`).toEqual([
      { page_view: 'astro1', type: 'impression', cta: 'signup' },
    ]);
    await sql.end();
    const unreachable = createCtaEndpoint({ db: 'postgres://cta@127.0.0.1:1/cta' });
    const refused = await unreachable(context(request('http://localhost:4322/api/cta')));
    expect(refused.status).toBe(503);
  });
});
