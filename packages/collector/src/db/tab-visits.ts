import type { DatabaseSync, StatementSync } from 'node:sqlite';

/**
 * Visits are split here, not in the browser: the beacon keeps one random id per tab in sessionStorage (`vi` on the
 * wire, gone when the tab closes) and the collector starts a new visit of that tab after 30 minutes without events,
 * by the time it received them (as Google Analytics, Plausible and Umami split sessions). The stored `visit` of an
 * event is the tab id for the tab's first visit and `<tab id>.<n>` for its n-th: a client cannot send a "." in an
 * id, so no tab's id can be another tab's visit. Everything downstream (bounce rate, the conversion window, visit
 * counts, experiment units) reads that stored visit. The `tabs` table (migration 6) holds each tab's current visit;
 * on PostgreSQL a trigger does the same (migrations-postgres.ts).
 */
export const VISIT_GAP_MS = 30 * 60 * 1000;

/** A tab's current visit, how many visits it has had, and when its last stored event arrived (ms since epoch). */
export interface TabState {
  visit: string;
  visits: number;
  lastAt: number;
}

/** The tab's state once an event received at `at` is stored: the same visit within 30 minutes, else the next. */
export function nextTabState(tab: string, state: TabState | undefined, at: number): TabState {
  if (state && at - state.lastAt < VISIT_GAP_MS) return { ...state, lastAt: Math.max(at, state.lastAt) };
  const visits = (state?.visits ?? 0) + 1;
  return { visit: visits === 1 ? tab : `${tab}.${visits}`, visits, lastAt: at };
}

/** The rule on SQLite, inside EventStore's transaction: read a tab's state, and keep it once its event is stored. */
export class TabVisits {
  readonly #read: StatementSync;
  readonly #keep: StatementSync;

  constructor(db: DatabaseSync) {
    this.#read = db.prepare('SELECT visit, visits, last_at AS lastAt FROM tabs WHERE tab = ?');
    this.#keep = db.prepare(`INSERT INTO tabs (tab, visit, visits, last_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (tab) DO UPDATE SET visit = excluded.visit, visits = excluded.visits, last_at = excluded.last_at`);
  }

  /** The state the tab will have if an event received at `at` is stored (call keep() once it is). */
  next(tab: string, at: number): TabState {
    return nextTabState(tab, this.#read.get(tab) as TabState | undefined, at);
  }

  keep(tab: string, state: TabState): void {
    this.#keep.run(tab, state.visit, state.visits, state.lastAt);
  }
}
