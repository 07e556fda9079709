import type { CtaEvent } from '@astro-cta/contract';
import type { NewEvent } from './index.ts';

let emit: ((event: NewEvent) => void) | undefined;
let connected = false;
// Events reported by page scripts that ran before the page bootstrap started the beacon (module scripts run in
// document order, and a component's script may come first).
const early: NewEvent[] = [];

/** Called by the page bootstrap with what `startBeacon()` returned (undefined when the beacon stays off). */
export function connectTrack(report: ((event: NewEvent) => void) | undefined): void {
  emit = report;
  connected = true;
  for (const event of early.splice(0)) emit?.(event);
}

/** Hands an event to the beacon, or keeps it until the beacon is connected. Used by track() and trackConversion(). */
export function send(event: NewEvent): void {
  if (connected) emit?.(event);
  else early.push(event);
}

/**
 * Reports a custom event (a form sent, a video played…) through the same privacy and consent gates and the same
 * collector and sinks as clicks. Does nothing while the beacon is off (privacy settings, localhost, automation).
 */
export function track(name: string, props?: CtaEvent['props']): void {
  send({ t: 'custom', id: name, props });
}
