import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, MIGRATIONS, migrate, schemaVersion } from './migrations.ts';
import { POSTGRES_MIGRATIONS } from './migrations-postgres.ts';
import { openReadOnlyDatabase, openWritableDatabase } from './open.ts';

const tempDb = () => join(mkdtempSync(join(tmpdir(), 'cta-migrations-')), 'events.sqlite');

describe('migrations', () => {
  it('say what each version is on PostgreSQL too (storage.test.ts checks the two schemas match)', () => {
    expect(Object.keys(POSTGRES_MIGRATIONS).map(Number)).toEqual(MIGRATIONS.map((migration) => migration.version));
  });

  it('are numbered 1, 2, 3… in order', () => {
    expect(MIGRATIONS.map((migration) => migration.version)).toEqual(MIGRATIONS.map((_, index) => index + 1));
  });

  it('bring a fresh database to the latest version and record each one', () => {
    const db = new DatabaseSync(':memory:');
    expect(migrate(db)).toEqual(MIGRATIONS.map((migration) => migration.version));
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all()).toEqual(
      MIGRATIONS.map(({ version, name }) => ({ version, name })),
    );
    expect(migrate(db)).toEqual([]);
  });

  it('upgrade a v1 database with data in it, keeping every row', () => {
    const path = tempDb();
    const v1 = new DatabaseSync(path);
    migrate(v1, MIGRATIONS, 1);
    expect(schemaVersion(v1)).toBe(1);
    const insert = v1.prepare(
      `INSERT INTO events (page_view, seq, type, cta, page, variant, received_at) VALUES (?, ?, ?, 'signup', '/', ?, 0)`,
    );
    insert.run('pv1', 0, 'impression', 'a');
    insert.run('pv1', 1, 'click', 'a');
    insert.run('pv2', 0, 'impression', null);
    v1.close();

    const upgraded = openWritableDatabase(path);
    expect(schemaVersion(upgraded)).toBe(LATEST_VERSION);
    expect(upgraded.prepare('SELECT COUNT(*) AS n FROM events').get()).toEqual({ n: 3 });
    // v2's view works on the old rows.
    expect(
      upgraded.prepare('SELECT page_view, variant, exposed, clicked FROM cta_exposures ORDER BY page_view').all(),
    ).toEqual([
      { page_view: 'pv1', variant: 'a', exposed: 1, clicked: 1 },
      { page_view: 'pv2', variant: '', exposed: 1, clicked: 0 },
    ]);
    upgraded.close();
  });

  it('leave the database at the last whole version when a migration fails', () => {
    const db = new DatabaseSync(':memory:');
    const broken = [
      ...MIGRATIONS,
      { version: LATEST_VERSION + 1, name: 'broken', up: 'CREATE TABLE x (a); SELECT * FROM missing_table;' },
    ];
    expect(() => migrate(db, broken)).toThrow(
      new RegExp(`migration ${LATEST_VERSION + 1} \\(broken\\) failed: no such table: missing_table`),
    );
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'x'").get()).toBeUndefined();
  });

  it('refuse a database from a newer collector', () => {
    const db = new DatabaseSync(':memory:');
    migrate(db);
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(LATEST_VERSION + 1, 'future', '2030-01-01');
    expect(() => migrate(db)).toThrow(/newer than this cta-collect knows .*upgrade @astro-cta\/collector/);
  });

  it('open writable databases in WAL mode with the chosen durability', () => {
    const full = openWritableDatabase(tempDb());
    expect(full.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(full.prepare('PRAGMA synchronous').get()).toEqual({ synchronous: 2 });
    full.close();
    const normal = openWritableDatabase(tempDb(), { synchronous: 'normal' });
    expect(normal.prepare('PRAGMA synchronous').get()).toEqual({ synchronous: 1 });
    normal.close();
  });

  it('open read-only only a database that exists at the latest version, saying how to fix it otherwise', () => {
    const missing = tempDb();
    expect(() => openReadOnlyDatabase(missing)).toThrow(`no collector database at ${missing}`);
    const old = tempDb();
    const v1 = new DatabaseSync(old);
    migrate(v1, MIGRATIONS, 1);
    v1.close();
    expect(() => openReadOnlyDatabase(old)).toThrow(`run "cta-collect migrate --db ${old}"`);
    openWritableDatabase(old).close();
    const current = openReadOnlyDatabase(old);
    expect(() => current.exec("INSERT INTO schema_migrations VALUES (99, 'x', 'y')")).toThrow(/readonly/);
    current.close();
  });
});
