import type { DatabaseSync } from 'node:sqlite';

/**
 * Recomputes every rollup of the report (migrations 3–5) from the events, in one transaction: after a bulk load
 * (`bulkLoad`), or to check the writer's incremental work (batch-rollups.ts), which it equals: a visit's landing page
 * is the page of its first event by received_at, page view and sequence, as the writer picks it within a batch.
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
        SELECT visit, received_at AS first_at, page FROM (
          SELECT visit, received_at, page,
                 ROW_NUMBER() OVER (PARTITION BY visit ORDER BY received_at, page_view, seq) AS n
          FROM events WHERE visit IS NOT NULL)
        WHERE n = 1;
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
 * Runs `load` (inserts straight into events: since migration 7 no trigger keeps the rollups, the writer does, per
 * group commit), then rebuilds the rollups from the events. For bulk loads such as `npm run bench:report`; never
 * while a server writes.
 */
export function bulkLoad(db: DatabaseSync, load: () => void): void {
  load();
  rebuildRollups(db);
}
