import { EVENT_COLUMNS } from './event-columns.ts';
import { tabsStatement } from './tab-visits.ts';

/**
 * The report's rollups, kept once per group commit instead of once per event (migration 7 dropped the per-row
 * triggers of migrations 3–5, which cost more than the insert itself: `npm run bench:ingest`).
 *
 * Every statement reads `incoming` — the batch's new events only: not already stored, and a key repeated inside the
 * batch counted once (its first occurrence) — and the rollups' state from before the batch, groups it by rollup key
 * and upserts each key once. `incoming` holds each event's visit already split from its tab (`visit`, by visitOfTab
 * when the batch is staged; `tab` is the id as sent), so every rollup reads the stored visit ids, and the tabs are
 * kept by one statement of the list (tab-visits.ts). The rules are the triggers' ones, each an aggregate of the
 * per-event rule:
 * - cta_daily: an exposure (page view × CTA) belongs to the day and page of its first stored event; it counts once,
 *   and as clicked once, whatever its number of events.
 * - page_views / daily_totals: a page view's events by type and highest sequence number; daily_totals per day of its
 *   first event, with its gap (missing sequence numbers, at most 10) taken out as it was and put in as it is now.
 * - visits / landing_daily: per visit its first and last time, landing page (of its first event; within one batch,
 *   the first by received_at, page view, sequence), page views, clicks, conversions and engaged page views;
 *   landing_daily counts visits and bounces per day of the visit's start and landing page, the bounce taken out as
 *   it was and put in as it is now.
 * - experiment_units / experiment_daily: per experiment, arm and unit (the visit, or the page view without one), the
 *   day of its first exposure and whether it clicked; experiment_daily counts units and clicked units per day.
 *
 * The SQL is written once for both engines; `Dialect` holds their only differences (booleans are numbers in
 * SQLite, `::int` casts in PostgreSQL; SQLite's scalar MAX/MIN are GREATEST/LEAST). Both run the statements with
 * the same view of the data: before the batch. SQLite runs them one by one from a temp table, in the order given
 * (each reads a table before the statement that changes it, and the events are inserted last); PostgreSQL runs them
 * as the data-modifying parts of one statement, which all see the snapshot taken before it (postgres-store.ts).
 */
export interface Dialect {
  /** A condition as 0 or 1. */
  bool(condition: string): string;
  greatest: string;
  least: string;
}

export const SQLITE_DIALECT: Dialect = { bool: (condition) => `(${condition})`, greatest: 'MAX', least: 'MIN' };
export const POSTGRES_DIALECT: Dialect = {
  bool: (condition) => `(${condition})::int`,
  greatest: 'GREATEST',
  least: 'LEAST',
};

// `incoming` has the events table's columns (EVENT_COLUMNS) and then `tab`.
export { EVENT_COLUMNS };

const DAY_MS = 86_400_000;
// A page view's highest sequence number and event count once the batch is in.
const after = 'CASE WHEN prior.max_seq > batch.max_seq THEN prior.max_seq ELSE batch.max_seq END';
const afterEvents = '(COALESCE(prior.events, 0) + batch.events)';

export interface RollupStatement {
  /** The table it writes (its name as a part of PostgreSQL's statement: `<table>_rolled`). */
  table: string;
  sql: string;
}

/** The statements that fold `incoming` into the rollups and then into events, in the order SQLite runs them. */
export function rollupStatements(d: Dialect): RollupStatement[] {
  const b = d.bool;
  const gapped = (maxSeq: string, events: string) => b(`${maxSeq} + 1 - ${events} > 0`);
  const gaps = (maxSeq: string, events: string) => `${d.least}(${d.greatest}(${maxSeq} + 1 - ${events}, 0), 10)`;

  const pageViewBatch = `(SELECT page_view, MIN(received_at) / ${DAY_MS} AS day, COUNT(*) AS events,
      MAX(seq) AS max_seq,
      SUM(${b("type = 'impression'")}) AS impression_events, SUM(${b("type = 'click'")}) AS click_events,
      SUM(${b("type = 'custom'")}) AS custom_events, SUM(${b("type = 'conversion'")}) AS conversion_events
    FROM incoming GROUP BY page_view) AS batch`;

  // Per visit; a page view is new to its visit when no stored event of that page view carries the visit's id. The
  // landing page is the page of the visit's first event in the batch (by received_at, page view, sequence).
  const visitBatch = `(SELECT per_page_view.visit, MIN(first_at) AS first_at, MAX(last_at) AS last_at,
      firsts.page AS landing_page, SUM(new_page_view) AS page_views, SUM(clicks) AS clicks,
      SUM(conversions) AS conversions, SUM(engaged) AS engaged
    FROM (SELECT visit, page_view, MIN(received_at) AS first_at, MAX(received_at) AS last_at,
            ${b(`NOT EXISTS (SELECT 1 FROM events e
                             WHERE e.page_view = incoming.page_view AND e.visit = incoming.visit)`)}
              AS new_page_view,
            SUM(${b("type = 'click'")}) AS clicks, SUM(${b("type = 'conversion'")}) AS conversions,
            SUM(${b("type = 'engaged'")}) AS engaged
          FROM incoming WHERE visit IS NOT NULL GROUP BY visit, page_view) AS per_page_view
    JOIN (SELECT visit, page FROM (
            SELECT visit, page, ROW_NUMBER() OVER (PARTITION BY visit ORDER BY received_at, page_view, seq) AS n
            FROM incoming WHERE visit IS NOT NULL) AS ordered
          WHERE n = 1) AS firsts ON firsts.visit = per_page_view.visit
    GROUP BY per_page_view.visit, firsts.page) AS batch`;
  const bounce = (v: string) => `${v}page_views <= 1 AND ${v}clicks = 0 AND ${v}conversions = 0 AND ${v}engaged = 0`;

  const unitBatch = `(SELECT experiment, COALESCE(arm, '') AS arm, COALESCE(visit, page_view) AS unit,
      MIN(received_at) / ${DAY_MS} AS day, MAX(${b("type = 'click'")}) AS clicked
    FROM incoming WHERE experiment IS NOT NULL AND type IN ('click', 'impression')
    GROUP BY experiment, COALESCE(arm, ''), COALESCE(visit, page_view)) AS batch`;

  return [
    {
      table: 'cta_daily',
      sql: `INSERT INTO cta_daily (day, cta, page, impressions, clicks, click_events)
        SELECT day, cta, page, SUM(new_exposure), SUM(new_click), SUM(click_events) FROM (
          SELECT COALESCE(prior.day, batch.first_at / ${DAY_MS}) AS day, batch.cta,
                 COALESCE(prior.page, batch.page) AS page, ${b('prior.day IS NULL')} AS new_exposure,
                 ${b('batch.clicked = 1 AND COALESCE(prior.clicked, 0) = 0')} AS new_click, batch.click_events
          FROM (SELECT page_view, cta, MIN(page) AS page, MIN(received_at) AS first_at,
                       MAX(${b("type = 'click'")}) AS clicked, SUM(${b("type = 'click'")}) AS click_events
                FROM incoming WHERE type IN ('click', 'impression') GROUP BY page_view, cta) AS batch
          LEFT JOIN (SELECT e.page_view, e.cta, MIN(e.received_at) / ${DAY_MS} AS day, MIN(e.page) AS page,
                            MAX(${b("e.type = 'click'")}) AS clicked
                     FROM events e
                     WHERE e.page_view IN (SELECT page_view FROM incoming) AND e.type IN ('click', 'impression')
                     GROUP BY e.page_view, e.cta) AS prior
            ON prior.page_view = batch.page_view AND prior.cta = batch.cta
        ) AS exposures WHERE true
        GROUP BY day, cta, page HAVING SUM(new_exposure) + SUM(new_click) + SUM(click_events) > 0
        ON CONFLICT (day, cta, page) DO UPDATE SET
          impressions = cta_daily.impressions + excluded.impressions,
          clicks = cta_daily.clicks + excluded.clicks,
          click_events = cta_daily.click_events + excluded.click_events`,
    },
    {
      table: 'daily_totals',
      sql: `INSERT INTO daily_totals (day, events, page_views, impression_events, click_events, custom_events,
                                      conversion_events, page_views_with_gaps, sequence_gaps)
        SELECT day, SUM(events), SUM(new_page_view), SUM(impression_events), SUM(click_events), SUM(custom_events),
               SUM(conversion_events), SUM(gapped_after - gapped_before), SUM(gaps_after - gaps_before)
        FROM (
          SELECT COALESCE(prior.day, batch.day) AS day, batch.events, ${b('prior.page_view IS NULL')} AS new_page_view,
                 batch.impression_events, batch.click_events, batch.custom_events, batch.conversion_events,
                 COALESCE(${gapped('prior.max_seq', 'prior.events')}, 0) AS gapped_before,
                 COALESCE(${gaps('prior.max_seq', 'prior.events')}, 0) AS gaps_before,
                 ${gapped(after, afterEvents)} AS gapped_after, ${gaps(after, afterEvents)} AS gaps_after
          FROM ${pageViewBatch} LEFT JOIN page_views prior ON prior.page_view = batch.page_view
        ) AS changes WHERE true
        GROUP BY day
        ON CONFLICT (day) DO UPDATE SET
          events = daily_totals.events + excluded.events,
          page_views = daily_totals.page_views + excluded.page_views,
          impression_events = daily_totals.impression_events + excluded.impression_events,
          click_events = daily_totals.click_events + excluded.click_events,
          custom_events = daily_totals.custom_events + excluded.custom_events,
          conversion_events = daily_totals.conversion_events + excluded.conversion_events,
          page_views_with_gaps = daily_totals.page_views_with_gaps + excluded.page_views_with_gaps,
          sequence_gaps = daily_totals.sequence_gaps + excluded.sequence_gaps`,
    },
    {
      table: 'page_views',
      sql: `INSERT INTO page_views (page_view, day, events, max_seq, impression_events, click_events, custom_events,
                                    conversion_events)
        SELECT page_view, day, events, max_seq, impression_events, click_events, custom_events, conversion_events
        FROM ${pageViewBatch} WHERE true
        ON CONFLICT (page_view) DO UPDATE SET
          events = page_views.events + excluded.events,
          max_seq = ${d.greatest}(page_views.max_seq, excluded.max_seq),
          impression_events = page_views.impression_events + excluded.impression_events,
          click_events = page_views.click_events + excluded.click_events,
          custom_events = page_views.custom_events + excluded.custom_events,
          conversion_events = page_views.conversion_events + excluded.conversion_events`,
    },
    {
      table: 'landing_daily',
      sql: `INSERT INTO landing_daily (day, page, visits, bounces)
        SELECT day, page, SUM(new_visit), SUM(bounce_after - bounce_before) FROM (
          SELECT COALESCE(prior.first_at, batch.first_at) / ${DAY_MS} AS day,
                 COALESCE(prior.landing_page, batch.landing_page) AS page, ${b('prior.visit IS NULL')} AS new_visit,
                 COALESCE(${b(bounce('prior.'))}, 0) AS bounce_before,
                 ${b(`COALESCE(prior.page_views, 0) + batch.page_views <= 1
                      AND COALESCE(prior.clicks, 0) + batch.clicks = 0
                      AND COALESCE(prior.conversions, 0) + batch.conversions = 0
                      AND COALESCE(prior.engaged, 0) + batch.engaged = 0`)} AS bounce_after
          FROM ${visitBatch} LEFT JOIN visits prior ON prior.visit = batch.visit
        ) AS changes WHERE true
        GROUP BY day, page HAVING SUM(new_visit) <> 0 OR SUM(bounce_after - bounce_before) <> 0
        ON CONFLICT (day, page) DO UPDATE SET
          visits = landing_daily.visits + excluded.visits,
          bounces = landing_daily.bounces + excluded.bounces`,
    },
    {
      table: 'visits',
      sql: `INSERT INTO visits (visit, first_at, last_at, landing_page, page_views, clicks, conversions, engaged)
        SELECT visit, first_at, last_at, landing_page, page_views, clicks, conversions, engaged
        FROM ${visitBatch} WHERE true
        ON CONFLICT (visit) DO UPDATE SET
          last_at = ${d.greatest}(visits.last_at, excluded.last_at),
          page_views = visits.page_views + excluded.page_views,
          clicks = visits.clicks + excluded.clicks,
          conversions = visits.conversions + excluded.conversions,
          engaged = visits.engaged + excluded.engaged`,
    },
    {
      table: 'experiment_daily',
      sql: `INSERT INTO experiment_daily (day, experiment, arm, units, clicked_units)
        SELECT day, experiment, arm, SUM(new_unit), SUM(new_click) FROM (
          SELECT COALESCE(prior.day, batch.day) AS day, batch.experiment, batch.arm,
                 ${b('prior.unit IS NULL')} AS new_unit,
                 ${b('batch.clicked = 1 AND COALESCE(prior.clicked, 0) = 0')} AS new_click
          FROM ${unitBatch}
          LEFT JOIN experiment_units prior
            ON prior.experiment = batch.experiment AND prior.arm = batch.arm AND prior.unit = batch.unit
        ) AS changes WHERE true
        GROUP BY day, experiment, arm HAVING SUM(new_unit) + SUM(new_click) > 0
        ON CONFLICT (day, experiment, arm) DO UPDATE SET
          units = experiment_daily.units + excluded.units,
          clicked_units = experiment_daily.clicked_units + excluded.clicked_units`,
    },
    {
      table: 'experiment_units',
      sql: `INSERT INTO experiment_units (experiment, arm, unit, day, clicked)
        SELECT experiment, arm, unit, day, clicked FROM ${unitBatch} WHERE true
        ON CONFLICT (experiment, arm, unit) DO UPDATE SET
          clicked = ${d.greatest}(experiment_units.clicked, excluded.clicked)`,
    },
    { table: 'tabs', sql: tabsStatement(d) },
    {
      table: 'events',
      sql: `INSERT INTO events (${EVENT_COLUMNS.join(', ')}) SELECT ${EVENT_COLUMNS.join(', ')} FROM incoming`,
    },
  ];
}
