import type { QuotaDecision } from './daily-quota.ts';

/**
 * What the collector asks of its per-client limits. In memory (RateLimiter, DailyQuota) for one SQLite process; in
 * PostgreSQL (PostgresLimits) when several collector processes share a database, so a client gets one budget
 * whichever process answers it. Either may answer synchronously or with a promise.
 */
export interface RateLimit {
  allow(clientKey: string): RateDecision | Promise<RateDecision>;
  /** Forgets state that no longer matters (called every minute by the server). */
  sweep(): void | Promise<void>;
}

export interface RateDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

export interface Quota {
  take(clientKey: string, ctaIds: readonly string[]): QuotaDecision | Promise<QuotaDecision>;
}
