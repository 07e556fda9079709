import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { Sql } from 'postgres';
import type { Quota, RateLimit } from '../http/limits.ts';
import { buildReport, buildReportFrom, type Report, type ReportOptions } from '../report/query.ts';
import { numberedPlaceholders, type Row, type SqlValue } from '../report/steps.ts';
import { EXPORT_COLUMNS } from './event-columns.ts';
import { EventStore, type EventWriter } from './event-store.ts';
import { LATEST_VERSION, migrate, schemaVersion } from './migrations.ts';
import { openReadOnlyDatabase, openWritableDatabase, type Synchronous } from './open.ts';
import { checkConnection, connectPostgres, isPostgresUrl, redactUrl } from './postgres-connect.ts';
import { createLimitTables, PostgresDailyQuota, PostgresRateLimiter, SharedClientKeys } from './postgres-limits.ts';
import { migratePostgres, postgresSchemaVersion } from './postgres-migrate.ts';
import { rebuildPostgresRollups } from './postgres-rollups.ts';
import { PostgresEventStore, prunePostgres } from './postgres-store.ts';
import { pruneChunks } from './retention.ts';
import { rebuildRollups } from './rollups.ts';
import { ThreadedEventStore } from './threaded-event-store.ts';

export type Engine = 'sqlite' | 'postgres';

export interface StorageOptions {
  /** `write` migrates the schema to the latest version; `read` requires it (reports, export). */
  mode: 'read' | 'write';
  /** SQLite: how hard a commit pushes to disk (see open.ts). */
  synchronous?: Synchronous;
  /** SQLite: commit on a worker thread (cta-collect serve). */
  writerThread?: boolean;
  /** PostgreSQL: connections in this process's pool. */
  pool?: number;
  /** PostgreSQL: named prepared statements; off behind a pooler in transaction mode (or `?prepare=false`). */
  prepare?: boolean;
  now?: () => number;
}

/** The per-client limits and client keys of processes that share one database. */
export interface SharedLimits {
  clientKeys: { keyFor(ip: string): Promise<string> };
  rateLimiter: RateLimit;
  quota: Quota;
}

// In key order: the primary key's index gives it without a sort, on both engines, however many events there are.
const EXPORT_QUERY = `SELECT ${EXPORT_COLUMNS.join(', ')} FROM events
  WHERE received_at >= ? AND received_at < ? ORDER BY page_view, seq`;

/**
 * What the collector needs from a database, whichever engine holds it: the writer (group commit, a write settles
 * after COMMIT), the schema, the report (same query definitions on both, report/steps.ts), export, retention and the
 * rollups; and on PostgreSQL the per-client limits every process shares.
 */
export interface Storage {
  readonly engine: Engine;
  /** The file, or the URL without its password: for messages. */
  readonly name: string;
  schemaVersion(): Promise<number>;
  /** Applies the migrations this database lacks; returns their versions. */
  migrate(): Promise<number[]>;
  /** The store's writer, made on first call. */
  writer(): Promise<EventWriter>;
  /** Limits shared through the database (PostgreSQL); undefined where one process keeps them in memory. */
  sharedLimits(options: {
    rateLimit: { burst: number; perSecond: number };
    dailyQuota: { eventsPerDay: number; newCtasPerDay: number };
  }): Promise<SharedLimits | undefined>;
  report(now?: Date, options?: ReportOptions): Promise<Report>;
  /** Events received in [fromMs, toMs), in key order, streamed. */
  exportEvents(fromMs: number, toMs: number): AsyncIterable<Row>;
  /** Deletes events received before `beforeMs` and the rollups' days before it; resolves with how many events. */
  prune(beforeMs: number): Promise<number>;
  rebuildRollups(): Promise<void>;
  /** Commits what the writer holds and closes the connection(s). */
  close(): Promise<void>;
}

/** `postgres://…` or `postgresql://…`: PostgreSQL; anything else: a SQLite file. */
export async function openStorage(db: string, options: StorageOptions): Promise<Storage> {
  return isPostgresUrl(db) ? PostgresStorage.open(db, options) : SqliteStorage.open(db, options);
}

class SqliteStorage implements Storage {
  readonly engine = 'sqlite';
  readonly name: string;
  readonly #options: StorageOptions;
  #db: DatabaseSync | undefined;
  #writer: Promise<EventWriter> | undefined;

  private constructor(path: string, options: StorageOptions, db: DatabaseSync | undefined) {
    this.name = path;
    this.#options = options;
    this.#db = db;
  }

  static async open(path: string, options: StorageOptions): Promise<Storage> {
    if (options.mode === 'read') return new SqliteStorage(path, options, openReadOnlyDatabase(path));
    // With a writer thread the thread opens (and migrates) the file; this thread opens it only if asked to.
    if (options.writerThread) {
      const storage = new SqliteStorage(path, options, undefined);
      await storage.writer();
      return storage;
    }
    return new SqliteStorage(path, options, openWritableDatabase(path, writable(options)));
  }

  #connection(): DatabaseSync {
    this.#db ??= openWritableDatabase(this.name, writable(this.#options));
    return this.#db;
  }

  async schemaVersion(): Promise<number> {
    return schemaVersion(this.#connection());
  }

  async migrate(): Promise<number[]> {
    return migrate(this.#connection());
  }

  writer(): Promise<EventWriter> {
    this.#writer ??= this.#options.writerThread
      ? ThreadedEventStore.open(this.name, { synchronous: this.#options.synchronous ?? 'full' })
      : Promise.resolve(new EventStore(this.#connection(), this.#options.now ? { now: this.#options.now } : {}));
    return this.#writer;
  }

  async sharedLimits(): Promise<undefined> {
    return undefined;
  }

  async report(now = new Date(), options: ReportOptions = {}): Promise<Report> {
    return buildReport(this.#connection(), now, options);
  }

  async *exportEvents(fromMs: number, toMs: number): AsyncIterable<Row> {
    yield* this.#connection().prepare(EXPORT_QUERY).iterate(fromMs, toMs) as Iterable<Row>;
  }

  async prune(beforeMs: number): Promise<number> {
    if (this.#writer) return (await this.#writer).prune(beforeMs);
    let deleted = 0;
    for (const chunk of pruneChunks(this.#connection(), beforeMs)) deleted += chunk;
    return deleted;
  }

  async rebuildRollups(): Promise<void> {
    rebuildRollups(this.#connection());
  }

  async close(): Promise<void> {
    if (this.#writer) await (await this.#writer).close();
    this.#db?.close();
    this.#db = undefined;
  }
}

function writable(options: StorageOptions): { synchronous: Synchronous } {
  return { synchronous: options.synchronous ?? 'full' };
}

class PostgresStorage implements Storage {
  readonly engine = 'postgres';
  readonly name: string;
  readonly #sql: Sql;
  readonly #options: StorageOptions;
  #writer: PostgresEventStore | undefined;

  private constructor(url: string, sql: Sql, options: StorageOptions) {
    this.name = redactUrl(url);
    this.#sql = sql;
    this.#options = options;
  }

  static async open(url: string, options: StorageOptions): Promise<Storage> {
    const sql = connectPostgres(url, {
      ...(options.pool ? { max: options.pool } : {}),
      ...(options.prepare === undefined ? {} : { prepare: options.prepare }),
    });
    try {
      await checkConnection(sql, url);
      if (options.mode === 'write') await migratePostgres(sql);
      else {
        const version = await postgresSchemaVersion(sql);
        if (version !== LATEST_VERSION) {
          const name = redactUrl(url);
          throw new Error(
            version === 0
              ? `no collector schema at ${name}: run "cta-collect migrate --db ${name}" or start "cta-collect serve"`
              : version < LATEST_VERSION
                ? `${name} is at schema version ${version}; run "cta-collect migrate --db ${name}" to bring it to ` +
                  `${LATEST_VERSION}`
                : `${name} is at schema version ${version}, newer than this cta-collect knows (${LATEST_VERSION}): ` +
                  'upgrade @astro-cta/collector',
          );
        }
      }
    } catch (error) {
      await sql.end({ timeout: 1 });
      throw error;
    }
    return new PostgresStorage(url, sql, options);
  }

  /** The report's QueryRunner: `?` placeholders numbered for Postgres. */
  all(sql: string, params: readonly SqlValue[]): Promise<Row[]> {
    return this.#sql.unsafe(numberedPlaceholders(sql), params as never[]) as unknown as Promise<Row[]>;
  }

  schemaVersion(): Promise<number> {
    return postgresSchemaVersion(this.#sql);
  }

  migrate(): Promise<number[]> {
    return migratePostgres(this.#sql);
  }

  async writer(): Promise<EventWriter> {
    this.#writer ??= new PostgresEventStore(this.#sql, this.#options.now ? { now: this.#options.now } : {});
    return this.#writer;
  }

  async sharedLimits(options: Parameters<Storage['sharedLimits']>[0]): Promise<SharedLimits> {
    await createLimitTables(this.#sql);
    const now = this.#options.now ?? Date.now;
    return {
      clientKeys: new SharedClientKeys(this.#sql, { now }),
      rateLimiter: new PostgresRateLimiter(this.#sql, options.rateLimit, now),
      quota: new PostgresDailyQuota(this.#sql, options.dailyQuota, now),
    };
  }

  report(now = new Date(), options: ReportOptions = {}): Promise<Report> {
    return buildReportFrom(this, now, options);
  }

  async *exportEvents(fromMs: number, toMs: number): AsyncIterable<Row> {
    const cursor = this.#sql
      .unsafe(numberedPlaceholders(EXPORT_QUERY), [fromMs, toMs] as SQLInputValue[] as never[])
      .cursor(1000);
    for await (const rows of cursor) yield* rows as unknown as Row[];
  }

  prune(beforeMs: number): Promise<number> {
    return prunePostgres(this.#sql, beforeMs);
  }

  rebuildRollups(): Promise<void> {
    return rebuildPostgresRollups(this.#sql);
  }

  /** The pool, for tools that load data in bulk (bench:report) and tests. */
  get sql(): Sql {
    return this.#sql;
  }

  async close(): Promise<void> {
    await this.#writer?.close();
    await this.#sql.end({ timeout: 5 });
  }
}
