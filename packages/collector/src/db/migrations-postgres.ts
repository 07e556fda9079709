import { WRITE_TURN_7 } from './postgres-ingest-7.ts';

/**
 * The PostgreSQL text of each migration in migrations.ts (same version, same name, same tables, columns and rollup
 * rules), kept beside it so that a new migration must say what it is on both engines: migrations.test.ts fails when
 * a version lacks its Postgres text or the two schemas differ in a table or column.
 *
 * The dialect differences, all of them:
 * - types: received_at and the visits' times are BIGINT (milliseconds do not fit in 32 bits), value is DOUBLE
 *   PRECISION; there is no WITHOUT ROWID (a Postgres table is a heap with its primary key as an index).
 * - booleans are not numbers: `SUM(type = 'click')` becomes `SUM((type = 'click')::int)`, `MAX(bool)` `bool_or`,
 *   `MIN(MAX(x, 0), 10)` `LEAST(GREATEST(x, 0), 10)`.
 * - migrations 3 and 4 change the type CHECK and add columns in place (SQLite has to rebuild the table); migration 4
 *   replaces the trigger function (SQLite drops and recreates its triggers with the table).
 * - the rollups are kept by one PL/pgSQL trigger doing what SQLite's three triggers do, in the same order. It runs
 *   BEFORE each row (an AFTER ROW trigger fires at the end of its statement, when it would see the batch's later
 *   rows too; a BEFORE ROW trigger sees exactly the rows inserted before it, as SQLite's triggers do), so a batch is
 *   one multi-row INSERT. Being before the insert, it first skips a row whose (page view, sequence) is already
 *   stored (RETURN NULL: a retried event changes nothing, as ON CONFLICT DO NOTHING would). That check and the
 *   "is this the page view's first event" reads are exact only with one writer at a time, so PostgresEventStore
 *   takes one transaction-level advisory lock per commit: writers take turns, as in SQLite, and group commit keeps
 *   each turn full. Migration 5's experiment rollups are a second BEFORE trigger, fired after the first (name order).
 * - migration 6 adds the tabs table and (until migration 7) a trigger splitting visits; migration 7 drops the trigger
 *   functions with their triggers (SQLite has no functions) and creates cta_write_turn, the writer's locked turn
 *   (its text frozen in postgres-ingest-7.ts).
 */
export const POSTGRES_MIGRATIONS: Readonly<Record<number, string>> = {
  1: `
    CREATE TABLE events (
      page_view   TEXT    NOT NULL,
      seq         INTEGER NOT NULL,
      type        TEXT    NOT NULL CONSTRAINT events_type_check CHECK (type IN ('click', 'impression', 'custom')),
      cta         TEXT    NOT NULL,
      page        TEXT    NOT NULL,
      variant     TEXT,
      goal        TEXT,
      destination TEXT,
      open_mode   TEXT    CHECK (open_mode IN ('plain', 'modifier', 'middle', 'new-tab')),
      props       TEXT,
      received_at BIGINT  NOT NULL,
      PRIMARY KEY (page_view, seq)
    );
  `,
  2: `
    CREATE VIEW cta_exposures AS
    SELECT cta, page, COALESCE(variant, '') AS variant, page_view,
           1 AS exposed,
           MAX((type = 'click')::int) AS clicked,
           SUM((type = 'click')::int) AS click_events,
           SUM((type = 'impression')::int) AS impression_events
    FROM events
    WHERE type IN ('click', 'impression')
    GROUP BY cta, page, COALESCE(variant, ''), page_view;
  `,
  3: `
    DROP VIEW cta_exposures;
    ALTER TABLE events DROP CONSTRAINT events_type_check;
    ALTER TABLE events ADD CONSTRAINT events_type_check
      CHECK (type IN ('click', 'impression', 'custom', 'conversion'));
    ALTER TABLE events
      ADD COLUMN visit TEXT, ADD COLUMN experiment TEXT, ADD COLUMN arm TEXT, ADD COLUMN value DOUBLE PRECISION,
      ADD COLUMN currency TEXT, ADD COLUMN claimed_cta TEXT, ADD COLUMN claimed_page_view TEXT;

    CREATE VIEW cta_exposures AS
    SELECT cta, page, COALESCE(variant, '') AS variant, page_view,
           1 AS exposed,
           MAX((type = 'click')::int) AS clicked,
           SUM((type = 'click')::int) AS click_events,
           SUM((type = 'impression')::int) AS impression_events
    FROM events
    WHERE type IN ('click', 'impression')
    GROUP BY cta, page, COALESCE(variant, ''), page_view;

    CREATE INDEX events_clicks_by_visit ON events (visit, received_at, goal, cta, page, page_view, seq)
      WHERE type = 'click';
    CREATE INDEX events_conversions ON events (received_at, goal, visit, value, currency, page_view, seq)
      WHERE type = 'conversion';

    CREATE TABLE cta_daily (
      day          INTEGER NOT NULL,
      cta          TEXT    NOT NULL,
      page         TEXT    NOT NULL,
      impressions  INTEGER NOT NULL,
      clicks       INTEGER NOT NULL,
      click_events INTEGER NOT NULL,
      PRIMARY KEY (day, cta, page)
    );
    INSERT INTO cta_daily (day, cta, page, impressions, clicks, click_events)
      SELECT day, cta, page, COUNT(*), SUM(clicked), SUM(click_events)
      FROM (SELECT MIN(received_at) / 86400000 AS day, cta, MIN(page) AS page, MAX((type = 'click')::int) AS clicked,
                   SUM((type = 'click')::int) AS click_events
            FROM events WHERE type IN ('click', 'impression') GROUP BY page_view, cta) AS exposures
      GROUP BY day, cta, page;

    CREATE TABLE page_views (
      page_view         TEXT    NOT NULL PRIMARY KEY,
      day               INTEGER NOT NULL,
      events            INTEGER NOT NULL,
      max_seq           INTEGER NOT NULL,
      impression_events INTEGER NOT NULL,
      click_events      INTEGER NOT NULL,
      custom_events     INTEGER NOT NULL,
      conversion_events INTEGER NOT NULL
    );
    INSERT INTO page_views
      SELECT page_view, MIN(received_at) / 86400000, COUNT(*), MAX(seq), SUM((type = 'impression')::int),
             SUM((type = 'click')::int), SUM((type = 'custom')::int), SUM((type = 'conversion')::int)
      FROM events GROUP BY page_view;
    CREATE TABLE daily_totals (
      day                  INTEGER NOT NULL PRIMARY KEY,
      events               INTEGER NOT NULL,
      page_views           INTEGER NOT NULL,
      impression_events    INTEGER NOT NULL,
      click_events         INTEGER NOT NULL,
      custom_events        INTEGER NOT NULL,
      conversion_events    INTEGER NOT NULL,
      page_views_with_gaps INTEGER NOT NULL,
      sequence_gaps        INTEGER NOT NULL
    );
    INSERT INTO daily_totals
      SELECT day, SUM(events), COUNT(*), SUM(impression_events), SUM(click_events), SUM(custom_events),
             SUM(conversion_events), SUM((max_seq + 1 - events > 0)::int),
             SUM(LEAST(GREATEST(max_seq + 1 - events, 0), 10))
      FROM page_views GROUP BY day;

    CREATE TABLE visits (
      visit        TEXT    NOT NULL PRIMARY KEY,
      first_at     BIGINT  NOT NULL,
      last_at      BIGINT  NOT NULL,
      landing_page TEXT    NOT NULL,
      page_views   INTEGER NOT NULL,
      clicks       INTEGER NOT NULL,
      conversions  INTEGER NOT NULL
    );
    CREATE TABLE landing_daily (
      day     INTEGER NOT NULL,
      page    TEXT    NOT NULL,
      visits  INTEGER NOT NULL,
      bounces INTEGER NOT NULL,
      PRIMARY KEY (day, page)
    );
    INSERT INTO visits
      SELECT e.visit, s.first_at, MAX(e.received_at), s.page, COUNT(DISTINCT e.page_view),
             SUM((e.type = 'click')::int), SUM((e.type = 'conversion')::int)
      FROM events e
      JOIN (SELECT DISTINCT ON (visit) visit, received_at AS first_at, page FROM events
            WHERE visit IS NOT NULL ORDER BY visit, received_at, page_view, seq) AS s ON s.visit = e.visit
      GROUP BY e.visit, s.first_at, s.page;
    INSERT INTO landing_daily
      SELECT first_at / 86400000, landing_page, COUNT(*),
             SUM((page_views <= 1 AND clicks = 0 AND conversions = 0)::int)
      FROM visits GROUP BY first_at / 86400000, landing_page;

    CREATE FUNCTION cta_rollups_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      prior_day INTEGER;
      prior_page TEXT;
      prior_clicked BOOLEAN;
    BEGIN
      IF EXISTS (SELECT 1 FROM events WHERE page_view = NEW.page_view AND seq = NEW.seq) THEN
        RETURN NULL;
      END IF;
      -- cta_daily (SQLite: cta_daily_on_insert)
      IF NEW.type IN ('click', 'impression') THEN
        SELECT MIN(received_at) / 86400000, MIN(page), bool_or(type = 'click')
          INTO prior_day, prior_page, prior_clicked
          FROM events WHERE page_view = NEW.page_view AND seq <> NEW.seq AND cta = NEW.cta
            AND type IN ('click', 'impression');
        INSERT INTO cta_daily (day, cta, page, impressions, clicks, click_events)
        VALUES (COALESCE(prior_day, NEW.received_at / 86400000), NEW.cta, COALESCE(prior_page, NEW.page),
                (prior_day IS NULL)::int, (NEW.type = 'click' AND NOT COALESCE(prior_clicked, false))::int,
                (NEW.type = 'click')::int)
        ON CONFLICT (day, cta, page) DO UPDATE SET
          impressions = cta_daily.impressions + excluded.impressions,
          clicks = cta_daily.clicks + excluded.clicks,
          click_events = cta_daily.click_events + excluded.click_events;
      END IF;

      -- page_views and daily_totals (SQLite: page_views_on_insert)
      INSERT INTO daily_totals
        SELECT day, 0, 0, 0, 0, 0, 0, -((max_seq + 1 - events > 0)::int), -LEAST(GREATEST(max_seq + 1 - events, 0), 10)
        FROM page_views WHERE page_view = NEW.page_view
      ON CONFLICT (day) DO UPDATE SET
        page_views_with_gaps = daily_totals.page_views_with_gaps + excluded.page_views_with_gaps,
        sequence_gaps = daily_totals.sequence_gaps + excluded.sequence_gaps;
      INSERT INTO page_views VALUES (NEW.page_view, NEW.received_at / 86400000, 1, NEW.seq,
        (NEW.type = 'impression')::int, (NEW.type = 'click')::int, (NEW.type = 'custom')::int,
        (NEW.type = 'conversion')::int)
      ON CONFLICT (page_view) DO UPDATE SET
        events = page_views.events + 1,
        max_seq = GREATEST(page_views.max_seq, excluded.max_seq),
        impression_events = page_views.impression_events + excluded.impression_events,
        click_events = page_views.click_events + excluded.click_events,
        custom_events = page_views.custom_events + excluded.custom_events,
        conversion_events = page_views.conversion_events + excluded.conversion_events;
      INSERT INTO daily_totals
        SELECT day, 1, (events = 1)::int, (NEW.type = 'impression')::int, (NEW.type = 'click')::int,
               (NEW.type = 'custom')::int, (NEW.type = 'conversion')::int, (max_seq + 1 - events > 0)::int,
               LEAST(GREATEST(max_seq + 1 - events, 0), 10)
        FROM page_views WHERE page_view = NEW.page_view
      ON CONFLICT (day) DO UPDATE SET
        events = daily_totals.events + 1,
        page_views = daily_totals.page_views + excluded.page_views,
        impression_events = daily_totals.impression_events + excluded.impression_events,
        click_events = daily_totals.click_events + excluded.click_events,
        custom_events = daily_totals.custom_events + excluded.custom_events,
        conversion_events = daily_totals.conversion_events + excluded.conversion_events,
        page_views_with_gaps = daily_totals.page_views_with_gaps + excluded.page_views_with_gaps,
        sequence_gaps = daily_totals.sequence_gaps + excluded.sequence_gaps;

      -- visits and landing_daily (SQLite: visits_on_insert)
      IF NEW.visit IS NOT NULL THEN
        INSERT INTO landing_daily
          SELECT NEW.received_at / 86400000, NEW.page, 1, 0
          WHERE NOT EXISTS (SELECT 1 FROM visits WHERE visit = NEW.visit)
        ON CONFLICT (day, page) DO UPDATE SET visits = landing_daily.visits + 1;
        INSERT INTO landing_daily
          SELECT first_at / 86400000, landing_page, 0, -1 FROM visits
          WHERE visit = NEW.visit AND page_views <= 1 AND clicks = 0 AND conversions = 0
        ON CONFLICT (day, page) DO UPDATE SET bounces = landing_daily.bounces - 1;
        INSERT INTO visits (visit, first_at, last_at, landing_page, page_views, clicks, conversions)
        VALUES (NEW.visit, NEW.received_at, NEW.received_at, NEW.page,
                (NOT EXISTS (SELECT 1 FROM events
                             WHERE page_view = NEW.page_view AND seq <> NEW.seq AND visit = NEW.visit))::int,
                (NEW.type = 'click')::int, (NEW.type = 'conversion')::int)
        ON CONFLICT (visit) DO UPDATE SET
          last_at = GREATEST(visits.last_at, excluded.last_at),
          page_views = visits.page_views + excluded.page_views,
          clicks = visits.clicks + excluded.clicks,
          conversions = visits.conversions + excluded.conversions;
        INSERT INTO landing_daily
          SELECT first_at / 86400000, landing_page, 0, 1 FROM visits
          WHERE visit = NEW.visit AND page_views <= 1 AND clicks = 0 AND conversions = 0
        ON CONFLICT (day, page) DO UPDATE SET bounces = landing_daily.bounces + 1;
      END IF;
      RETURN NEW;
    END
    $$;
    CREATE TRIGGER cta_rollups_on_insert BEFORE INSERT ON events
      FOR EACH ROW EXECUTE FUNCTION cta_rollups_on_insert();
  `,
  4: `
    ALTER TABLE events DROP CONSTRAINT events_type_check;
    ALTER TABLE events ADD CONSTRAINT events_type_check
      CHECK (type IN ('click', 'impression', 'custom', 'conversion', 'engaged'));
    -- SQLite rebuilds the table for the new CHECK and so recreates its covering indexes without the key columns
    -- (its index entries carry the key); Postgres keeps migration 3's indexes, which name them.
    ALTER TABLE visits ADD COLUMN engaged INTEGER NOT NULL DEFAULT 0;
    CREATE OR REPLACE FUNCTION cta_rollups_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      prior_day INTEGER;
      prior_page TEXT;
      prior_clicked BOOLEAN;
    BEGIN
      IF EXISTS (SELECT 1 FROM events WHERE page_view = NEW.page_view AND seq = NEW.seq) THEN
        RETURN NULL;
      END IF;
      -- cta_daily (SQLite: cta_daily_on_insert)
      IF NEW.type IN ('click', 'impression') THEN
        SELECT MIN(received_at) / 86400000, MIN(page), bool_or(type = 'click')
          INTO prior_day, prior_page, prior_clicked
          FROM events WHERE page_view = NEW.page_view AND seq <> NEW.seq AND cta = NEW.cta
            AND type IN ('click', 'impression');
        INSERT INTO cta_daily (day, cta, page, impressions, clicks, click_events)
        VALUES (COALESCE(prior_day, NEW.received_at / 86400000), NEW.cta, COALESCE(prior_page, NEW.page),
                (prior_day IS NULL)::int, (NEW.type = 'click' AND NOT COALESCE(prior_clicked, false))::int,
                (NEW.type = 'click')::int)
        ON CONFLICT (day, cta, page) DO UPDATE SET
          impressions = cta_daily.impressions + excluded.impressions,
          clicks = cta_daily.clicks + excluded.clicks,
          click_events = cta_daily.click_events + excluded.click_events;
      END IF;

      -- page_views and daily_totals (SQLite: page_views_on_insert)
      INSERT INTO daily_totals
        SELECT day, 0, 0, 0, 0, 0, 0, -((max_seq + 1 - events > 0)::int), -LEAST(GREATEST(max_seq + 1 - events, 0), 10)
        FROM page_views WHERE page_view = NEW.page_view
      ON CONFLICT (day) DO UPDATE SET
        page_views_with_gaps = daily_totals.page_views_with_gaps + excluded.page_views_with_gaps,
        sequence_gaps = daily_totals.sequence_gaps + excluded.sequence_gaps;
      INSERT INTO page_views VALUES (NEW.page_view, NEW.received_at / 86400000, 1, NEW.seq,
        (NEW.type = 'impression')::int, (NEW.type = 'click')::int, (NEW.type = 'custom')::int,
        (NEW.type = 'conversion')::int)
      ON CONFLICT (page_view) DO UPDATE SET
        events = page_views.events + 1,
        max_seq = GREATEST(page_views.max_seq, excluded.max_seq),
        impression_events = page_views.impression_events + excluded.impression_events,
        click_events = page_views.click_events + excluded.click_events,
        custom_events = page_views.custom_events + excluded.custom_events,
        conversion_events = page_views.conversion_events + excluded.conversion_events;
      INSERT INTO daily_totals
        SELECT day, 1, (events = 1)::int, (NEW.type = 'impression')::int, (NEW.type = 'click')::int,
               (NEW.type = 'custom')::int, (NEW.type = 'conversion')::int, (max_seq + 1 - events > 0)::int,
               LEAST(GREATEST(max_seq + 1 - events, 0), 10)
        FROM page_views WHERE page_view = NEW.page_view
      ON CONFLICT (day) DO UPDATE SET
        events = daily_totals.events + 1,
        page_views = daily_totals.page_views + excluded.page_views,
        impression_events = daily_totals.impression_events + excluded.impression_events,
        click_events = daily_totals.click_events + excluded.click_events,
        custom_events = daily_totals.custom_events + excluded.custom_events,
        conversion_events = daily_totals.conversion_events + excluded.conversion_events,
        page_views_with_gaps = daily_totals.page_views_with_gaps + excluded.page_views_with_gaps,
        sequence_gaps = daily_totals.sequence_gaps + excluded.sequence_gaps;

      -- visits and landing_daily (SQLite: visits_on_insert of migration 4): an engaged page view is no bounce
      IF NEW.visit IS NOT NULL THEN
        INSERT INTO landing_daily
          SELECT NEW.received_at / 86400000, NEW.page, 1, 0
          WHERE NOT EXISTS (SELECT 1 FROM visits WHERE visit = NEW.visit)
        ON CONFLICT (day, page) DO UPDATE SET visits = landing_daily.visits + 1;
        INSERT INTO landing_daily
          SELECT first_at / 86400000, landing_page, 0, -1 FROM visits
          WHERE visit = NEW.visit AND page_views <= 1 AND clicks = 0 AND conversions = 0 AND engaged = 0
        ON CONFLICT (day, page) DO UPDATE SET bounces = landing_daily.bounces - 1;
        INSERT INTO visits (visit, first_at, last_at, landing_page, page_views, clicks, conversions, engaged)
        VALUES (NEW.visit, NEW.received_at, NEW.received_at, NEW.page,
                (NOT EXISTS (SELECT 1 FROM events
                             WHERE page_view = NEW.page_view AND seq <> NEW.seq AND visit = NEW.visit))::int,
                (NEW.type = 'click')::int, (NEW.type = 'conversion')::int, (NEW.type = 'engaged')::int)
        ON CONFLICT (visit) DO UPDATE SET
          last_at = GREATEST(visits.last_at, excluded.last_at),
          page_views = visits.page_views + excluded.page_views,
          clicks = visits.clicks + excluded.clicks,
          conversions = visits.conversions + excluded.conversions,
          engaged = visits.engaged + excluded.engaged;
        INSERT INTO landing_daily
          SELECT first_at / 86400000, landing_page, 0, 1 FROM visits
          WHERE visit = NEW.visit AND page_views <= 1 AND clicks = 0 AND conversions = 0 AND engaged = 0
        ON CONFLICT (day, page) DO UPDATE SET bounces = landing_daily.bounces + 1;
      END IF;
      RETURN NEW;
    END
    $$;
  `,
  5: `
    CREATE TABLE experiment_units (
      experiment TEXT    NOT NULL,
      arm        TEXT    NOT NULL,
      unit       TEXT    NOT NULL,
      day        INTEGER NOT NULL,
      clicked    INTEGER NOT NULL,
      PRIMARY KEY (experiment, arm, unit)
    );
    INSERT INTO experiment_units
      SELECT experiment, COALESCE(arm, ''), COALESCE(visit, page_view), MIN(received_at) / 86400000,
             MAX((type = 'click')::int)
      FROM events WHERE experiment IS NOT NULL AND type IN ('click', 'impression')
      GROUP BY experiment, COALESCE(arm, ''), COALESCE(visit, page_view);
    CREATE TABLE experiment_daily (
      day           INTEGER NOT NULL,
      experiment    TEXT    NOT NULL,
      arm           TEXT    NOT NULL,
      units         INTEGER NOT NULL,
      clicked_units INTEGER NOT NULL,
      PRIMARY KEY (day, experiment, arm)
    );
    INSERT INTO experiment_daily
      SELECT day, experiment, arm, COUNT(*), SUM(clicked) FROM experiment_units GROUP BY day, experiment, arm;

    -- SQLite: experiment_units_on_insert. A second BEFORE ROW trigger: Postgres fires a table's triggers in name
    -- order and a BEFORE trigger returning NULL stops the row and the triggers after it, so this one runs after
    -- cta_rollups_on_insert and never for an event already stored.
    CREATE FUNCTION experiment_rollups_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      prior_day INTEGER;
      prior_clicked INTEGER;
    BEGIN
      SELECT MIN(day), MAX(clicked) INTO prior_day, prior_clicked FROM experiment_units
        WHERE experiment = NEW.experiment AND arm = COALESCE(NEW.arm, '')
          AND unit = COALESCE(NEW.visit, NEW.page_view);
      INSERT INTO experiment_daily (day, experiment, arm, units, clicked_units)
      VALUES (COALESCE(prior_day, NEW.received_at / 86400000), NEW.experiment, COALESCE(NEW.arm, ''),
              (prior_day IS NULL)::int, (NEW.type = 'click' AND COALESCE(prior_clicked, 0) = 0)::int)
      ON CONFLICT (day, experiment, arm) DO UPDATE SET
        units = experiment_daily.units + excluded.units,
        clicked_units = experiment_daily.clicked_units + excluded.clicked_units;
      INSERT INTO experiment_units VALUES (NEW.experiment, COALESCE(NEW.arm, ''), COALESCE(NEW.visit, NEW.page_view),
        NEW.received_at / 86400000, (NEW.type = 'click')::int)
      ON CONFLICT (experiment, arm, unit) DO UPDATE SET
        clicked = GREATEST(experiment_units.clicked, excluded.clicked);
      RETURN NEW;
    END
    $$;
    CREATE TRIGGER experiment_rollups_on_insert BEFORE INSERT ON events
      FOR EACH ROW WHEN (NEW.experiment IS NOT NULL AND NEW.type IN ('click', 'impression'))
      EXECUTE FUNCTION experiment_rollups_on_insert();

    CREATE INDEX events_experiment_clicks ON events (received_at, experiment, arm, visit, cta, page_view)
      WHERE experiment IS NOT NULL AND type = 'click';
  `,
  // SQLite: EventStore asks TabVisits (tab-visits.ts) before each insert. Here a BEFORE ROW trigger does the same in
  // the batch's one INSERT, named to fire before cta_rollups_on_insert (name order) so the rollups see the visit.
  // It leaves an event already stored (a retry) and its tab alone: the rollup trigger then drops the row.
  // Migration 7 drops it: the writer's statement splits the visits itself (tab-visits.ts), on both engines.
  6: `
    CREATE TABLE tabs (
      tab     TEXT    NOT NULL PRIMARY KEY,
      visit   TEXT    NOT NULL,
      visits  INTEGER NOT NULL,
      last_at BIGINT  NOT NULL
    );
    INSERT INTO tabs SELECT visit, visit, 1, last_at FROM visits;

    CREATE FUNCTION cta_events_split_visits() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      tab_state tabs%ROWTYPE;
    BEGIN
      IF EXISTS (SELECT 1 FROM events WHERE page_view = NEW.page_view AND seq = NEW.seq) THEN
        RETURN NEW;
      END IF;
      SELECT * INTO tab_state FROM tabs WHERE tab = NEW.visit;
      IF NOT FOUND THEN
        INSERT INTO tabs VALUES (NEW.visit, NEW.visit, 1, NEW.received_at);
      ELSIF NEW.received_at - tab_state.last_at < 1800000 THEN
        UPDATE tabs SET last_at = GREATEST(last_at, NEW.received_at) WHERE tab = NEW.visit;
        NEW.visit := tab_state.visit;
      ELSE
        UPDATE tabs SET visits = visits + 1, visit = tab || '.' || (visits + 1), last_at = NEW.received_at
          WHERE tab = NEW.visit RETURNING visit INTO NEW.visit;
      END IF;
      RETURN NEW;
    END
    $$;
    CREATE TRIGGER cta_events_split_visits BEFORE INSERT ON events
      FOR EACH ROW WHEN (NEW.visit IS NOT NULL) EXECUTE FUNCTION cta_events_split_visits();
  `,
  // Rollups kept per group commit (db/batch-rollups.ts; migrations.ts, version 7), and the tabs' visits split there
  // too, before the rollups read the visit ids: the per-row triggers go. The writer calls cta_write_turn
  // (postgres-ingest.ts), which takes the writers' lock and only then runs the batch's statement: a statement that
  // took the lock itself would read the snapshot taken before it waited, missing what the previous writer had just
  // committed, and count that writer's page views, exposures and visits again. One statement for the client, no
  // transaction block (postgres-store.ts).
  7: `
    DROP TRIGGER cta_events_split_visits ON events;
    DROP TRIGGER cta_rollups_on_insert ON events;
    DROP TRIGGER experiment_rollups_on_insert ON events;
    DROP FUNCTION cta_events_split_visits();
    DROP FUNCTION cta_rollups_on_insert();
    DROP FUNCTION experiment_rollups_on_insert();

    ${WRITE_TURN_7}
  `,
};
