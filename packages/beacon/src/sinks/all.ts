import type { Sink } from '../index.ts';

/** Several sinks at once: each gets every event; one that throws does not keep the others from theirs. */
export function sinks(...targets: Sink[]): Sink {
  return (event) => {
    for (const target of targets) {
      try {
        target(event);
      } catch (error) {
        console.error('astro-cta beacon: a sink failed', error);
      }
    }
  };
}
