import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PostgresCluster, startPostgres } from '../../../../tests/support/postgres.ts';
import type { Report } from '../report/query.ts';
import type { ValidEvent } from '../validate.ts';
import { EXPORT_COLUMNS } from './event-columns.ts';
import { exportEvents } from './export.ts';
import { openStorage } from './storage.ts';

// The storage contract, run on both engines with the same events: a real SQLite file and a real PostgreSQL server
// (a throwaway cluster; skipped with the reason where PostgreSQL is not installed). Both must store, deduplicate,
// report, export and prune identically.
const T0 = Date.UTC(2026, 10, 26);
const MINUTE = 60_000;
const DAY = 86_400_000;

let cluster: PostgresCluster | undefined;
beforeAll(async () => {
  cluster = await startPostgres();
}, 60_000);
afterAll(() => cluster?.destroy(), 60_000);

const engines = [{ engine: 'sqlite' }, { engine: 'postgres' }] as const;

/** A fresh database of the engine, and a clock the test sets (received_at is the collector's time). */
async function fresh(engine: 'sqlite' | 'postgres') {
  let now = T0;
  const db =
    engine === 'sqlite'
      ? join(mkdtempSync(join(tmpdir(), 'cta-storage-')), 'events.sqlite')
      : await cluster!.createDatabase();
  const storage = await openStorage(db, { mode: 'write', now: () => now });
  const writer = await storage.writer();
  return {
    db,
    storage,
    /** Stores events as if received at `at`. */
    at(at: number, ...events: ValidEvent[]) {
      now = at;
      return writer.write(events);
    },
  };
}

const impression = (pv: string, s: number, id: string, extra: Partial<ValidEvent> = {}): ValidEvent => ({
  t: 'impression',
  id,
  p: '/',
  pv,
  s,
  ...extra,
});
const click = (pv: string, s: number, id: string, extra: Partial<ValidEvent> = {}): ValidEvent => ({
  t: 'click',
  id,
  p: '/',
  pv,
  s,
  d: 'https://example.com/signup',
  o: 'plain',
  ...extra,
});

/**
 * A small site's two days: page views with and without clicks, a CTA on two pages, repeated clicks, a lost
 * impression, a sequence gap, visits over several page views (bounces and not), conversions with values credited to
 * clicks of their visit, a custom event with properties, and retries of whole batches.
 */
async function loadScenario(at: (at: number, ...events: ValidEvent[]) => Promise<unknown>) {
  await at(T0 - DAY + 5 * MINUTE, impression('y1', 0, 'hero', { vi: 'v0', g: 'signup' }));
  await at(T0 - DAY + 6 * MINUTE, click('y1', 1, 'hero', { vi: 'v0', g: 'signup' }));
  await at(T0 - DAY + 7 * MINUTE, {
    t: 'conversion',
    id: 'signup',
    g: 'signup',
    p: '/welcome/',
    pv: 'y2',
    s: 0,
    vi: 'v0',
    val: 49,
    cur: 'EUR',
  });
  for (let i = 0; i < 12; i++) {
    const pv = `pv${i}`;
    const visit = `visit${i % 5}`;
    await at(
      T0 + i * MINUTE,
      impression(pv, 0, 'hero', { vi: visit, v: i % 2 ? 'a' : 'b', g: 'signup' }),
      impression(pv, 1, 'footer', { vi: visit, p: i % 3 ? '/' : '/pricing/' }),
    );
    if (i % 3 === 0) await at(T0 + i * MINUTE + 1000, click(pv, 2, 'hero', { vi: visit, g: 'signup' }));
    if (i % 4 === 0) await at(T0 + i * MINUTE + 2000, click(pv, 3, 'hero', { vi: visit, g: 'signup', o: 'new-tab' }));
  }
  // A click whose impression was lost, then a gap (sequence 1 never arrives).
  await at(
    T0 + 20 * MINUTE,
    click('lost', 0, 'hero', { vi: 'visit9' }),
    impression('lost', 2, 'footer', { vi: 'visit9' }),
  );
  await at(T0 + 21 * MINUTE, {
    t: 'custom',
    id: 'video-play',
    p: '/',
    pv: 'lost',
    s: 3,
    props: { seconds: 12, autoplay: false },
  });
  await at(T0 + 25 * MINUTE, {
    t: 'conversion',
    id: 'signup',
    g: 'signup',
    p: '/welcome/',
    pv: 'c1',
    s: 0,
    vi: 'visit0',
    val: 19.5,
    cur: 'EUR',
  });
  await at(T0 + 26 * MINUTE, {
    t: 'conversion',
    id: 'signup',
    g: 'signup',
    p: '/welcome/',
    pv: 'c2',
    s: 0,
    vi: 'nobody',
  });
  // Retries of batches already stored change nothing.
  await at(T0 + 30 * MINUTE, impression('pv0', 0, 'hero', { vi: 'visit0', v: 'b', g: 'signup' }));
  await at(T0 + 31 * MINUTE, click('pv3', 2, 'hero', { vi: 'visit3', g: 'signup' }));
}

const stable = (report: Report) => ({ ...report, generatedAt: 'now' });

describe.each(engines)('storage on $engine', ({ engine }) => {
  it('stores a batch once: a retry is counted as duplicates, concurrent requests share commits', async () => {
    const { storage, at } = await fresh(engine);
    expect(await at(T0, impression('a', 0, 'hero'), click('a', 1, 'hero'))).toEqual({ stored: 2, duplicates: 0 });
    expect(await at(T0, impression('a', 0, 'hero'), click('a', 1, 'hero'))).toEqual({ stored: 0, duplicates: 2 });
    const writer = await storage.writer();
    // Many requests at once, some repeating each other: every event is stored once and credited to one request.
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        writer.write([impression(`b${i % 20}`, 0, 'hero'), impression(`b${i % 20}`, 1, 'nav')]),
      ),
    );
    expect(results.reduce((sum, r) => sum + r.stored, 0)).toBe(40);
    expect(results.reduce((sum, r) => sum + r.duplicates, 0)).toBe(40);
    const report = await storage.report(new Date(T0));
    expect(report.totals.events).toBe(42);
    expect(report.rows.find((row) => row.cta === 'hero')).toMatchObject({ impressions: 21, clicks: 1 });
    await storage.close();
  });

  it('reports the scenario exactly as SQLite does, and the rollups equal a rebuild from the events', async () => {
    const { storage, at } = await fresh(engine);
    await loadScenario(at);
    const options = { since: Math.floor(T0 / DAY), by: 'day' as const };
    const report = stable(await storage.report(new Date(T0 + DAY / 2), options));
    const all = stable(await storage.report(new Date(T0 + DAY / 2)));
    // The same events in SQLite: the reference.
    const reference = await fresh('sqlite');
    await loadScenario(reference.at);
    expect(report).toEqual(stable(await reference.storage.report(new Date(T0 + DAY / 2), options)));
    expect(all).toEqual(stable(await reference.storage.report(new Date(T0 + DAY / 2))));
    await reference.storage.close();
    // Numbers checked by hand, so both engines cannot agree on a wrong answer.
    // pv4 and pv8 skip sequence 2 (their second click is s 3), 'lost' skips 1.
    expect(all.totals).toMatchObject({
      events: 39,
      pageViews: 17,
      conversions: 3,
      customEvents: 1,
      pageViewsWithGaps: 3,
      sequenceGaps: 3,
    });
    expect(all.rows.find((row) => row.cta === 'hero' && row.kind === 'cta')).toMatchObject({
      impressions: 14, // 12 page views + y1 + 'lost' (a click implies an impression)
      clicks: 8, // pv0 (twice, counted once), pv3, pv6, pv9, pv4, pv8, y1, lost
      clickEvents: 9,
      conversions: 2, // y2 to y1's click (visit v0), c1 to pv0's (visit0); c2's visit clicked nothing
    });
    expect(all.totals.attributedConversions).toBe(2);
    expect(all.totals.visits).toBe(8); // v0, visit0-4, visit9 and c2's 'nobody'
    // The trigger's incremental rollups equal a recomputation from scratch.
    await storage.rebuildRollups();
    expect(stable(await storage.report(new Date(T0 + DAY / 2)))).toEqual(all);
    await storage.close();
  });

  it('engaged visits are no bounces and experiment arms are counted per unit, as on SQLite and as a rebuild', async () => {
    const load = async (at: (at: number, ...events: ValidEvent[]) => Promise<unknown>) => {
      // Six one-page visits on /landing/: three engaged (one of them twice, and one retried), three not.
      for (let i = 0; i < 6; i++) {
        const tags = { vi: `e${i}`, p: '/landing/', x: 'hero-copy', a: i % 2 ? 'B' : 'A' };
        await at(T0 + i * MINUTE, impression(`ep${i}`, 0, 'hero', tags));
        if (i < 3)
          await at(T0 + i * MINUTE + 10_000, {
            t: 'engaged',
            id: '10s',
            p: '/landing/',
            pv: `ep${i}`,
            s: 1,
            vi: `e${i}`,
          });
      }
      await at(T0 + 9 * MINUTE, { t: 'engaged', id: '10s', p: '/landing/', pv: 'ep0', s: 2, vi: 'e0' });
      await at(T0 + 9 * MINUTE, { t: 'engaged', id: '10s', p: '/landing/', pv: 'ep1', s: 1, vi: 'e1' });
      // Clicks on the arms (one repeated, one on a second page view of the same visit), a CTA naming the
      // experiment but no arm, and an exposure without a visit id (its page view is the unit).
      await at(T0 + 10 * MINUTE, click('ep3', 1, 'hero', { vi: 'e3', p: '/landing/', x: 'hero-copy', a: 'B' }));
      await at(T0 + 11 * MINUTE, click('ep3', 2, 'hero', { vi: 'e3', p: '/landing/', x: 'hero-copy', a: 'B' }));
      await at(
        T0 + 12 * MINUTE,
        impression('ep3b', 0, 'hero', { vi: 'e3', x: 'hero-copy', a: 'B' }),
        click('ep3b', 1, 'hero', { vi: 'e3', x: 'hero-copy', a: 'B' }),
      );
      await at(T0 + 13 * MINUTE, impression('ep4', 1, 'nav', { vi: 'e4', p: '/landing/', x: 'hero-copy' }));
      await at(T0 + DAY + MINUTE, impression('anon', 0, 'hero', { x: 'hero-copy', a: 'A' }));
      await at(T0 + DAY + 2 * MINUTE, click('anon', 1, 'hero', { x: 'hero-copy', a: 'A' }));
    };
    const { storage, at } = await fresh(engine);
    await load(at);
    const now = new Date(T0 + 2 * DAY);
    const report = stable(await storage.report(now));
    const reference = await fresh('sqlite');
    await load(reference.at);
    expect(report).toEqual(stable(await reference.storage.report(now)));
    await reference.storage.close();
    // By hand: e3 clicked and viewed a second page; e0-e2 were engaged; e4 and e5 bounced.
    expect(report.pages).toEqual([
      expect.objectContaining({ page: '/landing/', visits: 6, bounces: 2, bounceRate: 2 / 6 }),
    ]);
    const arms = report.experiments.find((row) => row.experiment === 'hero-copy')!.arms;
    expect(arms.map(({ arm, visits, clicks }) => ({ arm, visits, clicks }))).toEqual([
      { arm: 'A', visits: 4, clicks: 1 }, // e0, e2, e4 and the page view 'anon'; 'anon' clicked
      { arm: 'B', visits: 3, clicks: 1 }, // e1, e3, e5; e3 clicked (three times, on two page views)
      { arm: null, visits: 1, clicks: 0 }, // e4's nav CTA names the experiment, no arm
    ]);
    await storage.rebuildRollups();
    expect(stable(await storage.report(now))).toEqual(report);
    await storage.close();
  });

  it('splits a tab into visits after 30 minutes without events; a retry moves nothing; as on SQLite', async () => {
    // One tab (the beacon's per-tab id `vi`): a landing page with a click, then the goal reached 1 minute later;
    // 39 minutes of silence, a one-page visit (a bounce); 25 minutes later a retry of the first event, which must
    // not count as the tab's activity: the conversion 25 minutes after it, 50 after the bounce, starts a new visit
    // with no click in it.
    const load = async (at: (at: number, ...events: ValidEvent[]) => Promise<unknown>) => {
      const tab = { vi: 'tab1', p: '/landing/', g: 'signup' };
      await at(T0, impression('a1', 0, 'hero', tab));
      await at(T0 + 10 * MINUTE, click('a1', 1, 'hero', tab));
      const signup = { t: 'conversion', id: 'signup', g: 'signup', p: '/welcome/', s: 0, vi: 'tab1' } as const;
      await at(T0 + 11 * MINUTE, { ...signup, pv: 'a2' });
      await at(T0 + 50 * MINUTE, impression('b1', 0, 'hero', tab));
      await at(T0 + 75 * MINUTE, impression('a1', 0, 'hero', tab));
      await at(T0 + 100 * MINUTE, { ...signup, pv: 'c1' });
    };
    const { storage, at } = await fresh(engine);
    await load(at);
    const dir = mkdtempSync(join(tmpdir(), 'cta-tabs-'));
    await exportEvents(storage.exportEvents(T0, T0 + DAY), 'jsonl', join(dir, 'events.jsonl'));
    const visits = readFileSync(join(dir, 'events.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .map((row) => [row.page_view, row.seq, row.visit]);
    // The first visit keeps the tab's id, the n-th is "<tab>.<n>" (a "." no client can send).
    expect(visits).toEqual([
      ['a1', 0, 'tab1'],
      ['a1', 1, 'tab1'],
      ['a2', 0, 'tab1'],
      ['b1', 0, 'tab1.2'],
      ['c1', 0, 'tab1.3'],
    ]);
    const now = new Date(T0 + DAY);
    const report = stable(await storage.report(now));
    const reference = await fresh('sqlite');
    await load(reference.at);
    expect(report).toEqual(stable(await reference.storage.report(now)));
    await reference.storage.close();
    expect(report.totals.visits).toBe(3);
    // tab1 clicked and converted; tab1.2 saw one page and did nothing (a bounce); tab1.3 converted.
    expect(report.pages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ page: '/landing/', visits: 2, bounces: 1 }),
        expect.objectContaining({ page: '/welcome/', visits: 1, bounces: 0 }),
      ]),
    );
    // The click's conversion is credited within its visit; the third visit's conversion to no click.
    expect(report.rows.find((row) => row.cta === 'hero' && row.kind === 'cta')).toMatchObject({ conversions: 1 });
    expect(report.totals.unattributedConversions).toBe(1);
    await storage.rebuildRollups();
    expect(stable(await storage.report(now))).toEqual(report);
    await storage.close();
  });

  it('exports every event in key order as JSON lines and CSV, within --since/--until', async () => {
    const { storage, at } = await fresh(engine);
    await loadScenario(at);
    const dir = mkdtempSync(join(tmpdir(), 'cta-export-'));
    const count = await exportEvents(storage.exportEvents(T0, T0 + DAY), 'jsonl', join(dir, 'events.jsonl'));
    const lines = readFileSync(join(dir, 'events.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(count).toBe(36);
    expect(lines).toHaveLength(36);
    expect(lines[0]).toEqual({
      page_view: 'c1',
      seq: 0,
      type: 'conversion',
      cta: 'signup',
      page: '/welcome/',
      goal: 'signup',
      received_at: T0 + 25 * MINUTE,
      visit: 'visit0',
      value: 19.5,
      currency: 'EUR',
    });
    expect(lines.find((line) => line.type === 'custom').props).toEqual({ seconds: 12, autoplay: false });
    const keys = lines.map((line) => `${line.page_view}/${line.seq}`);
    expect(keys).toEqual([...keys].sort());
    await exportEvents(
      storage.exportEvents(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
      'csv',
      join(dir, 'all.csv'),
    );
    const records = parse(readFileSync(join(dir, 'all.csv')), { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(39);
    expect(records.find((record) => record.page_view === 'y2')).toMatchObject({
      type: 'conversion',
      value: '49',
      currency: 'EUR',
      variant: '',
    });
    await storage.close();
  });

  it('exports Parquet that a Parquet reader gives back as the JSON lines export, value for value', async () => {
    const { storage, at } = await fresh(engine);
    await loadScenario(at);
    const dir = mkdtempSync(join(tmpdir(), 'cta-parquet-'));
    const all = () => storage.exportEvents(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    expect(await exportEvents(all(), 'parquet', join(dir, 'events.parquet'))).toBe(39);
    await exportEvents(all(), 'jsonl', join(dir, 'events.jsonl'));
    const file = await asyncBufferFromFile(join(dir, 'events.parquet'));
    const read = await parquetReadObjects({ file });
    const expected = readFileSync(join(dir, 'events.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .map((event) => ({
        ...Object.fromEntries(EXPORT_COLUMNS.map((column) => [column, null])),
        ...event,
        props: event.props === undefined ? null : JSON.stringify(event.props),
        received_at: new Date(event.received_at),
      }));
    expect(read).toEqual(expected);
    await storage.close();
  });

  it('prunes events received before the cut-off and the rollups of the days before it', async () => {
    const { storage, at } = await fresh(engine);
    await loadScenario(at);
    expect(await storage.prune(T0)).toBe(3);
    const report = await storage.report(new Date(T0 + DAY / 2));
    expect(report.totals.events).toBe(36);
    expect(report.rows.find((row) => row.cta === 'hero' && row.kind === 'cta')?.impressions).toBe(13);
    await storage.close();
  });
});

describe('PostgreSQL only', () => {
  it('applies the same schema versions, with the same tables and columns as SQLite', async () => {
    const url = await cluster!.createDatabase();
    const pg = await openStorage(url, { mode: 'write' });
    const lite = await openStorage(join(mkdtempSync(join(tmpdir(), 'cta-schema-')), 'e.sqlite'), { mode: 'write' });
    expect(await pg.schemaVersion()).toBe(await lite.schemaVersion());
    expect(await pg.migrate()).toEqual([]);
    const sql = postgres(url, { max: 1 });
    const pgColumns = await sql<{ table_name: string; column_name: string }[]>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' ORDER BY table_name, column_name`;
    await sql.end();
    const { DatabaseSync } = await import('node:sqlite');
    const db = new DatabaseSync(lite.name, { readOnly: true });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')").all() as {
      name: string;
    }[];
    const liteColumns = tables.flatMap(({ name }) =>
      (db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[]).map((column) => ({
        table_name: name,
        column_name: column.name,
      })),
    );
    db.close();
    const key = (c: { table_name: string; column_name: string }) => `${c.table_name}.${c.column_name}`;
    expect(pgColumns.map(key).sort()).toEqual(liteColumns.map(key).sort());
    await Promise.all([pg.close(), lite.close()]);
  });

  it('refuses to report from a database without the schema, naming the command that makes it', async () => {
    const url = await cluster!.createDatabase();
    await expect(openStorage(url, { mode: 'read' })).rejects.toThrow(
      /no collector schema at .*cta-collect migrate --db/,
    );
  });

  it('an unreachable server fails with one sentence naming the URL (password hidden) and what to check', async () => {
    const url = cluster!.url.replace(`:${cluster!.port}/`, ':1/').replace('postgres@', 'postgres:secret@');
    const error = await openStorage(url, { mode: 'write' }).catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(
      /^cannot connect to PostgreSQL at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/postgres .*ECONNREFUSED/,
    );
    expect((error as Error).message).not.toContain('secret');
  });
});
