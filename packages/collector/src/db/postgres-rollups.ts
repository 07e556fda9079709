import type { Sql } from 'postgres';
import { WRITE_LOCK } from './postgres-store.ts';

/**
 * rebuildRollups (rollups.ts) on PostgreSQL: every rollup recomputed from the events in one transaction, under the
 * writers' lock, with the same rules as the migrations' first fills (3, 4 and 5) and the writer's batches
 * (batch-rollups.ts). After bulk loads (`bulkLoadPostgres`) and to check the writer's incremental work.
 */
export async function rebuildPostgresRollups(sql: Sql): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(${WRITE_LOCK})`;
    await tx.unsafe(`
      TRUNCATE cta_daily, page_views, daily_totals, visits, landing_daily, experiment_units, experiment_daily;
      INSERT INTO cta_daily (day, cta, page, impressions, clicks, click_events)
        SELECT day, cta, page, COUNT(*), SUM(clicked), SUM(click_events)
        FROM (SELECT MIN(received_at) / 86400000 AS day, cta, MIN(page) AS page,
                     MAX((type = 'click')::int) AS clicked, SUM((type = 'click')::int) AS click_events
              FROM events WHERE type IN ('click', 'impression') GROUP BY page_view, cta) AS exposures
        GROUP BY day, cta, page;
      INSERT INTO page_views
        SELECT page_view, MIN(received_at) / 86400000, COUNT(*), MAX(seq), SUM((type = 'impression')::int),
               SUM((type = 'click')::int), SUM((type = 'custom')::int), SUM((type = 'conversion')::int)
        FROM events GROUP BY page_view;
      INSERT INTO daily_totals
        SELECT day, SUM(events), COUNT(*), SUM(impression_events), SUM(click_events), SUM(custom_events),
               SUM(conversion_events), SUM((max_seq + 1 - events > 0)::int),
               SUM(LEAST(GREATEST(max_seq + 1 - events, 0), 10))
        FROM page_views GROUP BY day;
      INSERT INTO visits
        SELECT e.visit, s.first_at, MAX(e.received_at), s.page, COUNT(DISTINCT e.page_view),
               SUM((e.type = 'click')::int), SUM((e.type = 'conversion')::int), SUM((e.type = 'engaged')::int)
        FROM events e
        JOIN (SELECT DISTINCT ON (visit) visit, received_at AS first_at, page FROM events
              WHERE visit IS NOT NULL ORDER BY visit, received_at, page_view, seq) AS s ON s.visit = e.visit
        GROUP BY e.visit, s.first_at, s.page;
      -- A bounce: one page view, no click, no conversion, no engaged page view (migration 4).
      INSERT INTO landing_daily
        SELECT first_at / 86400000, landing_page, COUNT(*),
               SUM((page_views <= 1 AND clicks = 0 AND conversions = 0 AND engaged = 0)::int)
        FROM visits GROUP BY first_at / 86400000, landing_page;
      INSERT INTO experiment_units
        SELECT experiment, COALESCE(arm, ''), COALESCE(visit, page_view), MIN(received_at) / 86400000,
               MAX((type = 'click')::int)
        FROM events WHERE experiment IS NOT NULL AND type IN ('click', 'impression')
        GROUP BY experiment, COALESCE(arm, ''), COALESCE(visit, page_view);
      INSERT INTO experiment_daily
        SELECT day, experiment, arm, COUNT(*), SUM(clicked) FROM experiment_units GROUP BY day, experiment, arm;
    `);
  });
}

/**
 * bulkLoad (rollups.ts) on PostgreSQL: runs `load` (inserts straight into events), then rebuilds the rollups. For
 * bulk loads such as `npm run bench:report`; never while collectors write.
 */
export async function bulkLoadPostgres(sql: Sql, load: () => Promise<void>): Promise<void> {
  await load();
  await rebuildPostgresRollups(sql);
}
