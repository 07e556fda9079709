import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { LATEST_VERSION, migrate, schemaVersion } from './migrations.ts';

/**
 * How hard a commit pushes to disk. With WAL, `normal` survives a crash of the process (the kill test proves it)
 * but may lose the last commits on power loss; `full` also survives power loss, at the cost of an fsync per commit.
 * Group commit (see EventStore) amortises that fsync over every request waiting at the time.
 */
export type Synchronous = 'full' | 'normal';

export interface OpenOptions {
  synchronous?: Synchronous;
}

/** Opens (creating if needed) a collector database for writing: WAL, chosen durability, schema migrated. */
export function openWritableDatabase(path: string, { synchronous = 'full' }: OpenOptions = {}): DatabaseSync {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  try {
    db.exec('PRAGMA busy_timeout = 5000');
    db.exec('PRAGMA journal_mode = WAL');
    db.exec(`PRAGMA synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** Opens an existing collector database read-only, for reports; it must already be at the latest schema. */
export function openReadOnlyDatabase(path: string): DatabaseSync {
  if (!existsSync(path)) {
    throw new Error(
      `no collector database at ${path}: start one with "cta-collect serve --db ${path}", or pass the right --db`,
    );
  }
  const db = new DatabaseSync(path, { readOnly: true });
  db.exec('PRAGMA busy_timeout = 5000');
  const version = schemaVersion(db);
  if (version !== LATEST_VERSION) {
    db.close();
    throw new Error(
      version < LATEST_VERSION
        ? `${path} is at schema version ${version}; run "cta-collect migrate --db ${path}" to bring it to ${LATEST_VERSION}`
        : `${path} is at schema version ${version}, newer than this cta-collect knows (${LATEST_VERSION}): upgrade @astro-cta/collector`,
    );
  }
  return db;
}
