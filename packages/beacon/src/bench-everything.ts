// Bundle entry for scripts/bench-beacon.mjs: every beacon module at once, the most a site can ship.
export { consentGate, ctaConsent } from './consent.ts';
export { trackConversion } from './conversion.ts';
export { startBeacon } from './index.ts';
export { sinks } from './sinks/all.ts';
export { ga4 } from './sinks/ga4.ts';
export { plausible } from './sinks/plausible.ts';
export { posthog } from './sinks/posthog.ts';
export { umami } from './sinks/umami.ts';
export { track } from './track.ts';
