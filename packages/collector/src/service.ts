import { Collector } from './collector.ts';
import { EventStore, type EventWriter } from './db/event-store.ts';
import { openWritableDatabase, type Synchronous } from './db/open.ts';
import { ThreadedEventStore } from './db/threaded-event-store.ts';
import { OriginPolicy } from './http/origins.ts';
import { RateLimiter } from './http/rate-limit.ts';

export interface CollectorOptions {
  /** SQLite file; created with its folder if missing. */
  db: string;
  /** Origins (besides the collector's own) whose pages may post events; `*` for any. */
  allowedOrigins?: readonly string[];
  /** Requests per client: burst and per-second refill. `perSecond: 0` disables the limit. */
  rateLimit?: { burst: number; perSecond: number };
  synchronous?: Synchronous;
  maxBodyBytes?: number;
  /**
   * Write from a worker thread, so commits overlap with request handling (cta-collect serve). The Astro endpoint
   * writes on its own thread: bundlers do not carry a worker file along.
   */
  writerThread?: boolean;
  now?: () => number;
}

export const DEFAULT_RATE_LIMIT = { burst: 60, perSecond: 10 } as const;

export interface CollectorService {
  collector: Collector;
  rateLimiter: RateLimiter;
  /** Commits queued events and closes the database (checkpointing the WAL). */
  close(): Promise<void>;
}

/** Wires database, store, origin policy and rate limiter together: shared by `cta-collect serve` and the Astro endpoint. */
export async function createCollectorService(options: CollectorOptions): Promise<CollectorService> {
  const now = options.now ?? Date.now;
  const synchronous = options.synchronous ?? 'full';
  let store: EventWriter;
  let closeDatabase = () => {};
  if (options.writerThread) {
    store = await ThreadedEventStore.open(options.db, { synchronous });
  } else {
    const db = openWritableDatabase(options.db, { synchronous });
    store = new EventStore(db, { now });
    closeDatabase = () => db.close();
  }
  const rateLimiter = new RateLimiter({ ...(options.rateLimit ?? DEFAULT_RATE_LIMIT), now });
  const origins = new OriginPolicy(options.allowedOrigins ?? []);
  const collector = new Collector({ store, origins, rateLimiter, ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}) });
  let closing: Promise<void> | undefined;
  return {
    collector,
    rateLimiter,
    close() {
      closing ??= Promise.resolve(store.close()).then(closeDatabase);
      return closing;
    },
  };
}
