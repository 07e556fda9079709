import { createHmac, createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Sql } from 'postgres';
import { clientPrefix } from '../http/client-key.ts';
import type { QuotaDecision } from '../http/daily-quota.ts';
import type { Quota, RateDecision, RateLimit } from '../http/limits.ts';
import { MIGRATION_LOCK } from './postgres-migrate.ts';
import { StoreUnavailableError } from './store-errors.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Per-client state shared by every collector process on one database: token buckets, daily usage and the CTA ids
 * already known. UNLOGGED tables (no WAL: a server crash empties them, which only gives clients a fresh budget),
 * created here rather than by a migration because they hold state, not data, and exist only on PostgreSQL (one
 * SQLite process keeps the same state in memory). Keys are daily salted hashes of the address, never the address;
 * the processes must hash alike, so the day's random salt is shared through cta_salts (see SharedClientKeys).
 */
const TABLES = `
  CREATE UNLOGGED TABLE IF NOT EXISTS cta_rate_buckets (
    client_key TEXT PRIMARY KEY, tokens DOUBLE PRECISION NOT NULL, updated_at BIGINT NOT NULL, allowed BOOLEAN NOT NULL);
  CREATE UNLOGGED TABLE IF NOT EXISTS cta_quota_usage (
    day INTEGER NOT NULL, client_key TEXT NOT NULL, events INTEGER NOT NULL, new_ctas INTEGER NOT NULL,
    PRIMARY KEY (day, client_key));
  CREATE UNLOGGED TABLE IF NOT EXISTS cta_known_ctas (cta TEXT PRIMARY KEY);
  CREATE UNLOGGED TABLE IF NOT EXISTS cta_salts (day INTEGER PRIMARY KEY, salt BYTEA NOT NULL);
`;

export interface PostgresLimitOptions {
  rateLimit: { burst: number; perSecond: number };
  dailyQuota: { eventsPerDay: number; newCtasPerDay: number };
  now?: () => number;
}

/** Creates the state tables (once, under the migration lock, so processes starting together do not race). */
export async function createLimitTables(sql: Sql): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`;
    await tx.unsafe(TABLES);
  });
}

/** Runs one statement of the limits; a database failure becomes StoreUnavailableError (the collector's 503). */
async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new StoreUnavailableError(
      `PostgreSQL did not answer for the per-client limits: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}

/**
 * ClientKeys for several processes: the same HMAC of the address (its /64 for IPv6), under a random salt made by
 * whichever process needs it first each UTC day and shared through the unlogged table cta_salts, whose past days are
 * deleted. The salt then sits in the database for its day: someone who can read it could test addresses against
 * that day's keys, as someone reading a collector's memory could; nothing links days or keeps an address.
 */
export class SharedClientKeys {
  readonly #sql: Sql;
  readonly #now: () => number;
  #day = -1;
  #salt: Promise<KeyObject> | undefined;

  constructor(sql: Sql, { now = Date.now }: { now?: () => number } = {}) {
    this.#sql = sql;
    this.#now = now;
  }

  async keyFor(ip: string): Promise<string> {
    const day = Math.floor(this.#now() / DAY_MS);
    if (day !== this.#day || !this.#salt) {
      this.#day = day;
      this.#salt = this.#load(day);
      // A failed load (database down) is tried again on the next request.
      this.#salt.catch(() => {
        if (this.#day === day) this.#salt = undefined;
      });
    }
    const salt = await this.#salt;
    return createHmac('sha256', salt).update(clientPrefix(ip)).digest('base64url').slice(0, 22);
  }

  async #load(day: number): Promise<KeyObject> {
    const [row] = await guarded(() =>
      this.#sql.begin(async (tx) => {
        await tx`INSERT INTO cta_salts (day, salt) VALUES (${day}, ${randomBytes(32)}) ON CONFLICT (day) DO NOTHING`;
        await tx`DELETE FROM cta_salts WHERE day < ${day}`;
        return tx<{ salt: Buffer }[]>`SELECT salt FROM cta_salts WHERE day = ${day}`;
      }),
    );
    if (!row) throw new StoreUnavailableError("PostgreSQL lost the day's salt");
    return createSecretKey(row.salt);
  }
}

/** The token bucket of RateLimiter, one row per client, refilled and taken in one atomic upsert. */
export class PostgresRateLimiter implements RateLimit {
  readonly #sql: Sql;
  readonly #burst: number;
  readonly #perSecond: number;
  readonly #now: () => number;

  constructor(sql: Sql, { burst, perSecond }: PostgresLimitOptions['rateLimit'], now: () => number = Date.now) {
    this.#sql = sql;
    this.#burst = burst;
    this.#perSecond = perSecond;
    this.#now = now;
  }

  async allow(clientKey: string): Promise<RateDecision> {
    if (this.#perSecond <= 0) return { allowed: true, retryAfterSeconds: 0 };
    const now = this.#now();
    const [row] = await guarded(
      () => this.#sql<{ allowed: boolean; tokens: number }[]>`
        INSERT INTO cta_rate_buckets AS b (client_key, tokens, updated_at, allowed)
        VALUES (${clientKey}, ${this.#burst - 1}::float8, ${now}::bigint, true)
        ON CONFLICT (client_key) DO UPDATE SET
          allowed = LEAST(${this.#burst}::float8,
                          b.tokens + GREATEST(${now}::bigint - b.updated_at, 0) / 1000.0 * ${this.#perSecond}::float8)
                    >= 1,
          tokens = LEAST(${this.#burst}::float8,
                         b.tokens + GREATEST(${now}::bigint - b.updated_at, 0) / 1000.0 * ${this.#perSecond}::float8)
                   - CASE WHEN LEAST(${this.#burst}::float8,
                                     b.tokens + GREATEST(${now}::bigint - b.updated_at, 0) / 1000.0
                                     * ${this.#perSecond}::float8) >= 1
                          THEN 1 ELSE 0 END,
          updated_at = GREATEST(b.updated_at, ${now}::bigint)
        RETURNING allowed, tokens`,
    );
    if (!row || row.allowed) return { allowed: true, retryAfterSeconds: 0 };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - row.tokens) / this.#perSecond)) };
  }

  /** Forgets buckets that have refilled (they behave like a new client) and past days' usage. */
  async sweep(): Promise<void> {
    const now = this.#now();
    const refillMs = this.#perSecond > 0 ? (this.#burst / this.#perSecond) * 1000 : 0;
    await this.#sql`DELETE FROM cta_rate_buckets WHERE updated_at < ${now - refillMs}`;
    await this.#sql`DELETE FROM cta_quota_usage WHERE day < ${Math.floor(now / DAY_MS)}`;
  }
}

/** DailyQuota's rules (see daily-quota.ts), with usage and known CTA ids in the database. */
export class PostgresDailyQuota implements Quota {
  readonly #sql: Sql;
  readonly #eventsPerDay: number;
  readonly #newCtasPerDay: number;
  readonly #now: () => number;
  /** Limits already logged per day and client, in this process: the log stays one line per client and limit. */
  readonly #reported = new LRUCache<string, true>({ max: 10_000 });

  constructor(sql: Sql, { eventsPerDay, newCtasPerDay }: PostgresLimitOptions['dailyQuota'], now = Date.now) {
    this.#sql = sql;
    this.#eventsPerDay = eventsPerDay;
    this.#newCtasPerDay = newCtasPerDay;
    this.#now = now;
  }

  async take(clientKey: string, ctaIds: readonly string[]): Promise<QuotaDecision> {
    const now = this.#now();
    const day = Math.floor(now / DAY_MS);
    const retryAfterSeconds = Math.ceil(((day + 1) * DAY_MS - now) / 1000);
    const events = ctaIds.length;
    let fresh: string[] = [];
    if (this.#newCtasPerDay > 0) {
      const distinct = [...new Set(ctaIds)];
      const known = await guarded(
        () => this.#sql<{ cta: string }[]>`SELECT cta FROM cta_known_ctas WHERE cta = ANY(${distinct}::text[])`,
      );
      const knownSet = new Set(known.map((row) => row.cta));
      fresh = distinct.filter((id) => !knownSet.has(id));
    }
    const [granted] = await guarded(
      () => this.#sql`
        INSERT INTO cta_quota_usage AS u (day, client_key, events, new_ctas)
        SELECT ${day}::int, ${clientKey}, ${events}::int, ${fresh.length}::int
        WHERE (${this.#eventsPerDay}::int = 0 OR ${events}::int <= ${this.#eventsPerDay}::int)
          AND (${this.#newCtasPerDay}::int = 0 OR ${fresh.length}::int <= ${this.#newCtasPerDay}::int)
        ON CONFLICT (day, client_key) DO UPDATE SET
          events = u.events + excluded.events, new_ctas = u.new_ctas + excluded.new_ctas
        WHERE (${this.#eventsPerDay}::int = 0 OR u.events + excluded.events <= ${this.#eventsPerDay}::int)
          AND (${this.#newCtasPerDay}::int = 0 OR u.new_ctas + excluded.new_ctas <= ${this.#newCtasPerDay}::int)
        RETURNING events`,
    );
    if (granted) {
      return {
        allowed: true,
        settle: async (stored) => {
          const unstored = events - (stored ?? 0);
          const uncounted = stored === undefined ? fresh.length : 0;
          if (unstored > 0 || uncounted > 0) {
            await this.#sql`UPDATE cta_quota_usage SET events = events - ${unstored}, new_ctas = new_ctas - ${uncounted}
              WHERE day = ${day} AND client_key = ${clientKey}`;
          }
          if (stored !== undefined && fresh.length) {
            await this.#sql`INSERT INTO cta_known_ctas SELECT unnest(${fresh}::text[]) ON CONFLICT DO NOTHING`;
          }
        },
      };
    }
    const [usage] = await guarded(
      () => this.#sql<{ events: number }[]>`
        SELECT events FROM cta_quota_usage WHERE day = ${day} AND client_key = ${clientKey}`,
    );
    const overEvents = this.#eventsPerDay > 0 && (usage?.events ?? 0) + events > this.#eventsPerDay;
    const limit = overEvents ? 'events' : 'new-ctas';
    const reportedKey = `${day}\u0000${clientKey}\u0000${limit}`;
    const firstTime = !this.#reported.has(reportedKey);
    this.#reported.set(reportedKey, true);
    return {
      allowed: false,
      limit,
      retryAfterSeconds,
      firstTime,
      error: overEvents
        ? `this client reached its daily limit of ${this.#eventsPerDay} events (--max-events-per-day): ` +
          'try again after 00:00 UTC'
        : `this client reached its daily limit of ${this.#newCtasPerDay} new CTA ids (--max-new-ctas-per-day): ` +
          'events for CTA ids the collector already knows are still accepted; new ones after 00:00 UTC',
    };
  }
}
