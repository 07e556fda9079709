import type { Sink } from '../index.ts';
import { eventName, eventProps } from './props.ts';

type Gtag = (command: 'event', name: string, params: Record<string, string | number | boolean>) => void;

/**
 * Google Analytics 4 events through gtag.js: `gtag('event', 'cta_click', params)`. Register the parameters
 * (cta_id, cta_variant, cta_goal, open_mode) as custom dimensions to report on them. Skipped when gtag is missing.
 */
export function ga4(): Sink {
  return (event) => {
    (window as { gtag?: Gtag }).gtag?.('event', eventName(event), eventProps(event));
  };
}
