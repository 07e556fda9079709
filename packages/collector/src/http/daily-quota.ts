import { LRUCache } from 'lru-cache';
import type { Quota } from './limits.ts';
import { DEFAULT_MAX_CLIENTS } from './rate-limit.ts';

export interface DailyQuotaOptions {
  /** Events one client may have stored per UTC day; 0 for no limit. */
  eventsPerDay: number;
  /** CTA ids the collector has not seen before that one client may introduce per UTC day; 0 for no limit. */
  newCtasPerDay: number;
  /** Clients tracked at once (least recently seen forgotten first). */
  maxClients?: number;
  /** CTA ids remembered as known (least recently used forgotten first; a forgotten id just counts as new again). */
  maxKnownCtas?: number;
  now?: () => number;
}

export const DEFAULT_DAILY_QUOTA = { eventsPerDay: 10_000, newCtasPerDay: 500 } as const;
const DEFAULT_MAX_KNOWN_CTAS = 50_000;
const DAY_MS = 24 * 60 * 60 * 1000;

interface Usage {
  events: number;
  newCtas: number;
  /** Limits already reported for this client today: the log gets one line per client, limit and day. */
  reported: Set<'events' | 'new-ctas'>;
}

export interface QuotaGranted {
  allowed: true;
  /** Call once the write settled, with the events it stored (undefined if it failed): only those stay charged. */
  settle: (stored: number | undefined) => void | Promise<void>;
}

export interface QuotaRefused {
  allowed: false;
  limit: 'events' | 'new-ctas';
  /** Names the limit and its option, for the 429 body and the log. */
  error: string;
  /** Seconds until 00:00 UTC, when the limits start afresh. */
  retryAfterSeconds: number;
  /** The first refusal of this client for this limit today (log it; later ones are not). */
  firstTime: boolean;
}

export type QuotaDecision = QuotaGranted | QuotaRefused;

/**
 * What one client may add to the database in a UTC day, on top of the per-second rate limit: a number of events
 * (bounds database growth: one address within the rate limit could otherwise store hundreds of MB an hour) and a
 * number of CTA ids new to the collector (bounds report cardinality: one address once inserted 150,000 distinct ids
 * in a minute). Known ids are free, so a visitor is charged at most for the ids of the site they browse, and only the
 * first time they are seen. A request over either limit is refused whole (429), never half stored.
 *
 * Usage is kept in memory per daily client key (ClientKeys: no IP), in LRU caches, and starts afresh every UTC day
 * and when the collector restarts.
 */
export class DailyQuota implements Quota {
  readonly #eventsPerDay: number;
  readonly #newCtasPerDay: number;
  readonly #now: () => number;
  readonly #usage: LRUCache<string, Usage>;
  readonly #known: LRUCache<string, true>;
  #day = -1;

  constructor({
    eventsPerDay,
    newCtasPerDay,
    maxClients = DEFAULT_MAX_CLIENTS,
    maxKnownCtas = DEFAULT_MAX_KNOWN_CTAS,
    now = Date.now,
  }: DailyQuotaOptions) {
    this.#eventsPerDay = eventsPerDay;
    this.#newCtasPerDay = newCtasPerDay;
    this.#now = now;
    this.#usage = new LRUCache({ max: maxClients });
    this.#known = new LRUCache({ max: maxKnownCtas });
  }

  /** Reserves a batch's events and new CTA ids for this client, or says which daily limit it would pass. */
  take(clientKey: string, ctaIds: readonly string[]): QuotaDecision {
    const now = this.#now();
    const day = Math.floor(now / DAY_MS);
    if (day !== this.#day) {
      this.#usage.clear();
      this.#day = day;
    }
    const usage = this.#usage.get(clientKey) ?? { events: 0, newCtas: 0, reported: new Set() };
    this.#usage.set(clientKey, usage);
    const retryAfterSeconds = Math.ceil(((day + 1) * DAY_MS - now) / 1000);
    if (this.#eventsPerDay > 0 && usage.events + ctaIds.length > this.#eventsPerDay) {
      return {
        allowed: false,
        limit: 'events',
        retryAfterSeconds,
        firstTime: firstTime(usage, 'events'),
        error:
          `this client reached its daily limit of ${this.#eventsPerDay} events (--max-events-per-day): ` +
          'try again after 00:00 UTC',
      };
    }
    const fresh = this.#newCtasPerDay > 0 ? [...new Set(ctaIds)].filter((id) => this.#known.get(id) === undefined) : [];
    if (usage.newCtas + fresh.length > this.#newCtasPerDay && this.#newCtasPerDay > 0) {
      return {
        allowed: false,
        limit: 'new-ctas',
        retryAfterSeconds,
        firstTime: firstTime(usage, 'new-ctas'),
        error:
          `this client reached its daily limit of ${this.#newCtasPerDay} new CTA ids (--max-new-ctas-per-day): ` +
          'events for CTA ids the collector already knows are still accepted; new ones after 00:00 UTC',
      };
    }
    usage.events += ctaIds.length;
    usage.newCtas += fresh.length;
    const thisDay = this.#day;
    return {
      allowed: true,
      settle: (stored) => {
        // Retries (duplicates) and failed writes are not charged; a day that has passed is not touched.
        if (thisDay === this.#day) usage.events -= ctaIds.length - (stored ?? 0);
        if (stored === undefined) usage.newCtas -= fresh.length;
        else for (const id of fresh) this.#known.set(id, true);
      },
    };
  }

  get clients(): number {
    return this.#usage.size;
  }
}

function firstTime(usage: Usage, limit: 'events' | 'new-ctas'): boolean {
  if (usage.reported.has(limit)) return false;
  usage.reported.add(limit);
  return true;
}
