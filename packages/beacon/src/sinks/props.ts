import { type ConversionEvent, type CtaEvent, OPEN_MODES } from '@astro-cta/contract';

/**
 * What analytics platforms receive: every event but `engaged`, which each sink skips. The platforms measure
 * engagement themselves (GA4's engaged sessions, Plausible's and Umami's engagement time), so sending ours too would
 * count it twice; it is for the collector's bounce rate.
 */
export type PlatformEvent = CtaEvent | ConversionEvent;

/** Event names on analytics platforms; custom events keep their own name, conversions are named by their goal. */
export const EVENT_NAMES = { click: 'cta_click', impression: 'cta_impression' } as const;

export function eventName(event: PlatformEvent): string {
  return event.t == 'custom' || event.t == 'conversion' ? event.id : EVENT_NAMES[event.t];
}

/**
 * The properties every platform receives: snake_case keys that GA4, PostHog, Plausible and Umami all accept.
 * Absent fields are left out rather than sent empty; a custom event's own props come last. A conversion carries
 * its goal, and its value and currency when it has them (each sink also maps them to the platform's revenue fields).
 */
export function eventProps(event: PlatformEvent): Record<string, string | number | boolean> {
  const props: Record<string, string | number | boolean> = {};
  if (event.t != 'custom' && event.t != 'conversion') props.cta_id = event.id;
  if (event.v) props.cta_variant = event.v;
  if (event.g) props.cta_goal = event.g;
  if (event.x) props.cta_experiment = event.x;
  if (event.a) props.cta_arm = event.a;
  props.page_path = event.p;
  if (event.t == 'conversion') {
    if (event.val !== undefined) props.value = event.val;
    if (event.cur) props.currency = event.cur;
  } else {
    if (event.d) props.link_url = event.d;
    // The wire's number (the beacon's bytes), by its name for the platforms, as the collector stores it.
    if (event.o !== undefined) props.open_mode = OPEN_MODES[event.o]!;
  }
  return { ...props, ...event.props };
}

/** GA4's recommended events for the goals they exist for; other goals keep their own name. */
export const GA4_RECOMMENDED: Record<string, string> = {
  signup: 'sign_up',
  'sign-up': 'sign_up',
  sign_up: 'sign_up',
  purchase: 'purchase',
  lead: 'generate_lead',
  login: 'login',
  subscribe: 'purchase',
};
