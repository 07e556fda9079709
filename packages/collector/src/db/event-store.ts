import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { ValidEvent } from '../validate.ts';
import { EVENT_COLUMNS, rollupStatements, SQLITE_DIALECT } from './batch-rollups.ts';
import { pruneChunks } from './retention.ts';
import { visitOfTab } from './tab-visits.ts';

export interface StoreResult {
  /** Events written by this request. */
  stored: number;
  /** Events already in the database under the same (page view, sequence): retries, never counted twice. */
  duplicates: number;
}

export interface WriteOptions {
  /**
   * Aborted when the request stops waiting (its answer deadline passed): a write still queued behind a stalled
   * transaction then leaves the queue and rejects (PostgreSQL; SQLite's queue never waits long). One already sent
   * to the database is not stopped: it may commit, and the client's resend is then a duplicate.
   */
  signal?: AbortSignal;
}

/** What the collector needs from storage: on this thread (EventStore) or a worker (ThreadedEventStore). */
export interface EventWriter {
  /** Resolves once the events are committed. */
  write(events: ValidEvent[], options?: WriteOptions): Promise<StoreResult>;
  /** Deletes events received before `beforeMs` (retention), in chunks between commits; resolves with how many. */
  prune(beforeMs: number): Promise<number>;
  /** Commits what is queued, then refuses writes. */
  close(): void | Promise<void>;
}

interface Pending {
  events: ValidEvent[];
  resolve: (result: StoreResult) => void;
  reject: (error: Error) => void;
}

/**
 * Writes validated events with group commit: every request that arrives while the event loop is busy joins the
 * next transaction, and each request's promise settles only after that transaction's COMMIT returned. So a 2xx
 * always means "on disk" (as far as the chosen `synchronous` level promises) and one fsync serves many requests.
 * The same transaction folds the batch into the report's rollups, each rollup key once (batch-rollups.ts).
 */
export class EventStore implements EventWriter {
  readonly #db: DatabaseSync;
  readonly #stage: StatementSync;
  readonly #fold: StatementSync[];
  readonly #clear: StatementSync;
  readonly #now: () => number;
  #queue: Pending[] = [];
  #scheduled = false;
  #closed = false;

  constructor(db: DatabaseSync, { now = Date.now }: { now?: () => number } = {}) {
    this.#db = db;
    this.#now = now;
    // The batch's new events, staged on this connection only (a temp table, in memory, in no file): a key already
    // stored, or staged by an earlier event of the batch, is not staged again (a retry stores nothing and leaves its
    // tab alone). Each is staged under its visit, split from its tab (`vi`) by the 30-minute rule (tab-visits.ts).
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS incoming (
      page_view TEXT NOT NULL, seq INTEGER NOT NULL, type TEXT NOT NULL, cta TEXT NOT NULL, page TEXT NOT NULL,
      variant TEXT, goal TEXT, destination TEXT, open_mode TEXT, props TEXT, received_at INTEGER NOT NULL,
      visit TEXT, experiment TEXT, arm TEXT, value REAL, currency TEXT, claimed_cta TEXT, claimed_page_view TEXT,
      tab TEXT, PRIMARY KEY (page_view, seq)) WITHOUT ROWID`);
    const parameter = (column: (typeof EVENT_COLUMNS)[number]) => `?${EVENT_COLUMNS.indexOf(column) + 1}`;
    const values = EVENT_COLUMNS.map((column) =>
      column === 'visit' ? visitOfTab(parameter('visit'), parameter('received_at')) : parameter(column),
    );
    this.#stage = db.prepare(`INSERT OR IGNORE INTO incoming (${EVENT_COLUMNS.join(', ')}, tab)
      SELECT ${values.join(', ')}, ${parameter('visit')}
      WHERE NOT EXISTS (SELECT 1 FROM main.events WHERE page_view = ?1 AND seq = ?2)`);
    this.#fold = rollupStatements(SQLITE_DIALECT).map(({ sql }) => db.prepare(sql));
    this.#clear = db.prepare('DELETE FROM incoming');
  }

  /** Resolves once the events are committed. */
  write(events: ValidEvent[]): Promise<StoreResult> {
    if (this.#closed) return Promise.reject(new Error('the event store is closed'));
    return new Promise((resolve, reject) => {
      this.#queue.push({ events, resolve, reject });
      if (!this.#scheduled) {
        this.#scheduled = true;
        setImmediate(() => this.#flush());
      }
    });
  }

  #flush(): void {
    this.#scheduled = false;
    const batch = this.#queue;
    this.#queue = [];
    if (batch.length === 0) return;
    const receivedAt = this.#now();
    const results: StoreResult[] = [];
    try {
      this.#db.exec('BEGIN IMMEDIATE');
      for (const { events } of batch) {
        let stored = 0;
        for (const event of events) {
          const { changes } = this.#stage.run(
            event.pv,
            event.s,
            event.t,
            event.id,
            event.p,
            event.v ?? null,
            event.g ?? null,
            event.d ?? null,
            event.o ?? null,
            event.props ? JSON.stringify(event.props) : null,
            receivedAt,
            event.vi ?? null, // the tab's id, staged under its visit
            event.x ?? null,
            event.a ?? null,
            event.val ?? null,
            event.cur ?? null,
            event.ac ?? null,
            event.apv ?? null,
          );
          stored += Number(changes);
        }
        results.push({ stored, duplicates: events.length - stored });
      }
      // The rollups and the tabs, each key once for the whole batch (batch-rollups.ts), then the events themselves.
      for (const statement of this.#fold) statement.run();
      this.#clear.run();
      this.#db.exec('COMMIT');
    } catch (error) {
      if (this.#db.isTransaction) this.#db.exec('ROLLBACK'); // which empties incoming too
      for (const pending of batch) pending.reject(error as Error);
      return;
    }
    batch.forEach((pending, index) => pending.resolve(results[index]!));
  }

  async prune(beforeMs: number): Promise<number> {
    let deleted = 0;
    for (const chunk of pruneChunks(this.#db, beforeMs)) {
      deleted += chunk;
      // Let queued writes commit between chunks.
      await new Promise((resolve) => setImmediate(resolve));
      if (this.#closed) break;
    }
    return deleted;
  }

  /** Commits what is queued, then refuses further writes. */
  close(): void {
    this.#flush();
    this.#closed = true;
  }
}
