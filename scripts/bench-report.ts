// npm run bench:report — how long `cta-collect report` takes on a large SQLite database.
//
// Generates BENCH_EVENTS events (default 1,000,000; set 10000000 for 10 M) into a fresh database, in one transaction
// per 50,000 events, and rebuilds the report's rollups from them (bulkLoad: the rollups the collector's writer keeps
// per group commit, tested equal in db/rollups.test.ts): 60 days of traffic on 40 pages and 60 CTAs, visits of 1 to 4
// page views, 3 CTAs seen per page view, ~4% of page views with a click, ~0.6% with a conversion (most after a click
// in the same visit). Then times buildReport (the library call behind `cta-collect report`) four ways, each
// formatted as a table, and the real CLI once. Prints generation and report timings; asserts nothing (run it once,
// not in a loop: the machine is shared). BENCH_DB=path keeps the database (and reuses it if it already holds events).
// The ingest rate printed is the bulk load's, not the collector's (npm run bench:collector measures that).
// With `-- --db postgres://user@host:5432/db` it also loads the same events into a new database on that server
// (CREATE DATABASE cta_bench_report_…, dropped after; COPY, then the rollups rebuilt) and times the same report
// there, through the same query definitions. BENCH_SQLITE=0 measures PostgreSQL only.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import {
  buildReport,
  bulkLoad,
  bulkLoadPostgres,
  formatReport,
  openReadOnlyDatabase,
  openStorage,
  openWritableDatabase,
  type ReportOptions,
} from '../packages/collector/dist/index.js';

const { values: argv } = parseArgs({ options: { db: { type: 'string' } } });
const POSTGRES_URL = argv.db ?? process.env.BENCH_POSTGRES_URL;

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const DAYS = 60;
const PAGES = Array.from({ length: 40 }, (_, index) => (index === 0 ? '/' : `/page-${index}/`));
const CTAS = Array.from({ length: 60 }, (_, index) => `cta-${index}`);
const GOALS = ['signup', 'purchase', 'demo'];
const CHUNK = 50_000;
const CLI = fileURLToPath(new URL('../packages/collector/dist/cli.js', import.meta.url));
const DAY_MS = 86_400_000;
const END = Date.UTC(2026, 10, 30);

// A small deterministic generator (mulberry32): the same database on every run.
let seed = 0x5eed;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const seconds = (start: number) => ((performance.now() - start) / 1000).toFixed(2);

function generate(path: string): number {
  const db = openWritableDatabase(path, { synchronous: 'normal' });
  let written = 0;
  bulkLoad(db, () => {
    const start = performance.now();
    written = load(db);
    console.log(`loaded ${written.toLocaleString('en')} events in ${seconds(start)} s; rebuilding the rollups…`);
  });
  db.close();
  return written;
}

function load(db: DatabaseSync): number {
  const insert = db.prepare(`INSERT OR IGNORE INTO events
    (page_view, seq, type, cta, page, variant, goal, destination, open_mode, props, received_at,
     visit, experiment, arm, value, currency, claimed_cta, claimed_page_view)
    VALUES (?, ?, ?, ?, ?, NULL, ?, NULL, ?, NULL, ?, ?, ?, ?, ?, ?, NULL, NULL)`);
  let written = 0;
  db.exec('BEGIN');
  for (const row of events()) {
    insert.run(...row);
    if (++written % CHUNK === 0) {
      db.exec('COMMIT');
      db.exec('BEGIN');
    }
  }
  db.exec('COMMIT');
  return written;
}

type EventRow = [
  string,
  number,
  string,
  string,
  string,
  string,
  string | null,
  number,
  string,
  string | null,
  string | null,
  number | null,
  string | null,
];

/**
 * The benchmark's events, always the same (seeded): page view, seq, type, cta, page, goal, open mode, time, visit,
 * experiment, arm, value, currency.
 */
function* events(): Generator<EventRow> {
  seed = 0x5eed;
  let written = 0;
  let pageViews = 0;
  let visits = 0;
  const insert = { run: (...row: EventRow) => row };
  const out: EventRow[] = [];
  while (written < EVENTS) {
    const visit = `v${(visits++).toString(36)}`;
    let at = END - Math.floor(random() * DAYS * DAY_MS);
    const views = 1 + Math.floor(random() * random() * 4);
    let clicked: { cta: string; goal: string } | undefined;
    for (let view = 0; view < views && written < EVENTS; view++) {
      const pageView = `p${(pageViews++).toString(36)}`;
      const page = pick(PAGES);
      let seq = 0;
      const seen = [pick(CTAS), pick(CTAS), pick(CTAS)];
      for (const cta of seen) {
        if (written >= EVENTS) break;
        out.push(
          insert.run(
            pageView,
            seq++,
            'impression',
            cta,
            page,
            goalOf(cta),
            null,
            at,
            visit,
            ...armOf(cta, visit),
            null,
            null,
          ),
        );
        written++;
      }
      if (written < EVENTS && random() < 0.04) {
        const cta = seen[0]!;
        clicked = { cta, goal: goalOf(cta) };
        const arm = armOf(cta, visit);
        out.push(
          insert.run(pageView, seq++, 'click', cta, page, clicked.goal, 'plain', at + 5_000, visit, ...arm, null, null),
        );
        written++;
      }
      if (written < EVENTS && random() < (clicked ? 0.15 : 0.001)) {
        const goal = clicked?.goal ?? pick(GOALS);
        out.push(
          insert.run(pageView, seq++, 'conversion', goal, page, goal, null, at + 60_000, visit, null, null, 49, 'EUR'),
        );
        written++;
      }
      at += 30_000 + Math.floor(random() * 120_000);
      yield* out.splice(0);
    }
  }
}

/** The same events into a new PostgreSQL database, by COPY. */
async function generatePostgres(url: string): Promise<{ db: string; drop: () => Promise<void> }> {
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  const name = `cta_bench_report_${process.pid}`;
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const db = target.toString();
  const storage = await openStorage(db, { mode: 'write' });
  await storage.close();
  const sql = postgres(db, { max: 1, onnotice: () => {} });
  const start = performance.now();
  let loaded = 0;
  await bulkLoadPostgres(sql, async () => {
    // COPY in text format: tab-separated, \N for NULL (the generated values hold no tab, newline or backslash).
    const copy = await sql`COPY events (page_view, seq, type, cta, page, goal, open_mode, received_at, visit,
                                        experiment, arm, value, currency) FROM STDIN`.writable();
    const lines = function* () {
      let chunk: string[] = [];
      for (const row of events()) {
        chunk.push(row.map((value) => (value === null ? '\\N' : String(value))).join('\t'));
        loaded++;
        if (chunk.length === 10_000) {
          yield `${chunk.join('\n')}\n`;
          chunk = [];
        }
      }
      if (chunk.length) yield `${chunk.join('\n')}\n`;
    };
    await pipeline(Readable.from(lines()), copy);
    console.log(
      `PostgreSQL: loaded ${loaded.toLocaleString('en')} events (COPY) in ${seconds(start)} s; ` +
        'rebuilding the rollups…',
    );
  });
  console.log(`PostgreSQL: generated (load + rollups) in ${seconds(start)} s`);
  const [size] = await admin<{ bytes: string }[]>`SELECT pg_database_size(${name}) AS bytes`;
  console.log(`PostgreSQL database: ${(Number(size!.bytes) / 1e6).toFixed(0)} MB`);
  await sql.end();
  return {
    db,
    drop: async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

const goalOf = (cta: string) => GOALS[Number(cta.slice(4)) % GOALS.length]!;
/** One CTA in ten is in an experiment (three experiments), its arm A or B by visit: the experiment report's load. */
const armOf = (cta: string, visit: string): [string | null, string | null] =>
  Number(cta.slice(4)) % 10 === 0
    ? [`exp-${Number(cta.slice(4)) % 3}`, visit.charCodeAt(visit.length - 1) % 2 ? 'A' : 'B']
    : [null, null];

const lastDay = END / DAY_MS;
const runs: [string, ReportOptions][] = [
  ['all time', {}],
  ['--since (last 7 days) with the change against the 7 before', { since: lastDay - 7, until: lastDay + 1 }],
  ['all time --by day', { by: 'day' }],
  [
    'all time --attribution first-click --any-goal --sort conversions',
    { model: 'first-click', anyGoal: true, sort: 'conversions' },
  ],
];
if (process.env.BENCH_SQLITE !== '0') {
  const keep = process.env.BENCH_DB;
  const path = keep ?? join(mkdtempSync(join(tmpdir(), 'cta-bench-report-')), 'events.sqlite');
  let stored = 0;
  if (keep && existsSync(keep)) {
    const db = new DatabaseSync(keep, { readOnly: true });
    stored = (db.prepare('SELECT SUM(events) AS n FROM page_views').get() as { n: number }).n;
    db.close();
    console.log(`reusing ${keep}: ${stored.toLocaleString('en')} events`);
  } else {
    const start = performance.now();
    stored = generate(path);
    const took = (performance.now() - start) / 1000;
    console.log(
      `generated ${stored.toLocaleString('en')} events in ${took.toFixed(1)} s ` +
        '(bulk: events loaded, then the rollups rebuilt)',
    );
  }
  console.log(`database: ${(statSync(path).size / 1e6).toFixed(0)} MB`);

  const db = openReadOnlyDatabase(path);
  for (const [label, options] of runs) {
    const start = performance.now();
    const report = buildReport(db, new Date(END), options);
    const built = seconds(start);
    const formatStart = performance.now();
    formatReport(report, 'table');
    console.log(
      `report ${label}: ${built} s (table ${seconds(formatStart)} s) — ${report.rows.length} rows, ` +
        `${report.totals.conversions} conversions (${report.totals.attributedConversions} attributed), ` +
        `${report.totals.visits} visits, ${report.experiments.length} experiments`,
    );
  }
  db.close();
  const start = performance.now();
  const cli = spawnSync(process.execPath, [CLI, 'report', '--db', path], { encoding: 'utf8' });
  console.log(`cta-collect report (a new process, table): ${seconds(start)} s, exit ${cli.status}`);
  if (!keep) rmSync(path, { force: true });
}

if (POSTGRES_URL) {
  const { db: pg, drop } = await generatePostgres(POSTGRES_URL);
  const storage = await openStorage(pg, { mode: 'read' });
  for (const [label, options] of runs) {
    const started = performance.now();
    const report = await storage.report(new Date(END), options);
    console.log(
      `PostgreSQL report ${label}: ${seconds(started)} s — ${report.rows.length} rows, ` +
        `${report.totals.conversions} conversions (${report.totals.attributedConversions} attributed), ` +
        `${report.totals.visits} visits`,
    );
  }
  await storage.close();
  const cliStart = performance.now();
  const pgCli = spawnSync(process.execPath, [CLI, 'report', '--db', pg], { encoding: 'utf8' });
  console.log(`PostgreSQL cta-collect report (a new process, table): ${seconds(cliStart)} s, exit ${pgCli.status}`);
  await drop();
} else console.log('(PostgreSQL not measured: pass --db postgres://… to add it)');
