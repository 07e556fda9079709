/**
 * The wire format between the beacon and a collector. Keys are short because every byte of the beacon counts;
 * the collector validates each field. A request body is a JSON array of events sent as `text/plain`
 * (no CORS preflight).
 */

/** Every event type a collector accepts. */
export const EVENT_TYPES = ['click', 'impression', 'custom', 'conversion', 'engaged'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * How a click opened its destination: plain, with a modifier key, with the middle button, or in a new tab. On the
 * wire (`o`) each is its number, its index in this table (0 plain, 1 modifier, 2 middle, 3 new-tab): a number costs
 * the beacon fewer bytes than a name. The collector maps the numbers back, so its database, report, exports and
 * the analytics sinks show the names.
 */
export const OPEN_MODES = ['plain', 'modifier', 'middle', 'new-tab'] as const;
export type OpenMode = (typeof OPEN_MODES)[number];
/** An open mode's number on the wire: its index in OPEN_MODES. */
export type OpenModeCode = 0 | 1 | 2 | 3;

/** A click, an impression or a custom event: what the beacon's core sends. */
export interface CtaEvent {
  /** Event type. */
  t: Exclude<EventType, 'conversion' | 'engaged'>;
  /** CTA id (`data-cta`), or the custom event's name for `custom`. */
  id: string;
  /** Page path (`location.pathname`). */
  p: string;
  /** Page-view id: random per page view, so the receiver can group and de-duplicate. */
  pv: string;
  /** Sequence number within the page view, from 0: gaps reveal lost events. */
  s: number;
  /**
   * Tab id: random, kept in `sessionStorage` (per tab, first party, gone when the tab closes), with the same
   * characters and length limit as `pv`. The collector splits a tab's events into visits after 30 minutes without
   * events, which group page views for conversions and bounce rate. (`v` is the variant, so the visit is `vi`.)
   */
  vi?: string;
  /** Variant (`data-cta-variant`). */
  v?: string;
  /** Goal (`data-cta-goal`). */
  g?: string;
  /** Experiment name (`data-cta-experiment`) of a CTA taking part in one. */
  x?: string;
  /** Arm of that experiment (`data-cta-arm`); only together with `x`. */
  a?: string;
  /** Destination of a click: by default its origin and path (no query, no fragment), or the scheme alone (`mailto:`). */
  d?: string;
  /** Open mode of a click, as its number in OPEN_MODES (0 plain, 1 modifier, 2 middle, 3 new-tab). */
  o?: OpenModeCode;
  /** Custom properties of a `custom` event. */
  props?: Record<string, string | number | boolean>;
}

/** A goal reached (`<Conversion goal="signup">` or `trackConversion`). */
export interface ConversionEvent extends Omit<CtaEvent, 't' | 'g' | 'd' | 'o'> {
  t: 'conversion';
  /** The goal reached, e.g. `signup` (what `data-cta-goal` names on the CTAs that lead to it). `id` repeats it. */
  g: string;
  /** Its value, a finite number >= 0, in `cur`. */
  val?: number;
  /** Required with `val`: ISO 4217 currency code in capitals, e.g. `EUR`. */
  cur?: string;
  /**
   * The CTA (`ac`) and page view (`apv`) the client believes led to the conversion. Stored as sent, never trusted:
   * the collector's report attributes conversions from the clicks it stored, so a forged claim changes nothing.
   */
  ac?: string;
  apv?: string;
}

/** The `id` of an engagement event: the signal it stands for, a page view visible for 10 s in total. */
export const ENGAGED_SIGNAL = '10s';

/**
 * A page view that has been visible (`document.visibilityState`) for 10 s in total, paused while hidden: sent once
 * per page view. A visit with one is no bounce. Carries nothing but the page view's own fields.
 */
export interface EngagedEvent extends Pick<CtaEvent, 'p' | 'pv' | 's' | 'vi'> {
  t: 'engaged';
  id: typeof ENGAGED_SIGNAL;
}

/** Any event on the wire. */
export type WireEvent = CtaEvent | ConversionEvent | EngagedEvent;
