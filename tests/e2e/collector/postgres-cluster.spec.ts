import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { openStorage } from '@astro-cta/collector';
import { expect, test } from '@playwright/test';
import postgres from 'postgres';
import { type PostgresCluster, startPostgres } from '../../support/postgres.ts';
import { type CollectorProcess, postRaw, startCollector } from './collector-process.ts';

// Three `cta-collect serve` processes behind one address (a small round-robin proxy, as a load balancer would be)
// on one real PostgreSQL server. Chromium clicks a CTA on the docs site served through the proxy; Node clients load
// the collectors with beacon-like batches and send every unanswered or refused batch again, as beacons do. One
// collector is SIGKILLed under load, then the Postgres server is restarted under load. Afterwards every acknowledged
// event is stored, none twice (the rollups equal a rebuild from the events), and requests sent while the server was
// down got 503 or no answer, never a 2xx.

const CLIENTS = 12;
const KILL_AFTER = 1_500;

/** Upstream failures the proxy saw, by error code (reported with the figures). */
const proxyErrors = new Map<string, number>();

/** Round robin over the live upstreams; a refused connection moves on to the next one, other failures are 502. */
async function startProxy(upstreams: () => string[]): Promise<{ url: string; server: Server }> {
  let next = 0;
  const forward = (incoming: IncomingMessage, response: ServerResponse, body: Buffer, attempt: number) => {
    const targets = upstreams();
    const target = new URL(targets[next++ % targets.length]!);
    const outgoing = httpRequest(
      {
        hostname: target.hostname,
        port: target.port,
        path: incoming.url,
        method: incoming.method,
        agent: false,
        // Host stays the proxy's, so pages it serves are same-origin for the collectors. Connection is hop-by-hop: one
        // upstream connection per request, closed after it (else they pile up against the per-client connection cap).
        headers: { ...incoming.headers, connection: 'close' },
      },
      (upstream) => {
        response.writeHead(upstream.statusCode!, upstream.headers);
        upstream.pipe(response);
      },
    );
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      proxyErrors.set(error.code ?? error.message, (proxyErrors.get(error.code ?? error.message) ?? 0) + 1);
      if (error.code === 'ECONNREFUSED' && attempt < targets.length) forward(incoming, response, body, attempt + 1);
      else if (!response.headersSent) response.writeHead(502).end();
      else response.destroy();
    });
    outgoing.end(body);
  };
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => forward(incoming, response, Buffer.concat(chunks), 1));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

let cluster: PostgresCluster | undefined;
const collectors: CollectorProcess[] = [];
test.afterAll(() => {
  for (const collector of collectors)
    if (collector.child.exitCode === null && collector.child.signalCode === null) collector.child.kill('SIGKILL');
  cluster?.destroy();
});

test('three collectors on one PostgreSQL: a SIGKILL and a server restart under load lose and double nothing', async ({
  page,
}) => {
  test.setTimeout(300_000);
  cluster = await startPostgres();
  const db = await cluster.createDatabase();
  // Chromium on 127.0.0.1 is a local, automated visit: stored because these flags say so.
  const args = [
    '--db',
    db,
    '--port',
    '0',
    '--rate',
    '0',
    '--max-events-per-day',
    '0',
    '--static',
    'docs-site/dist',
    '--accept-local',
    '--accept-automation',
  ];
  for (let index = 0; index < 3; index++) collectors.push(await startCollector(args));
  const live = () => collectors.filter((c) => c.child.exitCode === null && c.child.signalCode === null);
  const proxy = await startProxy(() => live().map((collector) => collector.url));

  // The real beacon in Chromium, through the proxy.
  await page.goto(`${proxy.url}/demos/saas/`);
  await page.getByRole('link', { name: 'Compare plans and pricing' }).click();
  await expect(page).toHaveURL(/\/demos\/weak\/$/);
  const sql = postgres(db, { max: 1, onnotice: () => {} });
  const beaconClicks = async () =>
    Number((await sql`SELECT COUNT(*) AS n FROM events WHERE type = 'click' AND cta = 'see-pricing'`)[0]!.n);
  await expect.poll(beaconClicks, { timeout: 30_000 }).toBe(1);

  // The load: page views of impressions (batches of 1-20), then a click; a batch is sent until it gets a 200.
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const acked = new Set<string>();
  const sent = new Set<string>();
  const phase = { stop: false, down: false, downAnswers: new Map<number, number>() };
  let sentWhileDown = 0;
  const client = async (clientId: number) => {
    for (let view = 0; !phase.stop; view++) {
      const pv = `c${clientId}v${view}`;
      let s = 0;
      for (let request = 0; request < 2 && !phase.stop; request++) {
        const size = request === 1 ? 1 : 1 + ((clientId * 7 + view * 3) % 20);
        const events = Array.from({ length: size }, () => ({
          t: request === 1 ? 'click' : 'impression',
          id: `cta${clientId % 5}`,
          p: '/load/',
          pv,
          s: s++,
        }));
        const body = Buffer.from(JSON.stringify(events));
        for (const event of events) sent.add(`${pv}#${event.s}`);
        while (!phase.stop) {
          const down = phase.down;
          const response = await postRaw(proxy.url, body, { 'content-type': 'text/plain' }, agent).catch(() => ({
            status: 0,
            body: '',
          }));
          if (down && phase.down) {
            sentWhileDown++;
            phase.downAnswers.set(response.status, (phase.downAnswers.get(response.status) ?? 0) + 1);
          }
          if (response.status === 200) {
            for (const event of events) acked.add(`${pv}#${event.s}`);
            break;
          }
          // Refused (503: the database is down), unanswered (the collector was killed) or 502: send it again.
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    }
  };
  const clients = Array.from({ length: CLIENTS }, (_, index) => client(index));

  // 1. SIGKILL one collector under load; the other two carry on behind the same address.
  await expect.poll(() => acked.size, { timeout: 120_000, intervals: [50] }).toBeGreaterThan(KILL_AFTER);
  const victim = collectors[1]!;
  victim.child.kill('SIGKILL');
  expect(await victim.exited).toBe('SIGKILL');
  const afterKill = acked.size;
  await expect.poll(() => acked.size, { timeout: 60_000, intervals: [50] }).toBeGreaterThan(afterKill + 500);

  // 2. Restart the PostgreSQL server under load: 503 while it is down, 200 again once it is back.
  phase.down = true;
  cluster.stop();
  const ackedWhenDown = acked.size;
  await expect.poll(() => sentWhileDown, { timeout: 30_000, intervals: [50] }).toBeGreaterThan(20);
  phase.down = false;
  cluster.start();
  await expect.poll(() => acked.size, { timeout: 60_000, intervals: [100] }).toBeGreaterThan(ackedWhenDown + 500);
  phase.stop = true;
  await Promise.all(clients);
  agent.destroy();

  const stored = new Set(
    (await sql<{ key: string }[]>`SELECT page_view || '#' || seq AS key FROM events WHERE page = '/load/'`).map(
      (row) => row.key,
    ),
  );
  const missing = [...acked].filter((key) => !stored.has(key));
  const answers = Object.fromEntries(phase.downAnswers);
  console.log(
    `postgres cluster: ${sent.size} events sent, ${acked.size} acknowledged, ${stored.size} stored, ` +
      `${missing.length} acknowledged but missing; while the server was down: ${JSON.stringify(answers)} ` +
      `(status: count; 0 = no answer); proxy upstream errors: ${JSON.stringify(Object.fromEntries(proxyErrors))}`,
  );
  // The two collectors that were not killed rode out the restart: still running, no crash.
  expect(
    live().map((collector) => collector.url),
    collectors.map((c) => c.stderr()).join('\n'),
  ).toEqual([collectors[0]!.url, collectors[2]!.url]);
  for (const collector of collectors)
    if (collector.stderr()) console.log(`collector ${collector.url}: ${collector.stderr()}`);
  expect(missing).toEqual([]);
  expect(stored.size).toBeLessThanOrEqual(sent.size);
  expect(phase.downAnswers.get(200) ?? 0).toBe(0);
  expect(phase.downAnswers.get(503) ?? 0).toBeGreaterThan(0);

  // None twice: (page view, sequence) is the key, and the rollups the triggers kept under concurrent writers, a kill
  // and a restart equal a recomputation from the stored events.
  const storage = await openStorage(db, { mode: 'write' });
  const before = await storage.report(new Date());
  expect(before.totals.events).toBe(Number((await sql`SELECT COUNT(*) AS n FROM events`)[0]!.n));
  await storage.rebuildRollups();
  const after = await storage.report(new Date());
  expect({ ...after, generatedAt: '' }).toEqual({ ...before, generatedAt: '' });
  await storage.close();
  await sql.end();
  for (const collector of live()) collector.child.kill('SIGTERM');
  await new Promise<void>((resolve) => proxy.server.close(() => resolve()));
  proxy.server.closeAllConnections();
});
