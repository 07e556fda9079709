// npm run bench:collector — throughput, latency and storage of `cta-collect serve` on loopback.
// npm run bench:collector -- --db postgres://user@host:5432/db — the same on PostgreSQL beside SQLite, with 1 and 3
// collector processes (the clients spread their requests over the processes' ports, as a load balancer would). Each
// PostgreSQL run gets a new database on that server (CREATE DATABASE cta_bench_…, dropped after).
//
// Spawns the built server (packages/collector/dist) once per durability mode, drives it with keep-alive clients that
// behave like beacons (impressions in batches per page view, clicks one per request), and prints events per second,
// request latency percentiles and database bytes per million events (extrapolated from the events of the run).
// Client and server share this machine's cores, so the figures are a floor for the server alone. Bounded: about
// 15 s per mode. Not part of npm test: timings are printed, never asserted.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import postgres from 'postgres';

// BENCH_CLI compares another build; BENCH_MODES=full or normal runs one mode.
const CLI = process.env.BENCH_CLI ?? fileURLToPath(new URL('../packages/collector/dist/cli.js', import.meta.url));
const MODES = (process.env.BENCH_MODES ?? 'full,normal').split(',') as Array<'full' | 'normal'>;
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 48);
const WARMUP_MS = 1_000;
const MEASURE_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
const { values: argv } = parseArgs({ options: { db: { type: 'string' } } });
const POSTGRES_URL = argv.db ?? process.env.BENCH_POSTGRES_URL;
const PAGES = ['/', '/pricing/', '/features/', '/blog/launch/', '/demos/saas/'];
const CTAS = ['hero-signup', 'see-pricing', 'book-demo', 'newsletter', 'footer-trial', 'docs-start'];

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

interface Run {
  mode: string;
  events: number;
  requests: number;
  seconds: number;
  latencies: number[];
  errors: number;
  dbBytes: number;
  storedEvents: number;
  serverCpu: number;
  clientCpu: number;
}

function randomId(): string {
  return Math.random().toString(36).slice(2, 12);
}

/**
 * One beacon request's worth of events: the impressions of a page view (1–6), or a single click; every event with
 * the visit id the beacon sends (a client's visit goes on for 3 page views on average).
 */
function pageViewRequests(client: { visit: string }): string[] {
  if (Math.random() < 1 / 3) client.visit = randomId();
  const vi = client.visit;
  const pv = randomId();
  const page = PAGES[Math.floor(Math.random() * PAGES.length)]!;
  const offset = Math.floor(Math.random() * CTAS.length);
  const seen = Array.from(
    { length: 1 + Math.floor(Math.random() * CTAS.length) },
    (_, index) => CTAS[(offset + index) % CTAS.length]!,
  );
  let s = 0;
  const impressions = seen.map((id) => ({ t: 'impression', id, p: page, pv, vi, s: s++, v: 'primary', g: 'signup' }));
  const bodies = [JSON.stringify(impressions)];
  if (Math.random() < 0.3) {
    const id = seen[0]!;
    bodies.unshift(
      JSON.stringify([
        {
          t: 'click',
          id,
          p: page,
          pv,
          vi,
          s: s++,
          v: 'primary',
          g: 'signup',
          d: `https://example.com/${id}`,
          o: 'plain',
        },
      ]),
    );
  }
  return bodies;
}

function post(agent: Agent, port: number, body: string, ip: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/cta',
        method: 'POST',
        agent,
        headers: {
          'content-type': 'text/plain;charset=UTF-8',
          'content-length': Buffer.byteLength(body),
          'x-forwarded-for': ip,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function startServer(db: string, synchronous: string): Promise<{ child: ChildProcess; port: number }> {
  // Rate limiting stays on (keyed per simulated client through X-Forwarded-For) with a ceiling above the load.
  const child = spawn(
    process.execPath,
    [
      CLI,
      'serve',
      '--db',
      db,
      '--port',
      '0',
      '--synchronous',
      synchronous,
      '--trust-proxy',
      '1',
      '--rate',
      '100000',
      '--burst',
      '100000',
      '--max-events-per-day',
      '0',
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`cta-collect exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /collecting at http:\/\/[^:]+:(\d+)\//.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
  });
  return { child, port };
}

interface Setup {
  label: string;
  synchronous: 'full' | 'normal';
  processes: number;
  /** A SQLite file, or a PostgreSQL database made for this run. */
  database(): Promise<{ db: string; count(): Promise<number>; bytes(): Promise<number>; drop(): Promise<void> }>;
}

function sqliteSetup(synchronous: 'full' | 'normal'): Setup {
  return {
    label: `SQLite, synchronous=${synchronous}${synchronous === 'full' ? ' (default)' : ''}, 1 process`,
    synchronous,
    processes: 1,
    async database() {
      const dir = mkdtempSync(join(tmpdir(), 'cta-bench-'));
      const db = join(dir, 'events.sqlite');
      return {
        db,
        async count() {
          const database = new DatabaseSync(db, { readOnly: true });
          const { n } = database.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number };
          database.close();
          return n;
        },
        // After a clean stop the WAL is checkpointed into the main file; count whatever is on disk.
        async bytes() {
          return ['', '-wal', '-shm'].reduce(
            (sum, suffix) => sum + (existsSync(db + suffix) ? statSync(db + suffix).size : 0),
            0,
          );
        },
        async drop() {
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  };
}

function postgresSetup(url: string, processes: number): Setup {
  return {
    label: `PostgreSQL, ${processes} process${processes > 1 ? 'es' : ''}`,
    synchronous: 'full',
    processes,
    async database() {
      const admin = postgres(url, { max: 1, onnotice: () => {} });
      const name = `cta_bench_${process.pid}_${processes}`;
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name}`);
      await admin.unsafe(`CREATE DATABASE ${name}`);
      const target = new URL(url);
      target.pathname = `/${name}`;
      const db = target.toString();
      return {
        db,
        async count() {
          const sql = postgres(db, { max: 1 });
          const [row] = await sql<{ n: string }[]>`SELECT COUNT(*) AS n FROM events`;
          await sql.end();
          return Number(row!.n);
        },
        async bytes() {
          const [row] = await admin<{ bytes: string }[]>`SELECT pg_database_size(${name}) AS bytes`;
          return Number(row!.bytes);
        },
        async drop() {
          await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await admin.end();
        },
      };
    },
  };
}

async function run(setup: Setup): Promise<Run> {
  const database = await setup.database();
  const servers: { child: ChildProcess; port: number }[] = [];
  for (let index = 0; index < setup.processes; index++) servers.push(await startServer(database.db, setup.synchronous));
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const latencies: number[] = [];
  let events = 0;
  let requests = 0;
  let errors = 0;
  const start = performance.now();
  const measureFrom = start + WARMUP_MS;
  const end = measureFrom + MEASURE_MS;

  let next = 0;
  const client = async (index: number) => {
    const ip = `198.18.${index >> 8}.${index & 255}`;
    const session = { visit: randomId() };
    while (performance.now() < end) {
      for (const body of pageViewRequests(session)) {
        const { port } = servers[next++ % servers.length]!;
        const sentAt = performance.now();
        const status = await post(agent, port, body, ip).catch(() => 0);
        const doneAt = performance.now();
        if (sentAt < measureFrom || doneAt > end) continue;
        if (status !== 200) {
          errors++;
          continue;
        }
        requests++;
        events += (body.match(/"t":/g) ?? []).length;
        latencies.push(doneAt - sentAt);
      }
    }
  };
  // The machine is shared: CPU time actually spent, beside wall-clock throughput, says what the server costs.
  let serverCpuStart = 0;
  let clientCpuStart = process.cpuUsage();
  const serversCpu = () => servers.reduce((sum, { child }) => sum + cpuSeconds(child.pid!), 0);
  const startMeasuring = setTimeout(() => {
    serverCpuStart = serversCpu();
    clientCpuStart = process.cpuUsage();
  }, WARMUP_MS);
  let serverCpu = 0;
  let clientCpu = 0;
  const stopMeasuring = setTimeout(() => {
    serverCpu = serversCpu() - serverCpuStart;
    const used = process.cpuUsage(clientCpuStart);
    clientCpu = (used.user + used.system) / 1e6;
  }, WARMUP_MS + MEASURE_MS);
  await Promise.all(Array.from({ length: CLIENTS }, (_, index) => client(index)));
  clearTimeout(startMeasuring);
  clearTimeout(stopMeasuring);
  agent.destroy();
  await Promise.all(
    servers.map(({ child }) => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      return exited;
    }),
  );
  const dbBytes = await database.bytes();
  const n = await database.count();
  await database.drop();
  return {
    mode: setup.label,
    events,
    requests,
    seconds: MEASURE_MS / 1000,
    latencies,
    errors,
    dbBytes,
    storedEvents: n,
    serverCpu,
    clientCpu,
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const format = (value: number) => Math.round(value).toLocaleString('en-US');

console.log(
  `cta-collect benchmark: ${CLIENTS} keep-alive clients on loopback, ${MEASURE_MS / 1000} s measured after ${WARMUP_MS / 1000} s warm-up, ${cpus().length} cores shared by clients and server, Node ${process.version}`,
);
console.log(
  `load average before the run: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} (other work on the machine slows every figure below)`,
);
console.log(
  'load: per page view one request with 1-6 impressions, and in 30% of page views one more request with a single ' +
    'click; every event with a visit id (3 page views per visit on average)\n',
);
const setups = MODES.map(sqliteSetup);
if (POSTGRES_URL) setups.push(postgresSetup(POSTGRES_URL, 1), postgresSetup(POSTGRES_URL, 3));
else console.log('(PostgreSQL not measured: pass --db postgres://… to add it)\n');
const summary: string[] = [];
for (const setup of setups) {
  const result = await run(setup);
  const sorted = result.latencies.sort((a, b) => a - b);
  summary.push(
    `| ${setup.label} | ${format(result.events / result.seconds)} | ${percentile(sorted, 50).toFixed(2)} | ` +
      `${percentile(sorted, 99).toFixed(2)} | ${result.errors} |`,
  );
  console.log(setup.label);
  console.log(`  events/s          ${format(result.events / result.seconds)}   (target >= 5,000)`);
  console.log(
    `  requests/s        ${format(result.requests / result.seconds)}   (${(result.events / result.requests).toFixed(2)} events per request)`,
  );
  console.log(
    `  latency           p50 ${percentile(sorted, 50).toFixed(2)} ms   p99 ${percentile(sorted, 99).toFixed(2)} ms   max ${sorted.at(-1)?.toFixed(2)} ms`,
  );
  console.log(`  non-200 answers   ${result.errors}`);
  console.log(
    `  CPU used          server ${result.serverCpu.toFixed(2)} s, clients ${result.clientCpu.toFixed(2)} s of ${result.seconds} s wall-clock; ` +
      `server ${((result.serverCpu / result.events) * 1e6).toFixed(0)} µs per event = ${format(result.events / result.serverCpu)} events per server CPU-second`,
  );
  console.log(
    `  database          ${format(result.dbBytes)} bytes for ${format(result.storedEvents)} events = ${format((result.dbBytes / result.storedEvents) * 1e6)} bytes per million events (extrapolated linearly from this run)\n`,
  );
}

console.log('| storage | events/s | p50 ms | p99 ms | non-200 |\n| --- | --- | --- | --- | --- |');
for (const line of summary) console.log(line);
