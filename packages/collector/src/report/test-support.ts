import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, expect, vi } from 'vitest';
import { type PostgresCluster, startPostgres } from '../../../../tests/support/postgres.ts';
import { EventStore } from '../db/event-store.ts';
import { migrate } from '../db/migrations.ts';
import { openStorage } from '../db/storage.ts';
import type { ValidEvent } from '../validate.ts';
import { buildReport, type Report, type ReportOptions } from './query.ts';

let cluster: PostgresCluster | undefined;

/**
 * Makes `collector().report()` in this test file also build each report on a real PostgreSQL server (a throwaway
 * cluster; PostgreSQL is required, like Chromium) from the same writes at the same times, and expect it equal to SQLite's.
 */
export function crossCheckOnPostgres(): void {
  // Each report then also creates a database and replays the writes on a shared 2-core machine: 5 s is too tight.
  vi.setConfig({ testTimeout: 30_000 });
  beforeAll(async () => {
    cluster = await startPostgres();
  }, 60_000);
  afterAll(() => {
    cluster?.destroy();
    cluster = undefined;
  }, 60_000);
}

/** 2026-11-26 00:00 UTC: the day the report tests happen on. */
export const T0 = Date.UTC(2026, 10, 26);
export const MINUTE = 60_000;

/** A migrated in-memory database and a writer whose clock the test sets (received_at is the collector's time). */
export function collector() {
  const db = new DatabaseSync(':memory:');
  migrate(db);
  let now = T0;
  const store = new EventStore(db, { now: () => now });
  const writes: { at: number; events: ValidEvent[] }[] = [];
  return {
    db,
    /** Stores events as if received at `at` (ms since the epoch). */
    async at(at: number, ...events: ValidEvent[]) {
      now = at;
      writes.push({ at, events });
      return store.write(events);
    },
    /** buildReport on SQLite; with crossCheckOnPostgres, also on PostgreSQL, expected equal. */
    async report(reportNow = new Date(), options: ReportOptions = {}): Promise<Report> {
      const report = buildReport(db, reportNow, options);
      if (cluster) {
        let clock = T0;
        const storage = await openStorage(await cluster.createDatabase(), { mode: 'write', now: () => clock });
        const writer = await storage.writer();
        for (const { at, events } of writes) {
          clock = at;
          await writer.write(events);
        }
        const other = await storage.report(reportNow, options);
        await storage.close();
        expect({ ...other, generatedAt: '' }, 'PostgreSQL').toEqual({ ...report, generatedAt: '' });
      }
      return report;
    },
  };
}

export const impression = (pv: string, s: number, id = 'signup', extra: Partial<ValidEvent> = {}): ValidEvent => ({
  t: 'impression',
  id,
  p: '/',
  pv,
  s,
  ...extra,
});
export const click = (pv: string, s: number, id = 'signup', extra: Partial<ValidEvent> = {}): ValidEvent => ({
  t: 'click',
  id,
  p: '/',
  pv,
  s,
  ...extra,
});
export const conversion = (pv: string, s: number, goal: string, extra: Partial<ValidEvent> = {}): ValidEvent => ({
  t: 'conversion',
  id: goal,
  g: goal,
  p: '/welcome/',
  pv,
  s,
  ...extra,
});
