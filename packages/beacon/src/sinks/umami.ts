import type { Sink } from '../index.ts';
import { eventName, eventProps } from './props.ts';

type Umami = { track(name: string, data: Record<string, string | number | boolean>): unknown };

/** Umami custom events: `umami.track('cta_click', data)`. Skipped when Umami's script is missing. */
export function umami(): Sink {
  return (event) => {
    (window as { umami?: Umami }).umami?.track(eventName(event), eventProps(event));
  };
}
