import type { Sink } from '../index.ts';
import { eventName, eventProps } from './props.ts';

type PostHog = { capture(name: string, properties: Record<string, string | number | boolean>): unknown };

/**
 * PostHog events: `posthog.capture('cta_click', properties)`; a conversion is captured under its goal's name with
 * `value` and `currency`. Skipped when posthog-js is missing.
 */
export function posthog(): Sink {
  return (event) => {
    if (event.t == 'engaged') return; // the platform measures engagement itself (PlatformEvent in props.ts)
    (window as { posthog?: PostHog }).posthog?.capture(eventName(event), eventProps(event));
  };
}
