// npm run bench:ingest [-- --db postgres://…] — the storage layer's ingest cost alone, without HTTP: batches
// shaped like a loaded collector's group commits (BENCH_REQUESTS requests per commit, each the impressions of a page
// view or one click, every event with a visit id, one CTA in ten in an experiment) written through the built
// package's writer, on SQLite (synchronous=normal, so the figure is CPU, not fsync) and, with --db, on a new
// database of that PostgreSQL server. Prints events/s and this process's CPU µs per event. BENCH_DIST=<dist dir>
// measures another build (e.g. one made from main) with the same load. Not part of npm test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import postgres from 'postgres';

const DIST = process.env.BENCH_DIST ?? fileURLToPath(new URL('../packages/collector/dist', import.meta.url));
const { openStorage } = (await import(
  pathToFileURL(join(DIST, 'index.js')).href
)) as typeof import('../packages/collector/src/index.ts');
const { values: argv } = parseArgs({ options: { db: { type: 'string' } } });
const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 48);
const PAGES = ['/', '/pricing/', '/features/', '/blog/launch/', '/demos/saas/'];
const CTAS = ['hero-signup', 'see-pricing', 'book-demo', 'newsletter', 'footer-trial', 'docs-start'];

type Event = Record<string, string | number>;

/** Requests as a beacon sends them: a visit of 1–4 page views, each 1–6 impressions, 30% with a click after. */
function* requests(): Generator<Event[]> {
  let n = 0;
  for (;;) {
    const vi = `vi${n++}`;
    const views = 1 + (n % 4);
    for (let view = 0; view < views; view++) {
      const pv = `pv${n}-${view}-${Math.random().toString(36).slice(2, 8)}`;
      const p = PAGES[(n + view) % PAGES.length]!;
      const seen = CTAS.slice(0, 1 + Math.floor(Math.random() * CTAS.length));
      let s = 0;
      const base = (id: string) => ({
        id,
        p,
        pv,
        vi,
        v: 'primary',
        g: 'signup',
        ...(id === 'hero-signup' && n % 10 === 0 ? { x: 'hero-copy', a: n % 20 === 0 ? 'A' : 'B' } : {}),
      });
      yield seen.map((id) => ({ t: 'impression', s: s++, ...base(id) }));
      if (Math.random() < 0.3) yield [{ t: 'click', s: s++, d: 'https://example.com/', o: 'plain', ...base(seen[0]!) }];
    }
  }
}

async function measure(label: string, db: string): Promise<void> {
  const storage = await openStorage(db, { mode: 'write', synchronous: 'normal' });
  const writer = await storage.writer();
  const source = requests();
  let written = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  while (written < EVENTS) {
    const batch = Array.from({ length: REQUESTS }, () => source.next().value as Event[]);
    written += batch.reduce((sum, events) => sum + events.length, 0);
    // Every request of the batch is queued before the store's next commit, as under load.
    await Promise.all(batch.map((events) => writer.write(events as never)));
  }
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  await storage.close();
  const cpuUs = (used.user + used.system) / written;
  console.log(
    `${label}: ${written} events in ${seconds.toFixed(2)} s = ${Math.round(written / seconds)} events/s; ` +
      `this process ${cpuUs.toFixed(1)} µs CPU per event`,
  );
}

console.log(`${DIST}: ${EVENTS} events, ${REQUESTS} requests per commit`);
const dir = mkdtempSync(join(tmpdir(), 'cta-bench-ingest-'));
await measure('SQLite', join(dir, 'events.sqlite'));
rmSync(dir, { recursive: true, force: true });
if (argv.db) {
  const admin = postgres(argv.db, { max: 1, onnotice: () => {} });
  const name = `cta_ingest_${process.pid}`;
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(argv.db);
  url.pathname = `/${name}`;
  try {
    await measure('PostgreSQL', url.toString());
  } finally {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
