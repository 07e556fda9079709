import type { Sink } from '../index.ts';
import { eventName, eventProps, GA4_RECOMMENDED } from './props.ts';

type Gtag = (command: 'event', name: string, params: Record<string, string | number | boolean>) => void;

/**
 * Google Analytics 4 events through gtag.js: `gtag('event', 'cta_click', params)`. Register the parameters
 * (cta_id, cta_variant, cta_goal, open_mode) as custom dimensions to report on them. A conversion is sent as GA4's
 * recommended event where one exists (`signup` → `sign_up`, `purchase`, `lead` → `generate_lead`, `login`), else
 * under its goal's name, with `value` and `currency` (GA4's own parameters); mark it as a key event in GA4.
 * Skipped when gtag is missing.
 */
export function ga4(): Sink {
  return (event) => {
    if (event.t == 'engaged') return; // the platform measures engagement itself (PlatformEvent in props.ts)
    const name = event.t == 'conversion' ? (GA4_RECOMMENDED[event.g] ?? event.g) : eventName(event);
    (window as { gtag?: Gtag }).gtag?.('event', name, eventProps(event));
  };
}
