import type { CtaEvent } from '@astro-cta/contract';

/** Event names on analytics platforms; custom events keep their own name. */
export const EVENT_NAMES = { click: 'cta_click', impression: 'cta_impression' } as const;

export function eventName(event: CtaEvent): string {
  return event.t == 'custom' ? event.id : EVENT_NAMES[event.t];
}

/**
 * The properties every platform receives: snake_case keys that GA4, PostHog, Plausible and Umami all accept.
 * Absent fields are left out rather than sent empty; a custom event's own props come last.
 */
export function eventProps(event: CtaEvent): Record<string, string | number | boolean> {
  const props: Record<string, string | number | boolean> = {};
  if (event.t != 'custom') props.cta_id = event.id;
  if (event.v) props.cta_variant = event.v;
  if (event.g) props.cta_goal = event.g;
  props.page_path = event.p;
  if (event.d) props.link_url = event.d;
  if (event.o) props.open_mode = event.o;
  return { ...props, ...event.props };
}
