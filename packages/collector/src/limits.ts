/**
 * Bounds on what one request may carry. A real beacon batch is a few hundred bytes (one click, or the impressions
 * of one page view), so these leave room for honest traffic while capping what a hostile client can make us parse
 * and store.
 */
export const LIMITS = {
  /** Request body in bytes; larger bodies get 413 before they are parsed. */
  maxBodyBytes: 16 * 1024,
  /** Events in one request. */
  maxEventsPerBatch: 200,
  /** CTA id, custom event name, variant, goal. */
  maxNameLength: 128,
  /** Page path. */
  maxPathLength: 1024,
  /** Click destination URL. */
  maxUrlLength: 2048,
  /** Page-view id (the beacon makes ~10 random base-36 characters). */
  maxPageViewLength: 64,
  /** A conversion's value (in its currency): large enough for any order, small enough to sum without losing cents. */
  maxConversionValue: 1_000_000_000,
  /** Sequence number within a page view. */
  maxSequence: 1_000_000,
  /** Custom properties per event, and the length of each key and string value. */
  maxProps: 20,
  maxPropKeyLength: 64,
  maxPropValueLength: 256,
} as const;
