import { DatabaseSync } from 'node:sqlite';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ValidEvent } from '../validate.ts';
import { EventStore } from './event-store.ts';
import { MIGRATIONS, migrate } from './migrations.ts';
import { bulkLoad, rebuildRollups } from './rollups.ts';
import { arbitraryEvent } from './test-support.ts';

// The report reads rollups the writer keeps per group commit (batch-rollups.ts; triggers did it per insert before
// migration 7). Whatever arrives — out of order, retried, spread over
// days, with or without visit ids — the rollups must equal what a full scan of the events computes. (received_at is
// the collector's clock, so requests arrive on the same or a later day, never an earlier one.)
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 20);

const randomEvent = arbitraryEvent({ maxSeq: 14, goals: true });
const batches = fc.array(
  fc.record({ day: fc.integer({ min: 0, max: 3 }), events: fc.array(randomEvent, { minLength: 1, maxLength: 8 }) }),
  {
    minLength: 1,
    maxLength: 12,
  },
);

/** What the rollups should hold, computed from the events alone. */
function fromEvents(db: DatabaseSync) {
  const dailyTotals = db
    .prepare(
      `SELECT day, SUM(events) AS events, COUNT(*) AS page_views, SUM(missing > 0) AS page_views_with_gaps,
              SUM(MIN(missing, 10)) AS sequence_gaps, SUM(clicks) AS click_events
       FROM (SELECT MIN(received_at) / ${DAY} AS day, COUNT(*) AS events, MAX(seq) + 1 - COUNT(*) AS missing,
                    SUM(type = 'click') AS clicks FROM events GROUP BY page_view)
       GROUP BY day ORDER BY day`,
    )
    .all();
  const visits = db
    .prepare(
      `SELECT v.visit, MIN(e.received_at) AS first_at, COUNT(DISTINCT e.page_view) AS page_views,
              SUM(e.type = 'click') AS clicks, SUM(e.type = 'conversion') AS conversions,
              SUM(e.type = 'engaged') AS engaged
       FROM (SELECT DISTINCT visit FROM events WHERE visit IS NOT NULL) v JOIN events e ON e.visit = v.visit
       GROUP BY v.visit ORDER BY v.visit`,
    )
    .all();
  const ctaDaily = db
    .prepare(
      `SELECT day, cta, SUM(1) AS impressions, SUM(clicked) AS clicks, SUM(clicks) AS click_events
       FROM (SELECT MIN(received_at) / ${DAY} AS day, cta, MAX(type = 'click') AS clicked, SUM(type = 'click') AS clicks
             FROM events WHERE type IN ('click', 'impression') GROUP BY page_view, cta)
       GROUP BY day, cta ORDER BY day, cta`,
    )
    .all();
  const experimentDaily = db
    .prepare(
      `SELECT day, experiment, arm, COUNT(*) AS units, SUM(clicked) AS clicked_units
       FROM (SELECT MIN(received_at) / ${DAY} AS day, experiment, COALESCE(arm, '') AS arm, MAX(type = 'click') AS clicked
             FROM events WHERE experiment IS NOT NULL AND type IN ('click', 'impression')
             GROUP BY experiment, COALESCE(arm, ''), COALESCE(visit, page_view))
       GROUP BY day, experiment, arm ORDER BY day, experiment, arm`,
    )
    .all();
  return { dailyTotals, visits, ctaDaily, experimentDaily };
}

function fromRollups(
  db: DatabaseSync,
  visits = db.prepare('SELECT visit, first_at, page_views, clicks, conversions, engaged FROM visits ORDER BY visit'),
) {
  return {
    dailyTotals: db
      .prepare(
        'SELECT day, events, page_views, page_views_with_gaps, sequence_gaps, click_events FROM daily_totals WHERE page_views > 0 ORDER BY day',
      )
      .all(),
    visits: visits.all(),
    ctaDaily: db
      .prepare(
        'SELECT day, cta, SUM(impressions) AS impressions, SUM(clicks) AS clicks, SUM(click_events) AS click_events FROM cta_daily GROUP BY day, cta ORDER BY day, cta',
      )
      .all(),
    // Migration 5's table; a database migrated to an earlier version for a test has none.
    experimentDaily: db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'experiment_daily'").get()
      ? db
          .prepare(
            'SELECT day, experiment, arm, units, clicked_units FROM experiment_daily WHERE units > 0 ORDER BY day, experiment, arm',
          )
          .all()
      : [],
  };
}

const ROLLUP_TABLES = [
  'cta_daily',
  'page_views',
  'daily_totals',
  'visits',
  'landing_daily',
  'experiment_units',
  'experiment_daily',
];
/** Every row of every rollup table, rows that count nothing left out (a delta can leave a row at zero). */
function allRollups(db: DatabaseSync): Record<string, unknown[]> {
  return Object.fromEntries(
    ROLLUP_TABLES.map((table) => [
      table,
      db
        .prepare(`SELECT * FROM ${table} ORDER BY 1, 2, 3`)
        .all()
        .filter((row) => Object.entries(row).some(([column, value]) => column !== 'day' && value !== 0)),
    ]),
  );
}

/** Inserts rows straight into events, as the writers before migration 7 did, with the hero CTA on '/' at T0. */
function insertAsTriggersDid(db: DatabaseSync, rows: [string, number, string, string][]): void {
  const insert = db.prepare(
    "INSERT INTO events (page_view, seq, type, cta, page, received_at, visit) VALUES (?, ?, ?, ?, '/', ?, ?)",
  );
  for (const [pv, s, type, visit] of rows) insert.run(pv, s, type, type === 'engaged' ? '10s' : 'hero', T0, visit);
}

describe('report rollups', () => {
  it('equal a full scan of the events, whatever order, days and retries the events come in', async () => {
    await fc.assert(
      fc.asyncProperty(batches, async (requests) => {
        const db = new DatabaseSync(':memory:');
        migrate(db);
        let now = T0;
        const store = new EventStore(db, { now: () => now });
        // The collector's clock moves on between commits (ties within one commit are broken by page view, sequence).
        for (const [index, { day, events }] of requests.sort((a, b) => a.day - b.day).entries()) {
          now = T0 + day * DAY + index;
          await store.write(events as ValidEvent[]);
        }
        expect(fromRollups(db)).toEqual(fromEvents(db));
        // Visits and bounces per landing day and page, kept by deltas, equal a count over the visits.
        const landing = 'SELECT day, page, visits, bounces FROM landing_daily WHERE visits > 0 ORDER BY day, page';
        const counted = `SELECT first_at / ${DAY} AS day, landing_page AS page, COUNT(*) AS visits,
          SUM(page_views <= 1 AND clicks = 0 AND conversions = 0 AND engaged = 0) AS bounces
          FROM visits GROUP BY day, page ORDER BY day, page`;
        expect(db.prepare(landing).all()).toEqual(db.prepare(counted).all());
        // Rebuilt from the events, every rollup table comes out the same, row for row (landing pages included: within
        // a millisecond the writer and the rebuild both take the first event by page view and sequence).
        const kept = allRollups(db);
        rebuildRollups(db);
        expect(allRollups(db)).toEqual(kept);
      }),
      { numRuns: 150 },
    );
    // 150 databases through every trigger: about 2 s alone, several times that with the whole suite on two cores.
  }, 60_000);

  it('a bulk load, then rebuilt, gives the rollups the writer keeps', async () => {
    const events = Array.from({ length: 300 }, (_, index) => ({
      pv: `p${index % 40}`,
      s: Math.floor(index / 40),
      t: index % 9 === 0 ? 'click' : 'impression',
      id: `c${index % 3}`,
      p: `/${(index % 40) % 5}`,
      at: T0 + index * 1000,
      vi: `v${(index % 40) % 17}`,
    }));
    // One event per group commit, each at its own time, through the writer.
    const written = new DatabaseSync(':memory:');
    migrate(written);
    let now = 0;
    const store = new EventStore(written, { now: () => now });
    for (const { at, ...event } of events) {
      now = at;
      await store.write([event as ValidEvent]);
    }
    // The same events inserted straight into the table (nothing keeps the rollups), then rebuilt.
    const bulk = new DatabaseSync(':memory:');
    migrate(bulk);
    bulkLoad(bulk, () => {
      const insert = bulk.prepare(
        'INSERT INTO events (page_view, seq, type, cta, page, received_at, visit) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      for (const { pv, s, t, id, p, at, vi } of events) insert.run(pv, s, t, id, p, at, vi);
    });
    expect(bulk.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all()).toEqual([]);
    expect(fromRollups(bulk)).toEqual(fromRollups(written));
    for (const table of ['landing_daily', 'visits', 'cta_daily', 'page_views', 'daily_totals']) {
      const all = `SELECT * FROM ${table} ORDER BY 1, 2`;
      expect(bulk.prepare(all).all(), table).toEqual(written.prepare(all).all());
    }
  });

  it('a visit stops being a bounce when it clicks, converts or views a second page', async () => {
    const db = new DatabaseSync(':memory:');
    migrate(db);
    const store = new EventStore(db, { now: () => T0 });
    const landing = () => db.prepare('SELECT page, visits, bounces FROM landing_daily ORDER BY page').all();
    await store.write([{ t: 'impression', id: 'hero', p: '/', pv: 'p1', s: 0, vi: 'v1' }]);
    expect(landing()).toEqual([{ page: '/', visits: 1, bounces: 1 }]);
    await store.write([{ t: 'impression', id: 'hero', p: '/', pv: 'p1', s: 1, vi: 'v1' }]); // same page view
    expect(landing()).toEqual([{ page: '/', visits: 1, bounces: 1 }]);
    await store.write([{ t: 'impression', id: 'docs', p: '/docs/', pv: 'p2', s: 0, vi: 'v1' }]); // second page
    expect(landing()).toEqual([{ page: '/', visits: 1, bounces: 0 }]);
    await store.write([{ t: 'click', id: 'hero', p: '/x/', pv: 'p3', s: 0, vi: 'v2' }]); // lands with a click
    expect(landing()).toEqual([
      { page: '/', visits: 1, bounces: 0 },
      { page: '/x/', visits: 1, bounces: 0 },
    ]);
  });

  it('a visit stops being a bounce when one of its page views was visible for 10 s (engaged), once', async () => {
    const db = new DatabaseSync(':memory:');
    migrate(db);
    const store = new EventStore(db, { now: () => T0 });
    const landing = () => db.prepare('SELECT page, visits, bounces FROM landing_daily ORDER BY page').all();
    await store.write([{ t: 'impression', id: 'hero', p: '/', pv: 'p1', s: 0, vi: 'v1' }]);
    expect(landing()).toEqual([{ page: '/', visits: 1, bounces: 1 }]);
    const engaged = { t: 'engaged', id: '10s', p: '/', pv: 'p1', s: 1, vi: 'v1' } as const;
    await store.write([engaged]);
    expect(landing()).toEqual([{ page: '/', visits: 1, bounces: 0 }]);
    await store.write([engaged]); // a retry stores nothing and changes nothing
    expect(db.prepare('SELECT page_views, engaged FROM visits').all()).toEqual([{ page_views: 1, engaged: 1 }]);
    // A visit whose first event is the engagement signal (no CTA in view) lands, engaged, on that page.
    await store.write([{ t: 'engaged', id: '10s', p: '/about/', pv: 'p2', s: 0, vi: 'v2' }]);
    expect(landing()).toEqual([
      { page: '/', visits: 1, bounces: 0 },
      { page: '/about/', visits: 1, bounces: 0 },
    ]);
  });

  it('migration 4 keeps the events and rollups a version 3 database holds, and then takes engaged events', async () => {
    const db = new DatabaseSync(':memory:');
    migrate(db, MIGRATIONS, 3);
    // Rows as a version 3 writer inserted them; its triggers kept the rollups (EventStore now writes version 7).
    insertAsTriggersDid(db, [
      ['p1', 0, 'impression', 'v1'],
      ['p1', 1, 'click', 'v1'],
      ['p2', 0, 'impression', 'v2'],
    ]);
    expect(() =>
      db.exec(
        "INSERT INTO events (page_view, seq, type, cta, page, received_at) VALUES ('p9', 0, 'engaged', '10s', '/', 0)",
      ),
    ).toThrow(/CHECK constraint failed/);
    const events = db.prepare('SELECT * FROM events ORDER BY page_view, seq').all();
    const visitsV3 = db.prepare('SELECT visit, first_at, page_views, clicks, conversions FROM visits ORDER BY visit');
    const before = { ...fromRollups(db, visitsV3), visits: [] };
    const visits = visitsV3.all();
    const landing = 'SELECT day, page, visits, bounces FROM landing_daily ORDER BY day, page';
    const landed = db.prepare(landing).all();
    // Everything on the events table (view, indexes, triggers but visits_on_insert) comes back as it was.
    const schemaOf = (database: DatabaseSync) =>
      (
        database
          .prepare("SELECT name, sql FROM sqlite_master WHERE name <> 'visits_on_insert' ORDER BY name")
          .all() as { name: string; sql: string }[]
      )
        .map(({ name, sql }) => `${name}: ${sql.replace(/events_v[34]/, 'events').replace(/\s+/g, ' ')}`)
        .join('\n')
        .replace(/CREATE TABLE visits \(.*?\) WITHOUT ROWID/, 'visits');
    const schemaBefore = schemaOf(db);
    expect(migrate(db, MIGRATIONS, 4)).toEqual([4]);
    expect(db.prepare('SELECT * FROM events ORDER BY page_view, seq').all()).toEqual(events);
    const after = fromRollups(db);
    expect(after.visits).toEqual(visits.map((visit) => ({ ...visit, engaged: 0 })));
    expect({ ...after, visits: [] }).toEqual(before);
    expect(db.prepare(landing).all()).toEqual(landed);
    // The triggers, view and indexes are back: new events keep the rollups, the engaged one ends v2's bounce.
    insertAsTriggersDid(db, [
      ['p2', 1, 'engaged', 'v2'],
      ['p3', 0, 'click', 'v3'],
    ]);
    expect(fromRollups(db)).toEqual(fromEvents(db));
    expect(db.prepare(landing).all()).toEqual([{ day: T0 / DAY, page: '/', visits: 3, bounces: 0 }]);
    expect(schemaOf(db)).toEqual(schemaBefore.replace("'conversion'))", "'conversion', 'engaged'))"));
  });

  it('migration 3 fills the rollups from the events a version 2 database already holds', () => {
    const db = new DatabaseSync(':memory:');
    migrate(db, MIGRATIONS, 2);
    const insert = db.prepare(
      'INSERT INTO events (page_view, seq, type, cta, page, received_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    insert.run('p1', 0, 'impression', 'hero', '/', T0);
    insert.run('p1', 2, 'click', 'hero', '/', T0 + DAY); // a gap at 1; the exposure belongs to the first day
    insert.run('p2', 0, 'custom', 'video', '/', T0);
    migrate(db);
    expect(fromRollups(db)).toEqual(fromEvents(db));
    expect(db.prepare('SELECT day, cta, page, impressions, clicks, click_events FROM cta_daily').all()).toEqual([
      { day: T0 / DAY, cta: 'hero', page: '/', impressions: 1, clicks: 1, click_events: 1 },
    ]);
  });
});
