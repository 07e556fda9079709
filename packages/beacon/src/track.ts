import type { CtaEvent } from '@astro-cta/contract';
import type { NewEvent, Queue } from './index.ts';

/**
 * Hands an event to the beacon through the global queue (TRACK_QUEUE in names.ts): the running beacon reports it at
 * once; before the page's beacon script has run (module scripts run in document order, and a component's script may
 * come first) it waits there until the beacon starts. Used by track() and trackConversion().
 */
export function send(event: NewEvent): void {
  ((self as Queue).ctaTrack ||= []).push(event);
}

/**
 * Reports a custom event (a form sent, a video played…) through the same privacy and consent gates and the same
 * collector and sinks as clicks. Does nothing while the beacon is off (privacy settings, localhost, automation):
 * the event then stays in the page's queue and is never sent.
 */
export function track(name: string, props?: CtaEvent['props']): void {
  send({ t: 'custom', id: name, props });
}
