import type { Sql } from 'postgres';
import type { ValidEvent } from '../validate.ts';
import type { EventWriter, StoreResult, WriteOptions } from './event-store.ts';
import { WRITE_LOCK } from './postgres-ingest.ts';
import { ROLLUPS_BY_DAY } from './retention.ts';
import { StoreUnavailableError } from './store-errors.ts';

// The writers take turns on a transaction-level advisory lock: folding a batch into the rollups reads the page
// views', visits', tabs' and units' earlier events and rollup rows, which a concurrent writer's uncommitted rows
// would hide (as SQLite's single writer does). Group commit keeps each turn full.
export { WRITE_LOCK };

// The client sends one statement and no transaction block: cta_write_turn (postgres-ingest.ts, created by migration
// 7) takes the writers' lock, then runs INGEST, whose snapshot is then taken after the previous writer's commit.
// Not sql.begin(): when a connection dies inside a begin() block, the postgres client (3.4.9) writes ROLLBACK to the
// dead socket and throws from a setImmediate, which ends the process (porsager/postgres#1154, #1208; seen in the
// cluster fault test when the server stopped under load). Nor the lock taken by a part of INGEST itself: the
// statement's snapshot would be the one from before it waited, and its rollups would miss what the writer before it
// had just committed. The parameters are INGEST's: one array per column, received_at ($11) from the store.
const WRITE_TURN = `SELECT cta_write_turn($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[],
  $7::text[], $8::text[], $9::text[], $10::text[], $11::bigint, $12::text[], $13::text[], $14::text[], $15::float8[],
  $16::text[], $17::text[], $18::text[]) AS stored`;

interface Pending {
  events: ValidEvent[];
  resolve: (result: StoreResult) => void;
  reject: (error: Error) => void;
}

/**
 * EventStore's guarantees on PostgreSQL: group commit (requests that arrive while a transaction is in flight join
 * the next one), one statement per transaction (one round trip whatever the batch size, one prepared statement)
 * storing the batch's new events and folding them into the rollups, a key already stored skipped (a retry stores
 * nothing: idempotent on page view and sequence), and each request's promise settles only after COMMIT returned.
 * A failed transaction (server down, connection lost) rejects every request in it with StoreUnavailableError, which
 * the collector answers with 503: nothing unstored is ever acknowledged, and the client reconnects on the next batch
 * by itself.
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

  write(events: ValidEvent[], { signal }: WriteOptions = {}): Promise<StoreResult> {
    if (this.#closed) return Promise.reject(new Error('the event store is closed'));
    return new Promise((resolve, reject) => {
      const pending = { events, resolve, reject };
      this.#queue.push(pending);
      // A request that stops waiting while a stalled transaction holds the queue leaves it (it was answered 503):
      // else the queue would keep every such batch for as long as the database stalls.
      signal?.addEventListener(
        'abort',
        () => {
          const index = this.#queue.indexOf(pending);
          if (index === -1) return; // already sent: it may still commit
          this.#queue.splice(index, 1);
          reject(new StoreUnavailableError('the request stopped waiting before its events were sent: not written'));
        },
        { once: true },
      );
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
    if (batch.length === 0) return;
    const columns = toColumns(batch.flatMap((pending) => pending.events));
    let stored: number[];
    try {
      const parameters = [...columns.slice(0, 10), this.#now(), ...columns.slice(10)];
      const [row] = await this.#sql.unsafe<{ stored: number[] | null }[]>(WRITE_TURN, parameters as never[], {
        prepare: true,
      });
      stored = row?.stored ?? [];
    } catch (error) {
      const failure = new StoreUnavailableError(`PostgreSQL did not commit the events: ${(error as Error).message}`, {
        cause: error,
      });
      for (const pending of batch) pending.reject(failure);
      return;
    }
    // Each new key is credited to the first request of the batch that carried it; the others were duplicates.
    const fresh = new Set(stored);
    let position = 0;
    for (const { events, resolve } of batch) {
      let stored = 0;
      for (const _ of events) if (fresh.has(++position)) stored++;
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

/** The batch as one array per column, in INSERT's parameter order (received_at, $11, comes from the store). */
function toColumns(events: ValidEvent[]): unknown[][] {
  const column = <T>(pick: (event: ValidEvent) => T) => events.map(pick);
  return [
    column((event) => event.pv),
    column((event) => event.s),
    column((event) => event.t),
    column((event) => event.id),
    column((event) => event.p),
    column((event) => event.v ?? null),
    column((event) => event.g ?? null),
    column((event) => event.d ?? null),
    column((event) => event.o ?? null),
    column((event) => (event.props ? JSON.stringify(event.props) : null)),
    column((event) => event.vi ?? null),
    column((event) => event.x ?? null),
    column((event) => event.a ?? null),
    column((event) => event.val ?? null),
    column((event) => event.cur ?? null),
    column((event) => event.ac ?? null),
    column((event) => event.apv ?? null),
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
  // The rollups by pruneChunks' rule: whatever began before the cut-off's day (ROLLUPS_BY_DAY).
  const day = Math.floor(beforeMs / DAY_MS);
  await sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(${WRITE_LOCK})`;
    await tx`DELETE FROM visits WHERE first_at < ${day * DAY_MS}`;
    await tx`DELETE FROM tabs WHERE last_at < ${beforeMs}`;
    for (const table of ROLLUPS_BY_DAY) await tx`DELETE FROM ${tx(table)} WHERE day < ${day}`;
  });
  return deleted;
}
