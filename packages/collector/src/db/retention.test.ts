import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCollectorService } from '../service.ts';
import { EventStore } from './event-store.ts';
import { openWritableDatabase } from './open.ts';
import { DAY_MS, parseKeepDays, pruneEvents } from './retention.ts';

const NOW = Date.UTC(2026, 10, 26, 12);
const count = (db: ReturnType<typeof openWritableDatabase>) =>
  (db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;

/** Writes `perAge` events for each age (in days), in page views of 7 events, interleaved in key order. */
async function seed(path: string, ages: number[], perAge: number) {
  const db = openWritableDatabase(path);
  for (const age of ages) {
    const store = new EventStore(db, { now: () => NOW - age * DAY_MS });
    const events = Array.from({ length: perAge }, (_, i) => ({
      t: 'impression' as const,
      id: 'signup',
      p: '/',
      pv: `pv${Math.floor(i / 7)}-${age}`,
      s: i % 7,
    }));
    await store.write(events);
  }
  return db;
}

describe('retention (--keep)', () => {
  it('deletes exactly the events received before the cut-off, across many chunks', async () => {
    const db = await seed(join(mkdtempSync(join(tmpdir(), 'cta-keep-')), 'events.sqlite'), [500, 401, 399, 1], 12_000);
    expect(count(db)).toBe(48_000);
    expect(pruneEvents(db, 400, NOW)).toBe(24_000);
    const ages = db
      .prepare('SELECT DISTINCT (? - received_at) / ? AS age FROM events ORDER BY age')
      .all(NOW, DAY_MS) as Array<{ age: number }>;
    expect(ages.map((row) => row.age)).toEqual([1, 399]);
    expect(pruneEvents(db, 400, NOW)).toBe(0);
    // The report's rollups lose the same days.
    const days = db.prepare('SELECT DISTINCT day FROM page_views ORDER BY day').all() as Array<{ day: number }>;
    expect(days.map(({ day }) => Math.floor((NOW - day * DAY_MS) / DAY_MS))).toEqual([399, 1]);
    const rollupDays = db.prepare('SELECT day, impressions FROM cta_daily ORDER BY day').all() as Array<{
      day: number;
      impressions: number;
    }>;
    expect(rollupDays.map(({ impressions }) => impressions)).toEqual([Math.ceil(12_000 / 7), Math.ceil(12_000 / 7)]);
    db.close();
  }, 60_000);

  it('runs in cta-collect serve --keep: old events are gone after start', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cta-keep-')), 'events.sqlite');
    (await seed(path, [40, 10], 20)).close();
    const lines: string[] = [];
    const service = await createCollectorService({
      db: path,
      keepDays: 30,
      now: () => NOW,
      log: (line) => lines.push(line),
    });
    await expect
      .poll(() => lines)
      .toEqual([
        // The cut-off is the start of that UTC day: events and daily rollups lose whole days.
        `cta-collect: deleted 20 events received before ${new Date(Date.UTC(2026, 9, 27)).toISOString()} (--keep 30d)`,
      ]);
    await service.close();
    const db = openWritableDatabase(path);
    expect(count(db)).toBe(20);
    db.close();
  });

  it('reads --keep as a number of days', () => {
    expect(parseKeepDays('400d')).toBe(400);
    expect(() => parseKeepDays('400')).toThrow('--keep takes a number of days such as 400d, not "400"');
    expect(() => parseKeepDays('0d')).toThrow('--keep takes a number of days');
  });
});
