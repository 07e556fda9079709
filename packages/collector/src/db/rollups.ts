import type { DatabaseSync } from 'node:sqlite';

/**
 * Recomputes every rollup of the report (migration 3) from the events, in one transaction: for a bulk load done with
 * the triggers set aside (`withoutRollupTriggers`), or to check the triggers' work. Equal to what the triggers keep,
 * except that a visit whose first events share one millisecond gets the landing page of either.
 */
export function rebuildRollups(db: DatabaseSync): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec(`
      DELETE FROM cta_daily; DELETE FROM page_views; DELETE FROM daily_totals;
      DELETE FROM visits; DELETE FROM landing_daily; DELETE FROM experiment_units; DELETE FROM experiment_daily;
      INSERT INTO cta_daily (day, cta, page, impressions, clicks, click_events)
        SELECT day, cta, page, COUNT(*), SUM(clicked), SUM(click_events)
        FROM (SELECT MIN(received_at) / 86400000 AS day, cta, MIN(page) AS page, MAX(type = 'click') AS clicked,
                     SUM(type = 'click') AS click_events
              FROM events WHERE type IN ('click', 'impression') GROUP BY page_view, cta)
        GROUP BY day, cta, page;
      INSERT INTO page_views
        SELECT page_view, MIN(received_at) / 86400000, COUNT(*), MAX(seq), SUM(type = 'impression'),
               SUM(type = 'click'), SUM(type = 'custom'), SUM(type = 'conversion')
        FROM events GROUP BY page_view;
      INSERT INTO daily_totals
        SELECT day, SUM(events), COUNT(*), SUM(impression_events), SUM(click_events), SUM(custom_events),
               SUM(conversion_events), SUM(max_seq + 1 - events > 0), SUM(MIN(MAX(max_seq + 1 - events, 0), 10))
        FROM page_views GROUP BY day;
      CREATE TEMP TABLE visit_starts AS
        -- With a single MIN(), SQLite takes the bare column (page) from the row holding the minimum.
        SELECT visit, MIN(received_at) AS first_at, page FROM events WHERE visit IS NOT NULL GROUP BY visit;
      INSERT INTO visits
        SELECT e.visit, s.first_at, MAX(e.received_at), s.page, COUNT(DISTINCT e.page_view), SUM(e.type = 'click'),
               SUM(e.type = 'conversion'), SUM(e.type = 'engaged')
        FROM events e JOIN visit_starts s ON s.visit = e.visit GROUP BY e.visit;
      DROP TABLE visit_starts;
      INSERT INTO landing_daily
        -- A bounce: one page view, no click, no conversion, no engaged page view (migration 4).
        SELECT first_at / 86400000, landing_page, COUNT(*),
               SUM(page_views <= 1 AND clicks = 0 AND conversions = 0 AND engaged = 0)
        FROM visits GROUP BY first_at / 86400000, landing_page;
      INSERT INTO experiment_units
        SELECT experiment, COALESCE(arm, ''), COALESCE(visit, page_view), MIN(received_at) / 86400000,
               MAX(type = 'click')
        FROM events WHERE experiment IS NOT NULL AND type IN ('click', 'impression')
        GROUP BY experiment, COALESCE(arm, ''), COALESCE(visit, page_view);
      INSERT INTO experiment_daily
        SELECT day, experiment, arm, COUNT(*), SUM(clicked) FROM experiment_units GROUP BY day, experiment, arm;
    `);
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

/**
 * Runs `load` with the rollup triggers dropped (inserts then cost what a plain insert costs), puts them back exactly
 * as they were, and rebuilds the rollups. For bulk loads such as `npm run bench:report`; never while a server writes.
 */
export function withoutRollupTriggers(db: DatabaseSync, load: () => void): void {
  const triggers = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events'")
    .all() as { name: string; sql: string }[];
  for (const { name } of triggers) db.exec(`DROP TRIGGER "${name}"`);
  try {
    load();
  } finally {
    for (const { sql } of triggers) db.exec(sql);
  }
  rebuildRollups(db);
}
