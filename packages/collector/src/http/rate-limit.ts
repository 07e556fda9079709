import { LRUCache } from 'lru-cache';
import type { RateLimit } from './limits.ts';

export interface RateLimitOptions {
  /** Requests a client may make in a burst. */
  burst: number;
  /** Requests per second a client regains, up to `burst`. 0 disables rate limiting. */
  perSecond: number;
  /**
   * Clients tracked at once; past it the least recently seen client is forgotten (it gets a full bucket if it comes
   * back, which is what a client idle that long would have anyway in all but a flood from that many addresses).
   */
  maxClients?: number;
  now?: () => number;
}

/** Enough for a busy site's concurrent visitors, and about 15 MB at most. */
export const DEFAULT_MAX_CLIENTS = 100_000;

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * A token bucket per client, keyed by the daily salted hash of its IP (see ClientKeys; never the IP). A beacon sends
 * about one request per click plus one per page view for impressions, so the default (burst 60, 10 per second)
 * never touches a person, while a flood from one address gets 429s. The buckets live in an LRU cache: a flood of
 * distinct addresses cannot grow memory without bound.
 * (lru-cache: O(1) eviction; a Map used as an LRU degrades to a scan over deleted slots per eviction.)
 */
export class RateLimiter implements RateLimit {
  readonly #burst: number;
  readonly #perSecond: number;
  readonly #now: () => number;
  readonly #buckets: LRUCache<string, Bucket>;

  constructor({ burst, perSecond, maxClients = DEFAULT_MAX_CLIENTS, now = Date.now }: RateLimitOptions) {
    this.#burst = burst;
    this.#perSecond = perSecond;
    this.#now = now;
    this.#buckets = new LRUCache({ max: maxClients });
  }

  get enabled(): boolean {
    return this.#perSecond > 0;
  }

  /** Takes one token for this client; false means "answer 429". */
  allow(clientKey: string): { allowed: boolean; retryAfterSeconds: number } {
    if (!this.enabled) return { allowed: true, retryAfterSeconds: 0 };
    const now = this.#now();
    const bucket = this.#buckets.get(clientKey) ?? { tokens: this.#burst, updatedAt: now };
    bucket.tokens = Math.min(this.#burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * this.#perSecond);
    bucket.updatedAt = now;
    this.#buckets.set(clientKey, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, retryAfterSeconds: 0 };
    }
    return { allowed: false, retryAfterSeconds: Math.ceil((1 - bucket.tokens) / this.#perSecond) };
  }

  /**
   * Forgets buckets that have refilled completely: they behave exactly like a new client. Keys of earlier days
   * (ClientKeys rotates its salt daily) never come back and go the same way.
   */
  sweep(): void {
    const now = this.#now();
    const refillMs = (this.#burst / this.#perSecond) * 1000;
    const stale: string[] = [];
    for (const [key, bucket] of this.#buckets.entries()) if (now - bucket.updatedAt >= refillMs) stale.push(key);
    for (const key of stale) this.#buckets.delete(key);
  }

  get size(): number {
    return this.#buckets.size;
  }
}
