import type { DatabaseSync } from 'node:sqlite';

export interface Migration {
  /** Consecutive from 1; a database records each version it has applied in `schema_migrations`. */
  version: number;
  name: string;
  up: string;
}

/**
 * The schema's history, oldest first. Never edit a migration that has shipped: append a new one. Each runs in its
 * own transaction together with its row in `schema_migrations`, so a crash leaves the database at a whole version.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'events',
    // One row per beacon event. (page_view, seq) is the idempotency key: a retried request inserts nothing.
    // WITHOUT ROWID stores rows in that key's b-tree, so the key is not kept twice (table + unique index).
    up: `
      CREATE TABLE events (
        page_view   TEXT    NOT NULL,
        seq         INTEGER NOT NULL,
        type        TEXT    NOT NULL CHECK (type IN ('click', 'impression', 'custom')),
        cta         TEXT    NOT NULL,
        page        TEXT    NOT NULL,
        variant     TEXT,
        goal        TEXT,
        destination TEXT,
        open_mode   TEXT    CHECK (open_mode IN ('plain', 'modifier', 'middle', 'new-tab')),
        props       TEXT,
        received_at INTEGER NOT NULL,
        PRIMARY KEY (page_view, seq)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    name: 'cta exposures view',
    // What the report counts: per page view and CTA (page, variant), whether it was seen and whether it was clicked.
    // A click implies an impression, so a page view with a click counts as exposed even if its impression was lost.
    up: `
      CREATE VIEW cta_exposures AS
      SELECT cta, page, COALESCE(variant, '') AS variant, page_view,
             1 AS exposed,
             MAX(type = 'click') AS clicked,
             SUM(type = 'click') AS click_events,
             SUM(type = 'impression') AS impression_events
      FROM events
      WHERE type IN ('click', 'impression')
      GROUP BY cta, page, COALESCE(variant, ''), page_view;
    `,
  },
  {
    version: 3,
    name: 'visits, conversions, experiments and report rollups',
    // SQLite cannot change a CHECK constraint in place, so the events table is rebuilt with 'conversion' allowed and
    // the new columns, its rows copied in key order. Then the rollups the report reads instead of scanning every
    // event, filled from the events already stored and kept current by triggers on each insert (an INSERT OR IGNORE
    // that ignores a retried event fires nothing, so the rollups stay idempotent on (page view, sequence) too):
    // - cta_daily: per UTC day (of the exposure's first event), CTA and page: exposures (page views in which the CTA
    //   was seen or clicked; counted once per page view and CTA, whatever the variant), clicked exposures, clicks.
    // - page_views: per page view, its events by type and highest sequence number; daily_totals adds them up per day.
    // - visits: per visit id, its first and last event, landing page, page views, clicks and conversions;
    //   landing_daily counts visits and bounces per day and landing page.
    // Conversions stay in events (they are few); two partial indexes find them and the clicks of a visit.
    up: `
      DROP VIEW cta_exposures;
      CREATE TABLE events_v3 (
        page_view     TEXT    NOT NULL,
        seq           INTEGER NOT NULL,
        type          TEXT    NOT NULL CHECK (type IN ('click', 'impression', 'custom', 'conversion')),
        cta           TEXT    NOT NULL,
        page          TEXT    NOT NULL,
        variant       TEXT,
        goal          TEXT,
        destination   TEXT,
        open_mode     TEXT    CHECK (open_mode IN ('plain', 'modifier', 'middle', 'new-tab')),
        props         TEXT,
        received_at   INTEGER NOT NULL,
        visit         TEXT,
        experiment    TEXT,
        arm           TEXT,
        value         REAL,
        currency      TEXT,
        claimed_cta   TEXT,
        claimed_page_view TEXT,
        PRIMARY KEY (page_view, seq)
      ) WITHOUT ROWID;
      INSERT INTO events_v3 (page_view, seq, type, cta, page, variant, goal, destination, open_mode, props, received_at)
        SELECT page_view, seq, type, cta, page, variant, goal, destination, open_mode, props, received_at
        FROM events ORDER BY page_view, seq;
      DROP TABLE events;
      ALTER TABLE events_v3 RENAME TO events;

      CREATE VIEW cta_exposures AS
      SELECT cta, page, COALESCE(variant, '') AS variant, page_view,
             1 AS exposed,
             MAX(type = 'click') AS clicked,
             SUM(type = 'click') AS click_events,
             SUM(type = 'impression') AS impression_events
      FROM events
      WHERE type IN ('click', 'impression')
      GROUP BY cta, page, COALESCE(variant, ''), page_view;

      -- Covering (the key's page_view and seq come with every index entry), so attribution never reads the table.
      CREATE INDEX events_clicks_by_visit ON events (visit, received_at, goal, cta, page) WHERE type = 'click';
      CREATE INDEX events_conversions ON events (received_at, goal, visit, value, currency) WHERE type = 'conversion';

      CREATE TABLE cta_daily (
        day          INTEGER NOT NULL, -- days since 1970-01-01, UTC
        cta          TEXT    NOT NULL,
        page         TEXT    NOT NULL,
        impressions  INTEGER NOT NULL,
        clicks       INTEGER NOT NULL,
        click_events INTEGER NOT NULL,
        PRIMARY KEY (day, cta, page)
      ) WITHOUT ROWID;
      INSERT INTO cta_daily (day, cta, page, impressions, clicks, click_events)
        SELECT day, cta, page, COUNT(*), SUM(clicked), SUM(click_events)
        FROM (SELECT MIN(received_at) / 86400000 AS day, cta, MIN(page) AS page, MAX(type = 'click') AS clicked,
                     SUM(type = 'click') AS click_events
              FROM events WHERE type IN ('click', 'impression') GROUP BY page_view, cta)
        GROUP BY day, cta, page;

      CREATE TRIGGER cta_daily_on_insert AFTER INSERT ON events WHEN NEW.type IN ('click', 'impression') BEGIN
        INSERT INTO cta_daily (day, cta, page, impressions, clicks, click_events)
        SELECT COALESCE(prior.day, NEW.received_at / 86400000), NEW.cta, COALESCE(prior.page, NEW.page),
               prior.day IS NULL, NEW.type = 'click' AND NOT COALESCE(prior.clicked, 0), NEW.type = 'click'
        FROM (SELECT MIN(received_at) / 86400000 AS day, MIN(page) AS page, MAX(type = 'click') AS clicked
              FROM events WHERE page_view = NEW.page_view AND seq <> NEW.seq AND cta = NEW.cta
                AND type IN ('click', 'impression')) AS prior
        WHERE true
        ON CONFLICT (day, cta, page) DO UPDATE SET
          impressions = impressions + excluded.impressions,
          clicks = clicks + excluded.clicks,
          click_events = click_events + excluded.click_events;
      END;

      CREATE TABLE page_views (
        page_view         TEXT    NOT NULL PRIMARY KEY,
        day               INTEGER NOT NULL, -- of its first event
        events            INTEGER NOT NULL,
        max_seq           INTEGER NOT NULL,
        impression_events INTEGER NOT NULL,
        click_events      INTEGER NOT NULL,
        custom_events     INTEGER NOT NULL,
        conversion_events INTEGER NOT NULL
      ) WITHOUT ROWID;
      INSERT INTO page_views
        SELECT page_view, MIN(received_at) / 86400000, COUNT(*), MAX(seq), SUM(type = 'impression'),
               SUM(type = 'click'), SUM(type = 'custom'), SUM(type = 'conversion')
        FROM events GROUP BY page_view;
      -- Per UTC day (of each page view's first event): events by type, page views, and lost events as the report
      -- counts them (a page view with a gap; missing sequence numbers, at most 10 per page view: MAX_GAP_PER_PAGE_VIEW
      -- in report/query.ts). A page view's gap changes as its events arrive, so each insert takes the page view's
      -- old contribution out and puts the new one in.
      CREATE TABLE daily_totals (
        day                 INTEGER NOT NULL PRIMARY KEY,
        events              INTEGER NOT NULL,
        page_views          INTEGER NOT NULL,
        impression_events   INTEGER NOT NULL,
        click_events        INTEGER NOT NULL,
        custom_events       INTEGER NOT NULL,
        conversion_events   INTEGER NOT NULL,
        page_views_with_gaps INTEGER NOT NULL,
        sequence_gaps       INTEGER NOT NULL
      ) WITHOUT ROWID;
      INSERT INTO daily_totals
        SELECT day, SUM(events), COUNT(*), SUM(impression_events), SUM(click_events), SUM(custom_events),
               SUM(conversion_events), SUM(max_seq + 1 - events > 0), SUM(MIN(MAX(max_seq + 1 - events, 0), 10))
        FROM page_views GROUP BY day;

      CREATE TRIGGER page_views_on_insert AFTER INSERT ON events BEGIN
        INSERT INTO daily_totals
          SELECT day, 0, 0, 0, 0, 0, 0, -(max_seq + 1 - events > 0), -MIN(MAX(max_seq + 1 - events, 0), 10)
          FROM page_views WHERE page_view = NEW.page_view
        ON CONFLICT (day) DO UPDATE SET
          page_views_with_gaps = page_views_with_gaps + excluded.page_views_with_gaps,
          sequence_gaps = sequence_gaps + excluded.sequence_gaps;
        INSERT INTO page_views VALUES (NEW.page_view, NEW.received_at / 86400000, 1, NEW.seq,
          NEW.type = 'impression', NEW.type = 'click', NEW.type = 'custom', NEW.type = 'conversion')
        ON CONFLICT (page_view) DO UPDATE SET
          events = events + 1,
          max_seq = MAX(max_seq, excluded.max_seq),
          impression_events = impression_events + excluded.impression_events,
          click_events = click_events + excluded.click_events,
          custom_events = custom_events + excluded.custom_events,
          conversion_events = conversion_events + excluded.conversion_events;
        INSERT INTO daily_totals
          SELECT day, 1, events = 1, NEW.type = 'impression', NEW.type = 'click', NEW.type = 'custom',
                 NEW.type = 'conversion', max_seq + 1 - events > 0, MIN(MAX(max_seq + 1 - events, 0), 10)
          FROM page_views WHERE page_view = NEW.page_view
        ON CONFLICT (day) DO UPDATE SET
          events = events + 1,
          page_views = page_views + excluded.page_views,
          impression_events = impression_events + excluded.impression_events,
          click_events = click_events + excluded.click_events,
          custom_events = custom_events + excluded.custom_events,
          conversion_events = conversion_events + excluded.conversion_events,
          page_views_with_gaps = page_views_with_gaps + excluded.page_views_with_gaps,
          sequence_gaps = sequence_gaps + excluded.sequence_gaps;
      END;

      CREATE TABLE visits (
        visit        TEXT    NOT NULL PRIMARY KEY,
        first_at     INTEGER NOT NULL,
        last_at      INTEGER NOT NULL,
        landing_page TEXT    NOT NULL,
        page_views   INTEGER NOT NULL,
        clicks       INTEGER NOT NULL,
        conversions  INTEGER NOT NULL
      ) WITHOUT ROWID;
      -- Per UTC day (of each visit's start) and landing page: visits, and those that are bounces so far (one page
      -- view, no click, no conversion). A visit stops being a bounce as it goes on: each insert takes its old state
      -- out and puts the new one in.
      CREATE TABLE landing_daily (
        day     INTEGER NOT NULL,
        page    TEXT    NOT NULL,
        visits  INTEGER NOT NULL,
        bounces INTEGER NOT NULL,
        PRIMARY KEY (day, page)
      ) WITHOUT ROWID;

      CREATE TRIGGER visits_on_insert AFTER INSERT ON events WHEN NEW.visit IS NOT NULL BEGIN
        INSERT INTO landing_daily
          SELECT NEW.received_at / 86400000, NEW.page, 1, 0
          WHERE NOT EXISTS (SELECT 1 FROM visits WHERE visit = NEW.visit)
        ON CONFLICT (day, page) DO UPDATE SET visits = visits + 1;
        INSERT INTO landing_daily
          SELECT first_at / 86400000, landing_page, 0, -1 FROM visits
          WHERE visit = NEW.visit AND page_views <= 1 AND clicks = 0 AND conversions = 0
        ON CONFLICT (day, page) DO UPDATE SET bounces = bounces - 1;
        INSERT INTO visits (visit, first_at, last_at, landing_page, page_views, clicks, conversions)
        VALUES (NEW.visit, NEW.received_at, NEW.received_at, NEW.page,
                NOT EXISTS (SELECT 1 FROM events
                            WHERE page_view = NEW.page_view AND seq <> NEW.seq AND visit = NEW.visit),
                NEW.type = 'click', NEW.type = 'conversion')
        ON CONFLICT (visit) DO UPDATE SET
          last_at = MAX(last_at, excluded.last_at),
          page_views = page_views + excluded.page_views,
          clicks = clicks + excluded.clicks,
          conversions = conversions + excluded.conversions;
        INSERT INTO landing_daily
          SELECT first_at / 86400000, landing_page, 0, 1 FROM visits
          WHERE visit = NEW.visit AND page_views <= 1 AND clicks = 0 AND conversions = 0
        ON CONFLICT (day, page) DO UPDATE SET bounces = bounces + 1;
      END;
    `,
  },
  {
    version: 4,
    name: 'engagement',
    // The engagement signal (a page view visible for 10 s in total) is stored as an event row of type 'engaged', so it
    // is idempotent on (page view, sequence) like every event. SQLite cannot change the CHECK constraint on type in
    // place, so the events table is rebuilt as in migration 3, its rows copied in key order; dropping the old table
    // drops its view, indexes and triggers, which are created again as they were, except visits_on_insert: a visit
    // now also counts its engaged page views, and a visit with one is no bounce. No visit has one yet, so the rollups
    // of the events already stored stay as they are.
    up: `
      DROP VIEW cta_exposures;
      CREATE TABLE events_v4 (
        page_view     TEXT    NOT NULL,
        seq           INTEGER NOT NULL,
        type          TEXT    NOT NULL CHECK (type IN ('click', 'impression', 'custom', 'conversion', 'engaged')),
        cta           TEXT    NOT NULL,
        page          TEXT    NOT NULL,
        variant       TEXT,
        goal          TEXT,
        destination   TEXT,
        open_mode     TEXT    CHECK (open_mode IN ('plain', 'modifier', 'middle', 'new-tab')),
        props         TEXT,
        received_at   INTEGER NOT NULL,
        visit         TEXT,
        experiment    TEXT,
        arm           TEXT,
        value         REAL,
        currency      TEXT,
        claimed_cta   TEXT,
        claimed_page_view TEXT,
        PRIMARY KEY (page_view, seq)
      ) WITHOUT ROWID;
      INSERT INTO events_v4 SELECT * FROM events ORDER BY page_view, seq;
      DROP TABLE events;
      ALTER TABLE events_v4 RENAME TO events;

      CREATE VIEW cta_exposures AS
      SELECT cta, page, COALESCE(variant, '') AS variant, page_view,
             1 AS exposed,
             MAX(type = 'click') AS clicked,
             SUM(type = 'click') AS click_events,
             SUM(type = 'impression') AS impression_events
      FROM events
      WHERE type IN ('click', 'impression')
      GROUP BY cta, page, COALESCE(variant, ''), page_view;

      -- Covering (the key's page_view and seq come with every index entry), so attribution never reads the table.
      CREATE INDEX events_clicks_by_visit ON events (visit, received_at, goal, cta, page) WHERE type = 'click';
      CREATE INDEX events_conversions ON events (received_at, goal, visit, value, currency) WHERE type = 'conversion';

      CREATE TRIGGER cta_daily_on_insert AFTER INSERT ON events WHEN NEW.type IN ('click', 'impression') BEGIN
        INSERT INTO cta_daily (day, cta, page, impressions, clicks, click_events)
        SELECT COALESCE(prior.day, NEW.received_at / 86400000), NEW.cta, COALESCE(prior.page, NEW.page),
               prior.day IS NULL, NEW.type = 'click' AND NOT COALESCE(prior.clicked, 0), NEW.type = 'click'
        FROM (SELECT MIN(received_at) / 86400000 AS day, MIN(page) AS page, MAX(type = 'click') AS clicked
              FROM events WHERE page_view = NEW.page_view AND seq <> NEW.seq AND cta = NEW.cta
                AND type IN ('click', 'impression')) AS prior
        WHERE true
        ON CONFLICT (day, cta, page) DO UPDATE SET
          impressions = impressions + excluded.impressions,
          clicks = clicks + excluded.clicks,
          click_events = click_events + excluded.click_events;
      END;

      CREATE TRIGGER page_views_on_insert AFTER INSERT ON events BEGIN
        INSERT INTO daily_totals
          SELECT day, 0, 0, 0, 0, 0, 0, -(max_seq + 1 - events > 0), -MIN(MAX(max_seq + 1 - events, 0), 10)
          FROM page_views WHERE page_view = NEW.page_view
        ON CONFLICT (day) DO UPDATE SET
          page_views_with_gaps = page_views_with_gaps + excluded.page_views_with_gaps,
          sequence_gaps = sequence_gaps + excluded.sequence_gaps;
        INSERT INTO page_views VALUES (NEW.page_view, NEW.received_at / 86400000, 1, NEW.seq,
          NEW.type = 'impression', NEW.type = 'click', NEW.type = 'custom', NEW.type = 'conversion')
        ON CONFLICT (page_view) DO UPDATE SET
          events = events + 1,
          max_seq = MAX(max_seq, excluded.max_seq),
          impression_events = impression_events + excluded.impression_events,
          click_events = click_events + excluded.click_events,
          custom_events = custom_events + excluded.custom_events,
          conversion_events = conversion_events + excluded.conversion_events;
        INSERT INTO daily_totals
          SELECT day, 1, events = 1, NEW.type = 'impression', NEW.type = 'click', NEW.type = 'custom',
                 NEW.type = 'conversion', max_seq + 1 - events > 0, MIN(MAX(max_seq + 1 - events, 0), 10)
          FROM page_views WHERE page_view = NEW.page_view
        ON CONFLICT (day) DO UPDATE SET
          events = events + 1,
          page_views = page_views + excluded.page_views,
          impression_events = impression_events + excluded.impression_events,
          click_events = click_events + excluded.click_events,
          custom_events = custom_events + excluded.custom_events,
          conversion_events = conversion_events + excluded.conversion_events,
          page_views_with_gaps = page_views_with_gaps + excluded.page_views_with_gaps,
          sequence_gaps = sequence_gaps + excluded.sequence_gaps;
      END;

      ALTER TABLE visits ADD COLUMN engaged INTEGER NOT NULL DEFAULT 0;
      -- Bounces per landing page and day as in migration 3 (each insert takes the visit's old state out and puts the
      -- new one in), with the engagement signal: a bounce is a visit of one page view, no click, no conversion and
      -- no engaged page view.
      CREATE TRIGGER visits_on_insert AFTER INSERT ON events WHEN NEW.visit IS NOT NULL BEGIN
        INSERT INTO landing_daily
          SELECT NEW.received_at / 86400000, NEW.page, 1, 0
          WHERE NOT EXISTS (SELECT 1 FROM visits WHERE visit = NEW.visit)
        ON CONFLICT (day, page) DO UPDATE SET visits = visits + 1;
        INSERT INTO landing_daily
          SELECT first_at / 86400000, landing_page, 0, -1 FROM visits
          WHERE visit = NEW.visit AND page_views <= 1 AND clicks = 0 AND conversions = 0 AND engaged = 0
        ON CONFLICT (day, page) DO UPDATE SET bounces = bounces - 1;
        INSERT INTO visits (visit, first_at, last_at, landing_page, page_views, clicks, conversions, engaged)
        VALUES (NEW.visit, NEW.received_at, NEW.received_at, NEW.page,
                NOT EXISTS (SELECT 1 FROM events
                            WHERE page_view = NEW.page_view AND seq <> NEW.seq AND visit = NEW.visit),
                NEW.type = 'click', NEW.type = 'conversion', NEW.type = 'engaged')
        ON CONFLICT (visit) DO UPDATE SET
          last_at = MAX(last_at, excluded.last_at),
          page_views = page_views + excluded.page_views,
          clicks = clicks + excluded.clicks,
          conversions = conversions + excluded.conversions,
          engaged = engaged + excluded.engaged;
        INSERT INTO landing_daily
          SELECT first_at / 86400000, landing_page, 0, 1 FROM visits
          WHERE visit = NEW.visit AND page_views <= 1 AND clicks = 0 AND conversions = 0 AND engaged = 0
        ON CONFLICT (day, page) DO UPDATE SET bounces = bounces + 1;
      END;
    `,
  },
  {
    version: 5,
    name: 'experiment rollups',
    // The experiment report (report/experiments-query.ts) compares arms per unit: a visit, or the page view of an
    // event without a visit id. Kept on every insert like the rollups of migration 3, so the report reads days, not
    // events: experiment_units holds each unit's first day and whether it clicked, per experiment and arm (an arm
    // of NULL is stored as ''; the collector refuses empty arm names); experiment_daily counts, per day of a unit's
    // first exposure, the units and those that clicked. A partial index finds experiments' clicks, whose arms the
    // report gives to the conversions credited to them.
    up: `
      CREATE TABLE experiment_units (
        experiment TEXT    NOT NULL,
        arm        TEXT    NOT NULL,
        unit       TEXT    NOT NULL,
        day        INTEGER NOT NULL,
        clicked    INTEGER NOT NULL,
        PRIMARY KEY (experiment, arm, unit)
      ) WITHOUT ROWID;
      INSERT INTO experiment_units
        SELECT experiment, COALESCE(arm, ''), COALESCE(visit, page_view), MIN(received_at) / 86400000,
               MAX(type = 'click')
        FROM events WHERE experiment IS NOT NULL AND type IN ('click', 'impression')
        GROUP BY experiment, COALESCE(arm, ''), COALESCE(visit, page_view);
      CREATE TABLE experiment_daily (
        day           INTEGER NOT NULL,
        experiment    TEXT    NOT NULL,
        arm           TEXT    NOT NULL,
        units         INTEGER NOT NULL,
        clicked_units INTEGER NOT NULL,
        PRIMARY KEY (day, experiment, arm)
      ) WITHOUT ROWID;
      INSERT INTO experiment_daily
        SELECT day, experiment, arm, COUNT(*), SUM(clicked) FROM experiment_units GROUP BY day, experiment, arm;

      CREATE TRIGGER experiment_units_on_insert AFTER INSERT ON events
      WHEN NEW.experiment IS NOT NULL AND NEW.type IN ('click', 'impression') BEGIN
        INSERT INTO experiment_daily (day, experiment, arm, units, clicked_units)
        SELECT COALESCE(prior.day, NEW.received_at / 86400000), NEW.experiment, COALESCE(NEW.arm, ''),
               prior.day IS NULL, NEW.type = 'click' AND NOT COALESCE(prior.clicked, 0)
        FROM (SELECT MIN(day) AS day, MAX(clicked) AS clicked FROM experiment_units
              WHERE experiment = NEW.experiment AND arm = COALESCE(NEW.arm, '')
                AND unit = COALESCE(NEW.visit, NEW.page_view)) AS prior
        WHERE true
        ON CONFLICT (day, experiment, arm) DO UPDATE SET
          units = units + excluded.units,
          clicked_units = clicked_units + excluded.clicked_units;
        INSERT INTO experiment_units VALUES (NEW.experiment, COALESCE(NEW.arm, ''), COALESCE(NEW.visit, NEW.page_view),
          NEW.received_at / 86400000, NEW.type = 'click')
        ON CONFLICT (experiment, arm, unit) DO UPDATE SET clicked = MAX(clicked, excluded.clicked);
      END;

      CREATE INDEX events_experiment_clicks ON events (received_at, experiment, arm, visit, cta)
        WHERE experiment IS NOT NULL AND type = 'click';
    `,
  },
  {
    version: 6,
    name: 'visits split by the collector',
    // The beacon sends a per-tab id; the collector splits a tab's events into visits after 30 minutes without events
    // (tab-visits.ts) and stores each event under its visit. tabs holds each tab's current visit, how many it has
    // had and when its last event arrived. The visits stored so far become tabs, so a tab that goes on after the
    // upgrade keeps its visit within 30 minutes and starts a new one after.
    up: `
      CREATE TABLE tabs (
        tab     TEXT    NOT NULL PRIMARY KEY,
        visit   TEXT    NOT NULL,
        visits  INTEGER NOT NULL,
        last_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      INSERT INTO tabs SELECT visit, visit, 1, last_at FROM visits;
    `,
  },
  {
    version: 7,
    name: 'rollups kept per group commit',
    // The rollups of migrations 3–5 are no longer kept by triggers on each inserted row but by the writer, once per
    // group commit and rollup key, in the commit's transaction (db/batch-rollups.ts): the triggers cost more than
    // the insert itself. Same rules, same tables; the rollups already kept stay as they are. The writer also splits
    // the tabs' visits (migration 6) there, before the rollups read the visit ids.
    up: `
      DROP TRIGGER cta_daily_on_insert;
      DROP TRIGGER page_views_on_insert;
      DROP TRIGGER visits_on_insert;
      DROP TRIGGER experiment_units_on_insert;
    `,
  },
];

export const LATEST_VERSION = MIGRATIONS.at(-1)!.version;

export class SchemaTooNewError extends Error {}

/** The highest version applied to this database, 0 for a fresh one. */
export function schemaVersion(db: DatabaseSync): number {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!table) return 0;
  const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as { version: number | null };
  return row.version ?? 0;
}

/** Brings the database up to `target` (default: the latest), applying each missing migration in order. */
export function migrate(
  db: DatabaseSync,
  migrations: readonly Migration[] = MIGRATIONS,
  target = migrations.at(-1)!.version,
): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const current = schemaVersion(db);
  const known = migrations.at(-1)?.version ?? 0;
  if (current > known) {
    throw new SchemaTooNewError(
      `the database is at schema version ${current}, newer than this cta-collect knows (${known}): upgrade @astro-cta/collector`,
    );
  }
  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= current || migration.version > target) continue;
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(migration.up);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw new Error(`migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
    applied.push(migration.version);
  }
  return applied;
}
