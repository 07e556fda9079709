import type { Sink } from '../index.ts';
import { eventName, eventProps } from './props.ts';

type Plausible = (name: string, options: { props: Record<string, string | number | boolean>; interactive?: boolean }) => void;

/**
 * Plausible custom events: `plausible('cta_click', { props })`. Impressions are sent with `interactive: false`, so
 * they do not change the visit's bounce rate. Create goals named `cta_click` and `cta_impression` in Plausible.
 * When Plausible's script is missing (blocked, not loaded) the event is not sent there.
 */
export function plausible(): Sink {
  return (event) => {
    const send = (window as { plausible?: Plausible }).plausible;
    send?.(eventName(event), { props: eventProps(event), ...(event.t == 'impression' && { interactive: false }) });
  };
}
