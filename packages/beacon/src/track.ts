import type { CtaEvent } from '@astro-cta/contract';
import type { NewEvent } from './index.ts';

let emit: ((event: NewEvent) => void) | undefined;

/** Called by the page bootstrap with what `startBeacon()` returned. */
export function connectTrack(report: ((event: NewEvent) => void) | undefined): void {
  emit = report;
}

/**
 * Reports a custom event (a form sent, a video played…) through the same privacy and consent gates and the same
 * collector and sinks as clicks. Does nothing while the beacon is off (privacy settings, localhost, automation).
 */
export function track(name: string, props?: CtaEvent['props']): void {
  emit?.({ t: 'custom', id: name, props });
}
