import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import type { ValidEvent } from '../validate.ts';
import { ThreadedEventStore } from './threaded-event-store.ts';

const event = (pv: string, s: number): ValidEvent => ({ t: 'impression', id: 'signup', p: '/', pv, s });
const tempDb = () => join(mkdtempSync(join(tmpdir(), 'cta-threaded-')), 'events.sqlite');

describe('ThreadedEventStore', () => {
  it('writes from a worker thread: committed, idempotent, counted per request', async () => {
    const path = tempDb();
    const store = await ThreadedEventStore.open(path);
    const results = await Promise.all([
      store.write([event('a', 0), event('a', 1)]),
      store.write([event('a', 1)]),
      store.write([event('b', 0)]),
    ]);
    expect(results.map((result) => result.stored + result.duplicates)).toEqual([2, 1, 1]);
    expect(results.reduce((sum, result) => sum + result.stored, 0)).toBe(3);
    // Resolved means committed: another connection sees the rows before the store closes.
    const reader = new DatabaseSync(path, { readOnly: true });
    expect(reader.prepare('SELECT COUNT(*) AS n FROM events').get()).toEqual({ n: 3 });
    reader.close();
    await store.close();
    await expect(store.write([event('c', 0)])).rejects.toThrow('closed');
  });

  it('prunes on the writer thread (serve --keep) while writes go on', async () => {
    const path = tempDb();
    const store = await ThreadedEventStore.open(path);
    await store.write([event('recent', 0)]);
    const seed = new DatabaseSync(path);
    const old = Date.now() - 40 * 24 * 60 * 60 * 1000;
    const insert = seed.prepare(`INSERT INTO events (page_view, seq, type, cta, page, received_at)
      VALUES (?, ?, 'impression', 'signup', '/', ?)`);
    seed.exec('BEGIN');
    for (let i = 0; i < 25_000; i++) insert.run(`old${i % 3000}`, i, old);
    seed.exec('COMMIT');
    seed.close();
    const [deleted, written] = await Promise.all([
      store.prune(Date.now() - 30 * 24 * 60 * 60 * 1000),
      store.write([event('during', 0)]),
    ]);
    expect([deleted, written.stored]).toEqual([25_000, 1]);
    const reader = new DatabaseSync(path, { readOnly: true });
    expect(reader.prepare('SELECT page_view FROM events ORDER BY page_view').all()).toEqual([
      { page_view: 'during' },
      { page_view: 'recent' },
    ]);
    reader.close();
    await store.close();
  });

  it('reports a database that cannot be opened', async () => {
    const folder = tempDb();
    mkdirSync(folder);
    await expect(ThreadedEventStore.open(folder)).rejects.toThrow(/unable to open database file/);
  });
});
