// Client entry for the injected page script; see src/integration/beacon.ts.
export { startBeacon } from '@astro-cta/beacon';
