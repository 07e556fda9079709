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
  const pruneRollups = db.prepare('DELETE FROM cta_daily WHERE day < ?');
  const pruneVisits = db.prepare('DELETE FROM visits WHERE last_at < ?');
  const pruneTabs = db.prepare('DELETE FROM tabs WHERE last_at < ?');
  const pruneDays = ['page_views', 'daily_totals', 'landing_daily', 'experiment_units', 'experiment_daily'].map(
    (table) => db.prepare(`DELETE FROM ${table} WHERE day < ?`),
  );
  let from = '';
  for (;;) {
    // One page view's events never straddle two chunks: the boundary is the first page view of the next chunk.
    const boundary = nextBoundary.get(from, CHUNK_ROWS) as { page_view: string } | undefined;
    if (!boundary) {
      const deleted = Number(deleteRest.run(from, beforeMs).changes);
      // The report's rollups follow: whole days before the cut-off, and visits that ended before it.
      pruneRollups.run(Math.floor(beforeMs / DAY_MS));
      pruneVisits.run(beforeMs);
      pruneTabs.run(beforeMs);
      for (const statement of pruneDays) statement.run(Math.floor(beforeMs / DAY_MS));
      yield deleted;
      return;
    }
    yield Number(deleteUpTo.run(from, boundary.page_view, beforeMs).changes);
    from = boundary.page_view;
  }
}

/** Deletes events older than `keepDays` days in one go; returns how many. For a database no server writes to. */
export function pruneEvents(db: DatabaseSync, keepDays: number, now = Date.now()): number {
  let deleted = 0;
  for (const chunk of pruneChunks(db, now - keepDays * DAY_MS)) deleted += chunk;
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
