import type { DatabaseSync } from 'node:sqlite';
import { Collector } from './collector.ts';
import { EventStore } from './db/event-store.ts';
import { openWritableDatabase, type Synchronous } from './db/open.ts';
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
  now?: () => number;
}

export const DEFAULT_RATE_LIMIT = { burst: 60, perSecond: 10 } as const;

export interface CollectorService {
  collector: Collector;
  db: DatabaseSync;
  rateLimiter: RateLimiter;
  /** Commits queued events and closes the database (checkpointing the WAL). */
  close(): void;
}

/** Wires database, store, origin policy and rate limiter together: shared by `cta-collect serve` and the Astro endpoint. */
export function createCollectorService(options: CollectorOptions): CollectorService {
  const db = openWritableDatabase(options.db, options.synchronous ? { synchronous: options.synchronous } : {});
  const now = options.now ?? Date.now;
  const store = new EventStore(db, { now });
  const rateLimiter = new RateLimiter({ ...(options.rateLimit ?? DEFAULT_RATE_LIMIT), now });
  const origins = new OriginPolicy(options.allowedOrigins ?? []);
  const collector = new Collector({ store, origins, rateLimiter, ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}) });
  let closed = false;
  return {
    collector,
    db,
    rateLimiter,
    close() {
      if (closed) return;
      closed = true;
      store.close();
      db.close();
    },
  };
}
