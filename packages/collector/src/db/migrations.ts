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
export function migrate(db: DatabaseSync, migrations: readonly Migration[] = MIGRATIONS, target = migrations.at(-1)!.version): number[] {
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
      throw new Error(`migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`, { cause: error });
    }
    applied.push(migration.version);
  }
  return applied;
}
