import type { Sql } from 'postgres';
import type { ValidEvent } from '../validate.ts';
import type { EventWriter, StoreResult } from './event-store.ts';
import { StoreUnavailableError } from './store-errors.ts';

/**
 * The key of the transaction-level advisory lock every writer takes before inserting: the rollup trigger reads the
 * page view's and visit's earlier events, which a concurrent writer's uncommitted rows would hide, so writers take
 * turns (as SQLite's single writer does). Group commit keeps each turn full. Any constant unlikely to clash.
 */
export const WRITE_LOCK = 0x63746131; // "cta1"

// One statement per event, all sent at once (pipelined) in one transaction: the rollup trigger is an AFTER ROW trigger,
// which Postgres fires at the end of its statement, so one multi-row INSERT would show each row's trigger the rows
// after it; one row per statement gives exactly SQLite's order, where each trigger sees only the earlier events.
const INSERT = `INSERT INTO events
  (page_view, seq, type, cta, page, variant, goal, destination, open_mode, props, received_at,
   visit, experiment, arm, value, currency, claimed_cta, claimed_page_view)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
  ON CONFLICT (page_view, seq) DO NOTHING`;

interface Pending {
  events: ValidEvent[];
  resolve: (result: StoreResult) => void;
  reject: (error: Error) => void;
}

/**
 * EventStore's guarantees on PostgreSQL: group commit (requests that arrive while a transaction is in flight join
 * the next one), its INSERTs pipelined (one round trip whatever the batch size, one prepared statement),
 * ON CONFLICT DO NOTHING on (page view, sequence), and each request's promise settles only
 * after COMMIT returned. A failed transaction (server down, connection lost) rejects every request in it with
 * StoreUnavailableError, which the collector answers with 503: nothing unstored is ever acknowledged, and the client
 * reconnects on the next batch by itself.
 */
export class PostgresEventStore implements EventWriter {
  readonly #sql: Sql;
  readonly #now: () => number;
  #queue: Pending[] = [];
  #inFlight: Promise<void> | undefined;
  #closed = false;

  constructor(sql: Sql, { now = Date.now }: { now?: () => number } = {}) {
    this.#sql = sql;
    this.#now = now;
  }

  write(events: ValidEvent[]): Promise<StoreResult> {
    if (this.#closed) return Promise.reject(new Error('the event store is closed'));
    return new Promise((resolve, reject) => {
      this.#queue.push({ events, resolve, reject });
      this.#pump();
    });
  }

  #pump(): void {
    if (this.#inFlight || this.#queue.length === 0) return;
    // Let the requests that are already parsed join this transaction.
    this.#inFlight = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.#flush())
      .finally(() => {
        this.#inFlight = undefined;
        this.#pump();
      });
  }

  async #flush(): Promise<void> {
    const batch = this.#queue;
    this.#queue = [];
    const receivedAt = this.#now();
    let counts: number[];
    try {
      counts = await this.#sql.begin(async (tx) => {
        await tx`SELECT pg_advisory_xact_lock(${WRITE_LOCK})`;
        const results = batch.flatMap(({ events }) =>
          events.map((event) => tx.unsafe(INSERT, parameters(event, receivedAt) as never[])),
        );
        return (await Promise.all(results)).map((result) => result.count);
      });
    } catch (error) {
      const failure = new StoreUnavailableError(`PostgreSQL did not commit the events: ${(error as Error).message}`, {
        cause: error,
      });
      for (const pending of batch) pending.reject(failure);
      return;
    }
    let index = 0;
    for (const { events, resolve } of batch) {
      let stored = 0;
      for (let i = 0; i < events.length; i++) stored += counts[index++]!;
      resolve({ stored, duplicates: events.length - stored });
    }
  }

  async prune(beforeMs: number): Promise<number> {
    return prunePostgres(this.#sql, beforeMs);
  }

  /** Commits what is queued, then refuses further writes (the pool is the caller's to end). */
  async close(): Promise<void> {
    this.#closed = true;
    while (this.#inFlight || this.#queue.length) {
      this.#pump();
      await this.#inFlight;
    }
  }
}

/** One event's values in INSERT's parameter order. */
function parameters(event: ValidEvent, receivedAt: number): unknown[] {
  return [
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
    event.vi ?? null,
    event.x ?? null,
    event.a ?? null,
    event.val ?? null,
    event.cur ?? null,
    event.ac ?? null,
    event.apv ?? null,
  ];
}

const CHUNK_ROWS = 10_000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Retention on PostgreSQL, as pruneChunks does it on SQLite: key ranges of at most CHUNK_ROWS events per statement
 * (each its own transaction, so writers are never held up long), then the rollups' days before the cut-off.
 */
export async function prunePostgres(sql: Sql, beforeMs: number): Promise<number> {
  let deleted = 0;
  let from = '';
  for (;;) {
    const [boundary] = await sql<{ page_view: string }[]>`
      SELECT page_view FROM events WHERE page_view > ${from} ORDER BY page_view LIMIT 1 OFFSET ${CHUNK_ROWS}`;
    if (!boundary) {
      const result = await sql`DELETE FROM events WHERE page_view >= ${from} AND received_at < ${beforeMs}`;
      deleted += result.count;
      break;
    }
    const result = await sql`DELETE FROM events
      WHERE page_view >= ${from} AND page_view < ${boundary.page_view} AND received_at < ${beforeMs}`;
    deleted += result.count;
    from = boundary.page_view;
  }
  const day = Math.floor(beforeMs / DAY_MS);
  await sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(${WRITE_LOCK})`;
    await tx`DELETE FROM cta_daily WHERE day < ${day}`;
    await tx`DELETE FROM visits WHERE last_at < ${beforeMs}`;
    for (const table of ['page_views', 'daily_totals', 'landing_daily']) {
      await tx`DELETE FROM ${tx(table)} WHERE day < ${day}`;
    }
  });
  return deleted;
}
