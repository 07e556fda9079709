import { ClientKeys } from './client-key.ts';

export interface RateLimitOptions {
  /** Requests a client may make in a burst. */
  burst: number;
  /** Requests per second a client regains, up to `burst`. 0 disables rate limiting. */
  perSecond: number;
  now?: () => number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * A token bucket per client, keyed by the daily salted hash of its IP (never the IP). A beacon sends about one
 * request per click plus one per page view for impressions, so the default (burst 60, 10 per second) never touches
 * a person, while a flood from one address gets 429s.
 */
export class RateLimiter {
  readonly #burst: number;
  readonly #perSecond: number;
  readonly #now: () => number;
  readonly #keys: ClientKeys;
  readonly #buckets = new Map<string, Bucket>();
  #day: number;

  constructor({ burst, perSecond, now = Date.now }: RateLimitOptions) {
    this.#burst = burst;
    this.#perSecond = perSecond;
    this.#now = now;
    this.#keys = new ClientKeys({ now });
    this.#day = this.#keys.day;
  }

  get enabled(): boolean {
    return this.#perSecond > 0;
  }

  /** Takes one token for this client; false means "answer 429". */
  allow(ip: string): { allowed: boolean; retryAfterSeconds: number } {
    if (!this.enabled) return { allowed: true, retryAfterSeconds: 0 };
    const now = this.#now();
    if (this.#keys.day !== this.#day) {
      // The salt rotated: yesterday's keys can never match again.
      this.#buckets.clear();
      this.#day = this.#keys.day;
    }
    const key = this.#keys.keyFor(ip);
    const bucket = this.#buckets.get(key) ?? { tokens: this.#burst, updatedAt: now };
    bucket.tokens = Math.min(this.#burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * this.#perSecond);
    bucket.updatedAt = now;
    this.#buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, retryAfterSeconds: 0 };
    }
    return { allowed: false, retryAfterSeconds: Math.ceil((1 - bucket.tokens) / this.#perSecond) };
  }

  /** Forgets buckets that have refilled completely: they behave exactly like a new client. Bounds memory. */
  sweep(): void {
    const now = this.#now();
    const refillMs = (this.#burst / this.#perSecond) * 1000;
    for (const [key, bucket] of this.#buckets) if (now - bucket.updatedAt >= refillMs) this.#buckets.delete(key);
  }

  get size(): number {
    return this.#buckets.size;
  }
}
