// Migration 7's cta_write_turn (PostgreSQL), frozen: writeTurnFunction(INGEST) of postgres-ingest.ts as it was when
// the migration was written. Never edit it: a change to INGEST needs a new migration that replaces the function
// with a frozen text of its own (postgres-ingest.test.ts compares the latest one with the code).
export const WRITE_TURN_7 = `CREATE OR REPLACE FUNCTION cta_write_turn(text[], int[], text[], text[], text[], text[],
    text[], text[],
      text[], text[], bigint, text[], text[], text[], float8[], text[], text[], text[])
    RETURNS int[] LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $write_turn$
    DECLARE
      stored int[];
    BEGIN
      PERFORM pg_advisory_xact_lock(1668571441);
      WITH incoming AS (
    SELECT DISTINCT ON (page_view, seq) pos::int AS pos, page_view, seq, type, cta, page, variant, goal, destination,
           open_mode, props, $11::bigint AS received_at, CASE WHEN batch.visit IS NULL THEN NULL ELSE COALESCE(
      (SELECT CASE WHEN $11::bigint - t.last_at < 1800000 THEN t.visit ELSE t.tab || '.' || (t.visits + 1) END
       FROM tabs t WHERE t.tab = batch.visit),
      batch.visit) END AS visit,
           experiment, arm, value, currency, claimed_cta, claimed_page_view, batch.visit AS tab
    FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                $9::text[], $10::text[], $12::text[], $13::text[], $14::text[], $15::float8[], $16::text[],
                $17::text[], $18::text[]) WITH ORDINALITY
      AS batch (page_view, seq, type, cta, page, variant, goal, destination, open_mode, props,
                visit, experiment, arm, value, currency, claimed_cta, claimed_page_view, pos)
    WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.page_view = batch.page_view AND e.seq = batch.seq)
    ORDER BY page_view, seq, pos
  ),
  cta_daily_rolled AS (INSERT INTO cta_daily (day, cta, page, impressions, clicks, click_events)
        SELECT day, cta, page, SUM(new_exposure), SUM(new_click), SUM(click_events) FROM (
          SELECT COALESCE(prior.day, batch.first_at / 86400000) AS day, batch.cta,
                 COALESCE(prior.page, batch.page) AS page, (prior.day IS NULL)::int AS new_exposure,
                 (batch.clicked = 1 AND COALESCE(prior.clicked, 0) = 0)::int AS new_click, batch.click_events
          FROM (SELECT page_view, cta, MIN(page) AS page, MIN(received_at) AS first_at,
                       MAX((type = 'click')::int) AS clicked, SUM((type = 'click')::int) AS click_events
                FROM incoming WHERE type IN ('click', 'impression') GROUP BY page_view, cta) AS batch
          LEFT JOIN (SELECT e.page_view, e.cta, MIN(e.received_at) / 86400000 AS day, MIN(e.page) AS page,
                            MAX((e.type = 'click')::int) AS clicked
                     FROM events e
                     WHERE e.page_view IN (SELECT page_view FROM incoming) AND e.type IN ('click', 'impression')
                     GROUP BY e.page_view, e.cta) AS prior
            ON prior.page_view = batch.page_view AND prior.cta = batch.cta
        ) AS exposures WHERE true
        GROUP BY day, cta, page HAVING SUM(new_exposure) + SUM(new_click) + SUM(click_events) > 0
        ON CONFLICT (day, cta, page) DO UPDATE SET
          impressions = cta_daily.impressions + excluded.impressions,
          clicks = cta_daily.clicks + excluded.clicks,
          click_events = cta_daily.click_events + excluded.click_events),
  daily_totals_rolled AS (INSERT INTO daily_totals (day, events, page_views, impression_events, click_events,
      custom_events,
                                      conversion_events, page_views_with_gaps, sequence_gaps)
        SELECT day, SUM(events), SUM(new_page_view), SUM(impression_events), SUM(click_events), SUM(custom_events),
               SUM(conversion_events), SUM(gapped_after - gapped_before), SUM(gaps_after - gaps_before)
        FROM (
          SELECT COALESCE(prior.day, batch.day) AS day, batch.events, (prior.page_view IS NULL)::int AS new_page_view,
                 batch.impression_events, batch.click_events, batch.custom_events, batch.conversion_events,
                 COALESCE((prior.max_seq + 1 - prior.events > 0)::int, 0) AS gapped_before,
                 COALESCE(LEAST(GREATEST(prior.max_seq + 1 - prior.events, 0), 10), 0) AS gaps_before,
                 (CASE WHEN prior.max_seq > batch.max_seq THEN prior.max_seq ELSE batch.max_seq END + 1 -
                     (COALESCE(prior.events, 0) + batch.events) > 0)::int AS gapped_after, LEAST(GREATEST(CASE WHEN
                         prior.max_seq > batch.max_seq THEN prior.max_seq ELSE batch.max_seq END + 1 -
                             (COALESCE(prior.events, 0) + batch.events), 0), 10) AS gaps_after
          FROM (SELECT page_view, MIN(received_at) / 86400000 AS day, COUNT(*) AS events,
      MAX(seq) AS max_seq,
      SUM((type = 'impression')::int) AS impression_events, SUM((type = 'click')::int) AS click_events,
      SUM((type = 'custom')::int) AS custom_events, SUM((type = 'conversion')::int) AS conversion_events
    FROM incoming GROUP BY page_view) AS batch LEFT JOIN page_views prior ON prior.page_view = batch.page_view
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
          sequence_gaps = daily_totals.sequence_gaps + excluded.sequence_gaps),
  page_views_rolled AS (INSERT INTO page_views (page_view, day, events, max_seq, impression_events, click_events,
      custom_events,
                                    conversion_events)
        SELECT page_view, day, events, max_seq, impression_events, click_events, custom_events, conversion_events
        FROM (SELECT page_view, MIN(received_at) / 86400000 AS day, COUNT(*) AS events,
      MAX(seq) AS max_seq,
      SUM((type = 'impression')::int) AS impression_events, SUM((type = 'click')::int) AS click_events,
      SUM((type = 'custom')::int) AS custom_events, SUM((type = 'conversion')::int) AS conversion_events
    FROM incoming GROUP BY page_view) AS batch WHERE true
        ON CONFLICT (page_view) DO UPDATE SET
          events = page_views.events + excluded.events,
          max_seq = GREATEST(page_views.max_seq, excluded.max_seq),
          impression_events = page_views.impression_events + excluded.impression_events,
          click_events = page_views.click_events + excluded.click_events,
          custom_events = page_views.custom_events + excluded.custom_events,
          conversion_events = page_views.conversion_events + excluded.conversion_events),
  landing_daily_rolled AS (INSERT INTO landing_daily (day, page, visits, bounces)
        SELECT day, page, SUM(new_visit), SUM(bounce_after - bounce_before) FROM (
          SELECT COALESCE(prior.first_at, batch.first_at) / 86400000 AS day,
                 COALESCE(prior.landing_page, batch.landing_page) AS page, (prior.visit IS NULL)::int AS new_visit,
                 COALESCE((prior.page_views <= 1 AND prior.clicks = 0 AND prior.conversions = 0 AND prior.engaged =
                     0)::int, 0) AS bounce_before,
                 (COALESCE(prior.page_views, 0) + batch.page_views <= 1
                      AND COALESCE(prior.clicks, 0) + batch.clicks = 0
                      AND COALESCE(prior.conversions, 0) + batch.conversions = 0
                      AND COALESCE(prior.engaged, 0) + batch.engaged = 0)::int AS bounce_after
          FROM (SELECT per_page_view.visit, MIN(first_at) AS first_at, MAX(last_at) AS last_at,
      firsts.page AS landing_page, SUM(new_page_view) AS page_views, SUM(clicks) AS clicks,
      SUM(conversions) AS conversions, SUM(engaged) AS engaged
    FROM (SELECT visit, page_view, MIN(received_at) AS first_at, MAX(received_at) AS last_at,
            (NOT EXISTS (SELECT 1 FROM events e
                             WHERE e.page_view = incoming.page_view AND e.visit = incoming.visit))::int
              AS new_page_view,
            SUM((type = 'click')::int) AS clicks, SUM((type = 'conversion')::int) AS conversions,
            SUM((type = 'engaged')::int) AS engaged
          FROM incoming WHERE visit IS NOT NULL GROUP BY visit, page_view) AS per_page_view
    JOIN (SELECT visit, page FROM (
            SELECT visit, page, ROW_NUMBER() OVER (PARTITION BY visit ORDER BY received_at, page_view, seq) AS n
            FROM incoming WHERE visit IS NOT NULL) AS ordered
          WHERE n = 1) AS firsts ON firsts.visit = per_page_view.visit
    GROUP BY per_page_view.visit, firsts.page) AS batch LEFT JOIN visits prior ON prior.visit = batch.visit
        ) AS changes WHERE true
        GROUP BY day, page HAVING SUM(new_visit) <> 0 OR SUM(bounce_after - bounce_before) <> 0
        ON CONFLICT (day, page) DO UPDATE SET
          visits = landing_daily.visits + excluded.visits,
          bounces = landing_daily.bounces + excluded.bounces),
  visits_rolled AS (INSERT INTO visits (visit, first_at, last_at, landing_page, page_views, clicks, conversions,
      engaged)
        SELECT visit, first_at, last_at, landing_page, page_views, clicks, conversions, engaged
        FROM (SELECT per_page_view.visit, MIN(first_at) AS first_at, MAX(last_at) AS last_at,
      firsts.page AS landing_page, SUM(new_page_view) AS page_views, SUM(clicks) AS clicks,
      SUM(conversions) AS conversions, SUM(engaged) AS engaged
    FROM (SELECT visit, page_view, MIN(received_at) AS first_at, MAX(received_at) AS last_at,
            (NOT EXISTS (SELECT 1 FROM events e
                             WHERE e.page_view = incoming.page_view AND e.visit = incoming.visit))::int
              AS new_page_view,
            SUM((type = 'click')::int) AS clicks, SUM((type = 'conversion')::int) AS conversions,
            SUM((type = 'engaged')::int) AS engaged
          FROM incoming WHERE visit IS NOT NULL GROUP BY visit, page_view) AS per_page_view
    JOIN (SELECT visit, page FROM (
            SELECT visit, page, ROW_NUMBER() OVER (PARTITION BY visit ORDER BY received_at, page_view, seq) AS n
            FROM incoming WHERE visit IS NOT NULL) AS ordered
          WHERE n = 1) AS firsts ON firsts.visit = per_page_view.visit
    GROUP BY per_page_view.visit, firsts.page) AS batch WHERE true
        ON CONFLICT (visit) DO UPDATE SET
          last_at = GREATEST(visits.last_at, excluded.last_at),
          page_views = visits.page_views + excluded.page_views,
          clicks = visits.clicks + excluded.clicks,
          conversions = visits.conversions + excluded.conversions,
          engaged = visits.engaged + excluded.engaged),
  experiment_daily_rolled AS (INSERT INTO experiment_daily (day, experiment, arm, units, clicked_units)
        SELECT day, experiment, arm, SUM(new_unit), SUM(new_click) FROM (
          SELECT COALESCE(prior.day, batch.day) AS day, batch.experiment, batch.arm,
                 (prior.unit IS NULL)::int AS new_unit,
                 (batch.clicked = 1 AND COALESCE(prior.clicked, 0) = 0)::int AS new_click
          FROM (SELECT experiment, COALESCE(arm, '') AS arm, COALESCE(visit, page_view) AS unit,
      MIN(received_at) / 86400000 AS day, MAX((type = 'click')::int) AS clicked
    FROM incoming WHERE experiment IS NOT NULL AND type IN ('click', 'impression')
    GROUP BY experiment, COALESCE(arm, ''), COALESCE(visit, page_view)) AS batch
          LEFT JOIN experiment_units prior
            ON prior.experiment = batch.experiment AND prior.arm = batch.arm AND prior.unit = batch.unit
        ) AS changes WHERE true
        GROUP BY day, experiment, arm HAVING SUM(new_unit) + SUM(new_click) > 0
        ON CONFLICT (day, experiment, arm) DO UPDATE SET
          units = experiment_daily.units + excluded.units,
          clicked_units = experiment_daily.clicked_units + excluded.clicked_units),
  experiment_units_rolled AS (INSERT INTO experiment_units (experiment, arm, unit, day, clicked)
        SELECT experiment, arm, unit, day, clicked FROM (SELECT experiment, COALESCE(arm, '') AS arm, COALESCE(visit,
            page_view) AS unit,
      MIN(received_at) / 86400000 AS day, MAX((type = 'click')::int) AS clicked
    FROM incoming WHERE experiment IS NOT NULL AND type IN ('click', 'impression')
    GROUP BY experiment, COALESCE(arm, ''), COALESCE(visit, page_view)) AS batch WHERE true
        ON CONFLICT (experiment, arm, unit) DO UPDATE SET
          clicked = GREATEST(experiment_units.clicked, excluded.clicked)),
  tabs_rolled AS (INSERT INTO tabs (tab, visit, visits, last_at)
    SELECT tab, MIN(visit), 1, MAX(received_at) FROM incoming WHERE tab IS NOT NULL GROUP BY tab
    ON CONFLICT (tab) DO UPDATE SET
      visits = tabs.visits + (excluded.visit <> tabs.visit)::int,
      visit = excluded.visit,
      last_at = GREATEST(tabs.last_at, excluded.last_at)),
  events_rolled AS (INSERT INTO events (page_view, seq, type, cta, page, variant, goal, destination, open_mode, props,
      received_at, visit, experiment, arm, value, currency, claimed_cta, claimed_page_view) SELECT page_view, seq, type,
          cta, page, variant, goal, destination, open_mode, props, received_at, visit, experiment, arm, value, currency,
              claimed_cta, claimed_page_view FROM incoming)
  SELECT array_agg(pos) INTO stored FROM incoming;
      RETURN stored;
    END
    $write_turn$;`;
