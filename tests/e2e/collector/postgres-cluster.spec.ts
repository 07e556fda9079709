import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
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
// down got 503, never a 2xx nor a socket closed without an answer (a 502 from the proxy): the collectors' answer
// deadline (5 s) answers requests that wait on the postgres client's reconnect backoff (10-20 s once several
// attempts failed), which the collectors' 15 s idle timeout had cut off. Each phase lasts until the collectors show
// what it is about (every live one answering, then answering at its deadline, then answering 200 again), not for a
// fixed time: a loaded machine makes it longer, not a failure.

const CLIENTS = 12;
const KILL_AFTER = 1_500;
/** 200s each surviving collector gives after the kill, and after its recovery, before the next phase. */
const ANSWERS_PER_PHASE = 100;
/**
 * While the server is down, each live collector answers at its deadline (the client's reconnect backoff has outgrown
 * it) for at least this long: the collectors' idle timeout, past which a request waiting without a deadline had its
 * socket closed (the 502s seen before the deadline existed).
 */
const DEADLINE_SPAN_MS = 15_000;
/** The collectors' answer deadline when no --answer-deadline is given. */
const DEADLINE_MESSAGE = 'the database did not answer within 5000 ms';
/** The proxy names the collector that answered in this header. */
const UPSTREAM_HEADER = 'x-test-upstream';

/** Upstream failures the proxy saw, by error code (reported with the figures). */
const proxyErrors = new Map<string, number>();

/** Round robin over the live upstreams; a refused connection moves on to the next one, other failures are 502. */
async function startProxy(upstreams: () => string[]): Promise<{ url: string; server: Server }> {
  let next = 0;
  const forward = (incoming: IncomingMessage, response: ServerResponse, body: Buffer, attempt: number) => {
    const targets = upstreams();
    if (targets.length === 0) return void response.writeHead(502).end(); // every collector gone (the test's end)
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
        response.writeHead(upstream.statusCode!, { ...upstream.headers, [UPSTREAM_HEADER]: target.origin });
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

type Phase = 'load' | 'kill' | 'down' | 'back' | 'between';
interface Answer {
  phase: Phase;
  upstream: string;
  kind: string;
  /** When it came (performance.now()) and after how long. */
  at: number;
  ms: number;
}
/** A 503 the answer deadline gave (the database silent), apart from the immediate ones (the database refusing). */
const DEADLINE_KIND = '503 at the deadline';
const kindOf = (status: number, body: string) =>
  status === 503 && body.includes(DEADLINE_MESSAGE) ? DEADLINE_KIND : String(status);

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
  // Every answer, with the phase it was sent and answered in (one phase at both ends), the collector that gave it
  // (the proxy's header; 'proxy' for the proxy's own 502, 'none' for no answer) and its kind.
  const phase = { stop: false, name: 'load' as Phase };
  const answers: Answer[] = [];
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
          const sentIn = phase.name;
          const sentAt = performance.now();
          const response = await postRaw(proxy.url, body, { 'content-type': 'text/plain' }, agent).catch(() => ({
            status: 0,
            body: '',
            headers: {} as IncomingHttpHeaders,
          }));
          const at = performance.now();
          answers.push({
            phase: sentIn === phase.name ? sentIn : 'between',
            upstream: String(response.headers[UPSTREAM_HEADER] ?? (response.status ? 'proxy' : 'none')),
            kind: kindOf(response.status, response.body),
            at,
            ms: at - sentAt,
          });
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
  const count = (name: Phase, upstream: string, kind: string) =>
    answers.filter((a) => a.phase === name && a.upstream === upstream && a.kind === kind).length;
  /** Waits until every live collector has given `least` answers of `kind` in phase `name`. */
  const everyLiveCollector = (name: Phase, kind: string, least: number, timeout: number) =>
    expect
      .poll(() => live().every((collector) => count(name, collector.url, kind) >= least), { timeout, intervals: [50] })
      .toBe(true);

  // 1. SIGKILL one collector under load; the other two carry on behind the same address.
  await expect.poll(() => acked.size, { timeout: 120_000, intervals: [50] }).toBeGreaterThan(KILL_AFTER);
  const victim = collectors[1]!;
  phase.name = 'kill';
  victim.child.kill('SIGKILL');
  expect(await victim.exited).toBe('SIGKILL');
  await everyLiveCollector('kill', '200', ANSWERS_PER_PHASE, 120_000);

  // 2. Stop the PostgreSQL server under load until every live collector has answered at its deadline (the client's
  // reconnect backoff has outgrown it) for longer than its idle timeout, then start it again: 200 from every
  // collector, without restarting them.
  phase.name = 'down';
  const downAt = performance.now();
  cluster.stop();
  const deadlineSpan = (collector: CollectorProcess) => {
    const times = answers
      .filter((a) => a.phase === 'down' && a.upstream === collector.url && a.kind === DEADLINE_KIND)
      .map((a) => a.at);
    return times.length ? Math.max(...times) - Math.min(...times) : 0;
  };
  // Fails at once on an answer other than 503 (a 502 is a socket closed without an answer, 0 no answer at all).
  const outage = () => {
    const wrong = answers.filter((a) => a.phase === 'down' && !a.kind.startsWith('503'));
    if (wrong.length) return `answered while down: ${JSON.stringify(wrong.map(({ kind, ms }) => ({ kind, ms })))}`;
    return live().every((collector) => deadlineSpan(collector) >= DEADLINE_SPAN_MS) ? 'done' : 'waiting';
  };
  await expect.poll(outage, { timeout: 120_000, intervals: [100] }).not.toBe('waiting');
  expect(outage()).toBe('done');
  phase.name = 'back';
  const outageMs = performance.now() - downAt;
  cluster.start();
  const startedAt = performance.now();
  await everyLiveCollector('back', '200', 1, 120_000);
  const recoveryMs = live().map((collector) => {
    const first = answers.find((a) => a.phase === 'back' && a.upstream === collector.url && a.kind === '200');
    return Math.round(first!.at - startedAt);
  });
  await everyLiveCollector('back', '200', ANSWERS_PER_PHASE, 120_000);
  phase.stop = true;
  await Promise.all(clients);
  agent.destroy();

  const stored = new Set(
    (await sql<{ key: string }[]>`SELECT page_view || '#' || seq AS key FROM events WHERE page = '/load/'`).map(
      (row) => row.key,
    ),
  );
  const missing = [...acked].filter((key) => !stored.has(key));
  const whileDown = answers.filter((a) => a.phase === 'down');
  const downKinds: Record<string, number> = {};
  for (const answer of whileDown) downKinds[answer.kind] = (downKinds[answer.kind] ?? 0) + 1;
  console.log(
    `postgres cluster: ${sent.size} events sent, ${acked.size} acknowledged, ${stored.size} stored, ` +
      `${missing.length} acknowledged but missing; server down ${Math.round(outageMs)} ms, answers meanwhile: ` +
      `${JSON.stringify(downKinds)} (0 = no answer), the longest after ` +
      `${Math.round(Math.max(...whileDown.map((a) => a.ms)))} ms; first 200 from each live collector ` +
      `${recoveryMs.join(' and ')} ms after the server started; proxy upstream errors, whole run: ` +
      JSON.stringify(Object.fromEntries(proxyErrors)),
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
  // While the server was down: only 503s (at once, or at the deadline), never a 2xx nor a closed socket (502/0).
  expect(Object.keys(downKinds).sort()).toEqual([DEADLINE_KIND, '503'].filter((kind) => downKinds[kind]).sort());

  // None twice: (page view, sequence) is the key, and the rollups the writers kept per group commit (each in its
  // turn on the writers' lock, batch-rollups.ts) under concurrent writers, a kill and a restart equal a
  // recomputation from the stored events.
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
