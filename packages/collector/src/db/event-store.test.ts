import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import type { ValidEvent } from '../validate.ts';
import { EventStore } from './event-store.ts';
import { migrate } from './migrations.ts';

const event = (pv: string, s: number, extra: Partial<ValidEvent> = {}): ValidEvent => ({ t: 'impression', id: 'signup', p: '/', pv, s, ...extra });

function setup() {
  const db = new DatabaseSync(':memory:');
  migrate(db);
  return { db, store: new EventStore(db, { now: () => 1_700_000_000_000 }) };
}

describe('EventStore', () => {
  it('stores every field of an event', async () => {
    const { db, store } = setup();
    const click = event('pv1', 3, { t: 'click', v: 'primary', g: 'trial', d: 'https://example.com/', o: 'new-tab', props: { a: 1 } });
    await store.write([click]);
    expect(db.prepare('SELECT * FROM events').get()).toEqual({
      page_view: 'pv1', seq: 3, type: 'click', cta: 'signup', page: '/', variant: 'primary', goal: 'trial',
      destination: 'https://example.com/', open_mode: 'new-tab', props: '{"a":1}', received_at: 1_700_000_000_000,
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
    db.exec("CREATE TRIGGER refuse BEFORE INSERT ON events WHEN NEW.cta = 'boom' BEGIN SELECT RAISE(ABORT, 'refused'); END");
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
