import type { Sink } from '../index.ts';
import { eventName, eventProps } from './props.ts';

type Plausible = (
  name: string,
  options: { props: Record<string, string>; interactive?: boolean; revenue?: { amount: number; currency: string } },
) => void;

/**
 * Plausible custom events: `plausible('cta_click', { props })`. Plausible's custom properties are strings, so
 * numbers and booleans are sent as text. Impressions are sent with `interactive: false`: they do not count towards
 * the bounce rate. Create goals named `cta_click` and `cta_impression` in Plausible to see them. A conversion is
 * sent under its goal's name (create that goal), with Plausible's revenue `{ amount, currency }` when it has a value.
 * When Plausible's script is missing (blocked, not loaded) the event is not sent there.
 */
export function plausible(): Sink {
  return (event) => {
    if (event.t == 'engaged') return; // the platform measures engagement itself (PlatformEvent in props.ts)
    const props = Object.fromEntries(Object.entries(eventProps(event)).map(([key, value]) => [key, String(value)]));
    const valued = event.t == 'conversion' && event.val !== undefined && event.cur;
    const revenue = valued ? { revenue: { amount: event.val!, currency: event.cur! } } : {};
    const interactive = event.t == 'impression' ? { interactive: false } : {};
    (window as { plausible?: Plausible }).plausible?.(eventName(event), { props, ...interactive, ...revenue });
  };
}
