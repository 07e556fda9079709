import { DatabaseSync } from 'node:sqlite';
import { EventStore } from '../db/event-store.ts';
import { migrate } from '../db/migrations.ts';
import type { ValidEvent } from '../validate.ts';

/** 2026-11-26 00:00 UTC: the day the report tests happen on. */
export const T0 = Date.UTC(2026, 10, 26);
export const MINUTE = 60_000;

/** A migrated in-memory database and a writer whose clock the test sets (received_at is the collector's time). */
export function collector() {
  const db = new DatabaseSync(':memory:');
  migrate(db);
  let now = T0;
  const store = new EventStore(db, { now: () => now });
  return {
    db,
    /** Stores events as if received at `at` (ms since the epoch). */
    async at(at: number, ...events: ValidEvent[]) {
      now = at;
      return store.write(events);
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
