import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import type { ValidEvent } from '../validate.ts';
import { EventStore } from './event-store.ts';
import { migrate } from './migrations.ts';

const event = (pv: string, s: number, extra: Partial<ValidEvent> = {}): ValidEvent => ({
  t: 'impression',
  id: 'signup',
  p: '/',
  pv,
  s,
  ...extra,
});

function setup() {
  const db = new DatabaseSync(':memory:');
  migrate(db);
  return { db, store: new EventStore(db, { now: () => 1_700_000_000_000 }) };
}

describe('EventStore', () => {
  it('stores every field of an event', async () => {
    const { db, store } = setup();
    const click = event('pv1', 3, {
      t: 'click',
      v: 'primary',
      g: 'trial',
      d: 'https://example.com/',
      o: 'new-tab',
      props: { a: 1 },
    });
    await store.write([click]);
    expect(db.prepare('SELECT * FROM events').get()).toEqual({
      page_view: 'pv1',
      seq: 3,
      type: 'click',
      cta: 'signup',
      page: '/',
      variant: 'primary',
      goal: 'trial',
      destination: 'https://example.com/',
      open_mode: 'new-tab',
      props: '{"a":1}',
      received_at: 1_700_000_000_000,
      visit: null,
      experiment: null,
      arm: null,
      value: null,
      currency: null,
      claimed_cta: null,
      claimed_page_view: null,
    });
  });

  it('stores a conversion with its visit, value, currency and the attribution the client claims', async () => {
    const { db, store } = setup();
    await store.write([
      { t: 'click', id: 'hero', p: '/', pv: 'pv1', s: 0, vi: 'visit1', g: 'signup', x: 'hero-copy', a: 'B' },
      {
        t: 'conversion',
        id: 'signup',
        p: '/welcome/',
        pv: 'pv2',
        s: 0,
        vi: 'visit1',
        g: 'signup',
        val: 49.5,
        cur: 'EUR',
        ac: 'hero',
        apv: 'pv1',
      },
    ]);
    expect(
      db
        .prepare(
          'SELECT page_view, type, visit, experiment, arm, value, currency, claimed_cta, claimed_page_view FROM events',
        )
        .all(),
    ).toEqual([
      {
        page_view: 'pv1',
        type: 'click',
        visit: 'visit1',
        experiment: 'hero-copy',
        arm: 'B',
        value: null,
        currency: null,
        claimed_cta: null,
        claimed_page_view: null,
      },
      {
        page_view: 'pv2',
        type: 'conversion',
        visit: 'visit1',
        experiment: null,
        arm: null,
        value: 49.5,
        currency: 'EUR',
        claimed_cta: 'hero',
        claimed_page_view: 'pv1',
      },
    ]);
    // The rollups the report reads, kept by the triggers of migrations 3 and 4.
    expect(db.prepare('SELECT * FROM visits').get()).toEqual({
      visit: 'visit1',
      first_at: 1_700_000_000_000,
      last_at: 1_700_000_000_000,
      landing_page: '/',
      page_views: 2,
      clicks: 1,
      conversions: 1,
      engaged: 0,
    });
    expect(db.prepare('SELECT * FROM cta_daily').all()).toEqual([
      {
        day: Math.floor(1_700_000_000_000 / 86_400_000),
        cta: 'hero',
        page: '/',
        impressions: 1,
        clicks: 1,
        click_events: 1,
      },
    ]);
    // A retried request changes neither the events nor the rollups.
    await store.write([{ t: 'click', id: 'hero', p: '/', pv: 'pv1', s: 0, vi: 'visit1', g: 'signup' }]);
    expect(db.prepare('SELECT page_views, clicks FROM visits').get()).toEqual({ page_views: 2, clicks: 1 });
    expect(db.prepare('SELECT impressions, clicks, click_events FROM cta_daily').get()).toEqual({
      impressions: 1,
      clicks: 1,
      click_events: 1,
    });
  });

  it('never stores a (page view, sequence) twice: retries are counted as duplicates', async () => {
    const { db, store } = setup();
    expect(await store.write([event('pv1', 0), event('pv1', 1)])).toEqual({ stored: 2, duplicates: 0 });
    expect(await store.write([event('pv1', 1), event('pv1', 2)])).toEqual({ stored: 1, duplicates: 1 });
    expect(await store.write([event('pv1', 2), event('pv1', 2)])).toEqual({ stored: 0, duplicates: 2 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM events').get()).toEqual({ n: 3 });
  });

  it('commits requests queued in the same turn together, settling each only after the commit', async () => {
    const { db, store } = setup();
    let commits = 0;
    const exec = db.exec.bind(db);
    db.exec = (sql: string) => {
      if (sql === 'COMMIT') commits++;
      return exec(sql);
    };
    const writes = Array.from({ length: 20 }, (_, index) => store.write([event(`pv${index}`, 0)]));
    expect(db.prepare('SELECT COUNT(*) AS n FROM events').get()).toEqual({ n: 0 });
    const results = await Promise.all(writes);
    expect(results.every((result) => result.stored === 1)).toBe(true);
    expect(commits).toBe(1);
  });

  it('rejects every request of a failed transaction and stores none of it', async () => {
    const { db, store } = setup();
    db.exec(
      "CREATE TRIGGER refuse BEFORE INSERT ON events WHEN NEW.cta = 'boom' BEGIN SELECT RAISE(ABORT, 'refused'); END",
    );
    const good = store.write([event('pv1', 0)]);
    const bad = store.write([event('pv2', 0, { id: 'boom' })]);
    await expect(good).rejects.toThrow('refused');
    await expect(bad).rejects.toThrow('refused');
    expect(db.prepare('SELECT COUNT(*) AS n FROM events').get()).toEqual({ n: 0 });
    expect(await store.write([event('pv3', 0)])).toEqual({ stored: 1, duplicates: 0 });
  });

  it('commits what is queued on close, then refuses writes', async () => {
    const { db, store } = setup();
    const pending = store.write([event('pv1', 0)]);
    store.close();
    await expect(pending).resolves.toEqual({ stored: 1, duplicates: 0 });
    await expect(store.write([event('pv2', 0)])).rejects.toThrow('closed');
    expect(db.prepare('SELECT COUNT(*) AS n FROM events').get()).toEqual({ n: 1 });
  });
});
