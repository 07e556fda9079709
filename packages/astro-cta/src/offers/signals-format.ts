/**
 * The behaviour signals as they sit in the visitor's localStorage: one JSON record under one key, written by the
 * recorder (signals.ts) and read before first paint by the chooser (choose.ts). Short field names because the chooser
 * has a 500-byte budget. Nothing of it is ever sent anywhere by the kit.
 */

/** The localStorage key. */
export const SIGNALS_KEY = 'ctaSignals';

/** Default lifetime of an entry (30 days): older views, cart items and purchases are forgotten. */
export const DEFAULT_EXPIRES_MS = 30 * 864e5;

/** A visit ends after 30 minutes without a page view (as the beacon's visits, and GA, Plausible, Umami). */
export const VISIT_GAP_MS = 30 * 60 * 1000;

/** Events the site dispatches on `document` (or window): `detail: { item: 'fjord-jacket' }`. */
export const CART_EVENT = 'cta:cart';
export const PURCHASE_EVENT = 'cta:purchase';

export interface SignalsRecord {
  /**
   * What the chooser reads before first paint. For an offer's condition (its `data-cta-when` JSON, as written on
   * the page): [from, until], the time window (ms since epoch) in which it holds given the signals recorded so far,
   * [0, 0] when it does not. For an experiment (its name): the arm this visitor was assigned, "" for the holdout.
   */
  m?: Record<string, [number, number] | string>;
  /** Lifetime of entries in ms (so the chooser, which runs before the recorder prunes, honours it too). */
  e?: number;
  /** Time of the last page view (ms since epoch). */
  t?: number;
  /** 1 when the current visit is a returning visitor's (an earlier visit was recorded). */
  r?: 0 | 1;
  /** When the current visit started. */
  s?: number;
  /** utm_campaign of the current visit's first page. */
  c?: string;
  /** Items viewed: id → [number of page views showing it, time of the last one]. */
  i?: Record<string, [number, number]>;
  /** Items added to the cart: id → time. */
  k?: Record<string, number>;
  /** Items purchased: id → time. */
  p?: Record<string, number>;
}

/** Durations in conditions and options: a positive whole number and a unit, m(inutes), h(ours), d(ays), w(eeks). */
export const DURATION = /^([1-9]\d*)(m|h|d|w)$/;
const UNIT_MS: Record<string, number> = { m: 6e4, h: 36e5, d: 864e5, w: 6048e5 };

/** "7d" → ms, or undefined when it is not a duration. */
export function durationMs(value: unknown): number | undefined {
  const match = typeof value === 'string' ? DURATION.exec(value) : null;
  return match ? Number(match[1]) * UNIT_MS[match[2]!]! : undefined;
}
