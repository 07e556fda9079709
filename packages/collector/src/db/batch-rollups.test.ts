import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import fc from 'fast-check';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PostgresCluster, startPostgres } from '../../../../tests/support/postgres.ts';
import type { ValidEvent } from '../validate.ts';
import { openStorage } from './storage.ts';
import { arbitraryEvent } from './test-support.ts';

// The rollups the writers keep per group commit (batch-rollups.ts), on a real SQLite file and a real PostgreSQL
// server with the same random traffic: several requests per commit (so a commit holds many page views, visits and
// units, and the same key twice), retries of whole requests, days going by. After it, on each engine, every rollup
// table equals a rebuild from the events, and the two engines hold the same rows and answered the same counts.
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 20);
const ROLLUP_TABLES = {
  cta_daily: 'day, cta, page',
  page_views: 'page_view',
  daily_totals: 'day',
  visits: 'visit',
  landing_daily: 'day, page',
  experiment_units: 'experiment, arm, unit',
  experiment_daily: 'day, experiment, arm',
  // Not a rollup but the writers' state of the tabs' visits (tab-visits.ts): compared between the engines (a
  // rebuild leaves it as it is).
  tabs: 'tab',
} as const;

let cluster: PostgresCluster;
beforeAll(async () => {
  cluster = await startPostgres();
}, 60_000);
afterAll(() => cluster?.destroy(), 60_000);

const event = arbitraryEvent({ maxSeq: 9 });
/** Commits, day by day: each a few requests sent together, some of them retried in a later commit. */
const traffic = fc.array(
  fc.record({
    day: fc.integer({ min: 0, max: 2 }),
    requests: fc.array(fc.array(event, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
    retry: fc.boolean(),
  }),
  { minLength: 1, maxLength: 8 },
);

type Commit = { day: number; requests: ValidEvent[][]; retry: boolean };
type Rows = Record<string, Record<string, unknown>[]>;
const normalise = (rows: Record<string, unknown>[]) =>
  rows
    .map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([key, value]) => [key, typeof value === 'bigint' ? Number(value) : value]),
      ),
    )
    // PostgreSQL returns BIGINT columns (times) as strings.
    .map((row) => ({
      ...row,
      ...('first_at' in row ? { first_at: Number(row.first_at) } : {}),
      ...('last_at' in row ? { last_at: Number(row.last_at) } : {}),
    }));

async function rollups(engine: 'sqlite' | 'postgres', db: string): Promise<Rows> {
  const queries = Object.entries(ROLLUP_TABLES).map(([table, key]) => [
    table,
    `SELECT * FROM ${table} ORDER BY ${key}`,
  ]);
  if (engine === 'sqlite') {
    const database = new DatabaseSync(db, { readOnly: true });
    const rows = Object.fromEntries(queries.map(([table, sql]) => [table, normalise(database.prepare(sql!).all())]));
    database.close();
    return rows;
  }
  const sql = postgres(db, { max: 1 });
  const rows: Rows = {};
  for (const [table, query] of queries) rows[table!] = normalise(await sql.unsafe(query!));
  await sql.end();
  return rows;
}

/** The traffic through the engine's writer; returns each request's answer and the rollups, kept and rebuilt. */
async function ingest(engine: 'sqlite' | 'postgres', commits: Commit[]) {
  const db =
    engine === 'sqlite'
      ? join(mkdtempSync(join(tmpdir(), 'cta-batch-')), 'events.sqlite')
      : await cluster.createDatabase();
  let now = T0;
  const storage = await openStorage(db, { mode: 'write', now: () => now });
  const writer = await storage.writer();
  const answers: unknown[] = [];
  let previous: ValidEvent[][] = [];
  for (const [index, { day, requests, retry }] of [...commits].sort((a, b) => a.day - b.day).entries()) {
    now = T0 + day * DAY + index; // the collector's clock moves on between commits
    const sent = [...requests, ...(retry ? previous : [])];
    // Sent together, so they share one commit.
    answers.push(await Promise.all(sent.map((events) => writer.write(events))));
    previous = requests;
  }
  const kept = await rollups(engine, db);
  await storage.rebuildRollups();
  const rebuilt = await rollups(engine, db);
  await storage.close();
  return { answers, kept, rebuilt };
}

describe('rollups kept per group commit', () => {
  it('equal a rebuild from the events on SQLite and PostgreSQL, and the same rows on both', async () => {
    await fc.assert(
      fc.asyncProperty(traffic, async (commits) => {
        const lite = await ingest('sqlite', commits as Commit[]);
        const pg = await ingest('postgres', commits as Commit[]);
        expect(lite.kept).toEqual(lite.rebuilt);
        expect(pg.kept).toEqual(pg.rebuilt);
        expect(pg.kept).toEqual(lite.kept);
        expect(pg.answers).toEqual(lite.answers);
      }),
      // Each run makes a PostgreSQL database: a few seconds per ten runs.
      { numRuns: 25 },
    );
  }, 120_000);

  it('stay exact with two collectors writing the same page views and tabs to one PostgreSQL at once', async () => {
    // Each commit must read what the other collector's commit just before it stored: a writer that took the lock
    // inside its statement would read the snapshot from before it waited, and count those page views, exposures and
    // visits again (rollups above a rebuild).
    // One clock for both, a minute a round: two processes' clocks need not follow their commits' order, and a visit
    // keeps the time of its first committed event where a rebuild takes the earliest.
    const db = await cluster.createDatabase();
    let now = T0;
    const collectors = [
      await openStorage(db, { mode: 'write', now: () => now }),
      await openStorage(db, { mode: 'write', now: () => now }),
    ];
    const writers = await Promise.all(collectors.map((storage) => storage.writer()));
    const answers = [];
    for (let round = 0; round < 30; round++) {
      now = T0 + round * 60_000;
      const sent = writers.map((writer, index) =>
        writer.write([
          { t: 'impression', id: 'hero', p: '/', pv: `p${round % 4}`, s: 2 * round + index, vi: `t${round % 3}` },
          { t: 'click', id: 'hero', p: '/', pv: `p${round % 4}`, s: 100 + 2 * round + index, vi: `t${round % 3}` },
        ]),
      );
      answers.push(...(await Promise.all(sent)));
    }
    expect(answers.every((answer) => answer.stored === 2 && answer.duplicates === 0)).toBe(true);
    const kept = await rollups('postgres', db);
    await collectors[0]!.rebuildRollups();
    const { tabs: _kept, ...rollupsKept } = kept;
    const { tabs: _rebuilt, ...rollupsRebuilt } = await rollups('postgres', db);
    expect(rollupsKept).toEqual(rollupsRebuilt);
    expect(kept.visits!.map((visit) => [visit.visit, visit.page_views])).toEqual([
      ['t0', 4],
      ['t1', 4],
      ['t2', 4],
    ]);
    for (const storage of collectors) await storage.close();
  }, 60_000);

  it('lose whole days with the events under --keep, the same way on both engines', async () => {
    const impression = (pv: string, vi: string, s = 0): ValidEvent => ({
      t: 'impression',
      id: 'hero',
      p: '/',
      pv,
      s,
      vi,
    });
    const results = [];
    for (const engine of ['sqlite', 'postgres'] as const) {
      const db =
        engine === 'sqlite'
          ? join(mkdtempSync(join(tmpdir(), 'cta-keep-')), 'events.sqlite')
          : await cluster.createDatabase();
      let now = T0;
      const storage = await openStorage(db, { mode: 'write', now: () => now });
      const writer = await storage.writer();
      for (const day of [0, 1, 2]) {
        now = T0 + day * DAY + 3_600_000;
        await writer.write([impression(`p${day}`, `v${day}`), { ...impression(`p${day}`, `v${day}`, 1), t: 'click' }]);
        await writer.write([impression(`q${day}`, `w${day}`)]);
      }
      // Cut at the start of day 1 (retentionCutOff): day 0's events and everything that began on it go.
      expect(await storage.prune(T0 + DAY)).toBe(3);
      const kept = await rollups(engine, db);
      await storage.rebuildRollups();
      expect(kept).toEqual(await rollups(engine, db));
      expect(kept.visits!.map((visit) => visit.visit)).toEqual(['v1', 'v2', 'w1', 'w2']);
      // A visit that began before the next cut-off (day 2) and goes on after it (its tab's events less than 30
      // minutes apart): its rows go with day 1, and its next events count as a new visit from then (before, a visit
      // was kept while its landing day was not, and its bounce ending took one off a deleted row: visits 0,
      // bounces -1).
      now = T0 + 2 * DAY - 1_200_000;
      await writer.write([impression('a', 's')]);
      now = T0 + 2 * DAY + 300_000;
      await writer.write([impression('a', 's', 1)]);
      expect(await storage.prune(T0 + 2 * DAY)).toBe(4);
      now = T0 + 2 * DAY + 1_200_000;
      await writer.write([impression('b', 's')]);
      const after = await rollups(engine, db);
      expect(after.landing_daily!.every((row) => Number(row.visits) > 0 && Number(row.bounces) >= 0)).toBe(true);
      expect(after.visits!.find((visit) => visit.visit === 's')).toMatchObject({ first_at: now, page_views: 1 });
      await storage.close();
      results.push(after);
    }
    expect(results[1]).toEqual(results[0]);
  }, 60_000);
});
