import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { ValidEvent } from '../validate.ts';
import { pruneChunks } from './retention.ts';
import { TabVisits } from './tab-visits.ts';

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
 */
export class EventStore implements EventWriter {
  readonly #db: DatabaseSync;
  readonly #insert: StatementSync;
  readonly #tabs: TabVisits;
  readonly #now: () => number;
  #queue: Pending[] = [];
  #scheduled = false;
  #closed = false;

  constructor(db: DatabaseSync, { now = Date.now }: { now?: () => number } = {}) {
    this.#db = db;
    this.#now = now;
    this.#insert = db.prepare(`INSERT OR IGNORE INTO events
      (page_view, seq, type, cta, page, variant, goal, destination, open_mode, props, received_at,
       visit, experiment, arm, value, currency, claimed_cta, claimed_page_view)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.#tabs = new TabVisits(db);
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
          // `vi` is the tab's id: the event is stored under the tab's visit by the 30-minute rule (tab-visits.ts).
          const tab = event.vi === undefined ? undefined : this.#tabs.next(event.vi, receivedAt);
          const { changes } = this.#insert.run(
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
            tab?.visit ?? null,
            event.x ?? null,
            event.a ?? null,
            event.val ?? null,
            event.cur ?? null,
            event.ac ?? null,
            event.apv ?? null,
          );
          stored += Number(changes);
          // A retried event (already stored) leaves its tab as it was.
          if (tab && changes) this.#tabs.keep(event.vi!, tab);
        }
        results.push({ stored, duplicates: events.length - stored });
      }
      this.#db.exec('COMMIT');
    } catch (error) {
      if (this.#db.isTransaction) this.#db.exec('ROLLBACK');
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
