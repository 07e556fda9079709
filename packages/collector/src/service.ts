import { Collector } from './collector.ts';
import type { EventWriter } from './db/event-store.ts';
import type { Synchronous } from './db/open.ts';
import { retentionCutOff } from './db/retention.ts';
import { openStorage, type Storage } from './db/storage.ts';
import { ClientKeys } from './http/client-key.ts';
import { DailyQuota, DEFAULT_DAILY_QUOTA } from './http/daily-quota.ts';
import type { Quota, RateLimit } from './http/limits.ts';
import { OriginPolicy } from './http/origins.ts';
import { DEFAULT_MAX_CLIENTS, RateLimiter } from './http/rate-limit.ts';

export interface CollectorOptions {
  /**
   * A SQLite file (created with its folder if missing), or a PostgreSQL URL (`postgres://user:pass@host:5432/db`;
   * add `?prepare=false` behind a pooler in transaction mode). Postgres lets several collector processes share one
   * database, with the rate limit and daily quota shared between them.
   */
  db: string;
  /** PostgreSQL: connections in this process's pool (default 4). */
  pool?: number;
  /** Origins of other sites whose pages may post events; `*` for any. */
  allowedOrigins?: readonly string[];
  /**
   * The collector's own public origin(s), e.g. `https://www.example.com`: pages there are same-origin. With this or
   * `allowedOrigins` set, the Host header no longer decides what "same origin" is (see OriginPolicy).
   */
  publicOrigins?: readonly string[];
  /** Requests per client: burst and per-second refill. `perSecond: 0` disables the limit. */
  rateLimit?: { burst: number; perSecond: number };
  /** What one client may add per UTC day: events and CTA ids new to the collector; 0 disables either. */
  dailyQuota?: { eventsPerDay: number; newCtasPerDay: number };
  /** Clients whose rate-limit and quota state is kept at once (least recently seen forgotten first). */
  maxClients?: number;
  /** Retention: events received more than this many days ago are deleted at start and every 6 hours. */
  keepDays?: number;
  /** Where refused origins and clients over a daily limit are reported (default: standard error). */
  log?: (message: string) => void;
  synchronous?: Synchronous;
  maxBodyBytes?: number;
  /**
   * How long one request may wait on the database in all (ms, default 5,000): past it the request gets 503 with
   * Retry-After instead of hanging until a socket or host timeout cuts it off. A write that commits after its 503
   * is counted once when the client sends the batch again: (page view, sequence) is the key.
   */
  answerDeadlineMs?: number;
  /**
   * Write from a worker thread, so commits overlap with request handling (cta-collect serve). The Astro endpoint
   * writes on its own thread: bundlers do not carry a worker file along.
   */
  writerThread?: boolean;
  now?: () => number;
  /**
   * Store events from pages on localhost, *.localhost, 127.0.0.0/8 and [::1] (default false: development visits are
   * not traffic; they are answered 2xx, counted in the log and not stored). Tests and demos set it.
   */
  acceptLocal?: boolean;
  /**
   * Store events from browsers whose User-Agent says they are automated or crawlers, e.g. HeadlessChrome or
   * Googlebot (default false, as for acceptLocal).
   */
  acceptAutomation?: boolean;
}

export const DEFAULT_RATE_LIMIT = { burst: 60, perSecond: 10 } as const;
const RETENTION_INTERVAL_MS = 6 * 60 * 60 * 1000;

export interface CollectorService {
  collector: Collector;
  rateLimiter: RateLimit;
  quota: Quota;
  store: EventWriter;
  storage: Storage;
  /** Commits queued events and closes the database (checkpointing the WAL). */
  close(): Promise<void>;
}

/** Wires database, store, origin policy and rate limiter together: shared by `cta-collect serve` and the Astro endpoint. */
export async function createCollectorService(options: CollectorOptions): Promise<CollectorService> {
  const now = options.now ?? Date.now;
  const synchronous = options.synchronous ?? 'full';
  const storage = await openStorage(options.db, {
    mode: 'write',
    synchronous,
    writerThread: options.writerThread ?? false,
    now,
    ...(options.pool ? { pool: options.pool } : {}),
  });
  const store = await storage.writer();
  const log = options.log ?? ((message: string) => console.error(message));
  const maxClients = options.maxClients ?? DEFAULT_MAX_CLIENTS;
  const rateLimit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  const dailyQuota = options.dailyQuota ?? DEFAULT_DAILY_QUOTA;
  // Several processes on one PostgreSQL database share the limits through it; one SQLite process keeps them here.
  const shared = await storage.sharedLimits({ rateLimit, dailyQuota }).catch(async (error: Error) => {
    await storage.close();
    throw error;
  });
  const rateLimiter = shared?.rateLimiter ?? new RateLimiter({ ...rateLimit, maxClients, now });
  const quota = shared?.quota ?? new DailyQuota({ ...dailyQuota, maxClients, now });
  const origins = new OriginPolicy({
    allowedOrigins: options.allowedOrigins ?? [],
    publicOrigins: options.publicOrigins ?? [],
    log,
  });
  const clientKeys = shared?.clientKeys ?? new ClientKeys({ now });
  const collector = new Collector({
    store,
    origins,
    clientKeys,
    rateLimiter,
    quota,
    log,
    traffic: { acceptLocal: options.acceptLocal ?? false, acceptAutomation: options.acceptAutomation ?? false },
    ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}),
    ...(options.answerDeadlineMs === undefined ? {} : { answerDeadlineMs: options.answerDeadlineMs }),
  });
  let retention: NodeJS.Timeout | undefined;
  if (options.keepDays) {
    const keepDays = options.keepDays;
    const prune = () => {
      const before = retentionCutOff(now(), keepDays);
      store.prune(before).then(
        (deleted) => {
          const cutOff = new Date(before).toISOString();
          if (deleted) log(`cta-collect: deleted ${deleted} events received before ${cutOff} (--keep ${keepDays}d)`);
        },
        (error: Error) => log(`cta-collect: pruning old events failed: ${error.message}`),
      );
    };
    prune();
    retention = setInterval(prune, RETENTION_INTERVAL_MS).unref();
  }
  let closing: Promise<void> | undefined;
  return {
    collector,
    rateLimiter,
    quota,
    store,
    storage,
    close() {
      clearInterval(retention);
      closing ??= storage.close();
      return closing;
    },
  };
}
