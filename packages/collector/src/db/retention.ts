import type { DatabaseSync } from 'node:sqlite';

/** Rows looked at per transaction: short enough that the collector's own commits are never held up for long. */
const CHUNK_ROWS = 10_000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes events received before `beforeMs`, yielding after each chunk so writers are not blocked for the whole run
 * (`cta-collect prune --keep`, `serve --keep`). Chunks are ranges of the primary key (page_view, seq), found in
 * its b-tree, so each statement reads at most CHUNK_ROWS rows and no index on received_at is needed. Returns the
 * chunks' deletions one by one (a generator), so a host can pause between them.
 */
export function* pruneChunks(db: DatabaseSync, beforeMs: number): Generator<number, void, void> {
  const nextBoundary = db.prepare(
    'SELECT page_view FROM events WHERE page_view > ? ORDER BY page_view LIMIT 1 OFFSET ?',
  );
  const deleteUpTo = db.prepare('DELETE FROM events WHERE page_view >= ? AND page_view < ? AND received_at < ?');
  const deleteRest = db.prepare('DELETE FROM events WHERE page_view >= ? AND received_at < ?');
  const pruneVisits = db.prepare('DELETE FROM visits WHERE first_at < ?');
  const pruneTabs = db.prepare('DELETE FROM tabs WHERE last_at < ?');
  const pruneDays = ROLLUPS_BY_DAY.map((table) => db.prepare(`DELETE FROM ${table} WHERE day < ?`));
  let from = '';
  for (;;) {
    // One page view's events never straddle two chunks: the boundary is the first page view of the next chunk.
    const boundary = nextBoundary.get(from, CHUNK_ROWS) as { page_view: string } | undefined;
    if (!boundary) {
      const deleted = Number(deleteRest.run(from, beforeMs).changes);
      // The report's rollups follow by the same rule: whatever began before the cut-off (ROLLUPS_BY_DAY). A tab
      // whose last event came before it cannot go on with its visit (30 minutes, tab-visits.ts): its state goes too.
      pruneVisits.run(Math.floor(beforeMs / DAY_MS) * DAY_MS);
      pruneTabs.run(beforeMs);
      for (const statement of pruneDays) statement.run(Math.floor(beforeMs / DAY_MS));
      yield deleted;
      return;
    }
    yield Number(deleteUpTo.run(from, boundary.page_view, beforeMs).changes);
    from = boundary.page_view;
  }
}

/**
 * Rollups keyed by the UTC day their page view, exposure, visit or unit began, deleted for the days before the
 * cut-off (visits: those that began before it). The cut-off is a day's start (retentionCutOff), so rollups and
 * events lose the same whole days. A visit or page view that began before the cut-off and went on after it loses
 * its rollup rows with its first day; its later events stay in the events table (export) and, should the visit go
 * on, its next events count as a new visit from then.
 */
export const ROLLUPS_BY_DAY = [
  'cta_daily',
  'page_views',
  'daily_totals',
  'landing_daily',
  'experiment_units',
  'experiment_daily',
] as const;

/**
 * Where `--keep DAYSd` cuts: the start (00:00 UTC) of the day `keepDays` days before `now`, so that events and the
 * report's daily rollups lose the same whole days (up to a day more is kept than DAYS × 24 h).
 */
export function retentionCutOff(now: number, keepDays: number): number {
  return Math.floor((now - keepDays * DAY_MS) / DAY_MS) * DAY_MS;
}

/** Deletes events older than `keepDays` days in one go; returns how many. For a database no server writes to. */
export function pruneEvents(db: DatabaseSync, keepDays: number, now = Date.now()): number {
  let deleted = 0;
  for (const chunk of pruneChunks(db, retentionCutOff(now, keepDays))) deleted += chunk;
  return deleted;
}

/** `400d` → 400. Throws with the expected form for anything else. */
export function parseKeepDays(value: string): number {
  const match = /^(\d+)d$/.exec(value.trim());
  const days = match ? Number(match[1]) : NaN;
  if (!(days >= 1 && days <= 100_000)) throw new Error(`--keep takes a number of days such as 400d, not "${value}"`);
  return days;
}

export { DAY_MS };
