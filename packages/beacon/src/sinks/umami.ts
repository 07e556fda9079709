import type { Sink } from '../index.ts';
import { eventName, eventProps } from './props.ts';

type Umami = { track(name: string, data: Record<string, string | number | boolean>): unknown };

/**
 * Umami custom events: `umami.track('cta_click', data)`. A conversion is an event named by its goal whose data
 * holds `revenue` and `currency` when it has a value (Umami's revenue report reads those two). Skipped when Umami's
 * script is missing.
 */
export function umami(): Sink {
  return (event) => {
    if (event.t == 'engaged') return; // the platform measures engagement itself (PlatformEvent in props.ts)
    const data = eventProps(event);
    if (event.t == 'conversion' && event.val !== undefined) data.revenue = event.val;
    (window as { umami?: Umami }).umami?.track(eventName(event), data);
  };
}
