/**
 * The wire format between the beacon and a collector. Keys are short because every byte of the beacon counts;
 * the collector validates each field. A request body is a JSON array of events sent as `text/plain`
 * (no CORS preflight).
 */

export const EVENT_TYPES = ['click', 'impression', 'custom'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** How a click opened its destination: plain, with a modifier key, with the middle button, or in a new tab. */
export const OPEN_MODES = ['plain', 'modifier', 'middle', 'new-tab'] as const;
export type OpenMode = (typeof OPEN_MODES)[number];

export interface CtaEvent {
  /** Event type. */
  t: EventType;
  /** CTA id (`data-cta`), or the custom event's name for `custom`. */
  id: string;
  /** Page path (`location.pathname`). */
  p: string;
  /** Page-view id: random per page view, so the receiver can group and de-duplicate. */
  pv: string;
  /** Sequence number within the page view, from 0: gaps reveal lost events. */
  s: number;
  /** Variant (`data-cta-variant`). */
  v?: string;
  /** Goal (`data-cta-goal`). */
  g?: string;
  /** Destination of a click: by default its origin and path (no query, no fragment), or the scheme alone (`mailto:`). */
  d?: string;
  /** Open mode of a click. */
  o?: OpenMode;
  /** Custom properties of a `custom` event. */
  props?: Record<string, string | number | boolean>;
}
