// Client entries of the beacon, imported by the injected page script (src/integration/beacon.ts) and by pages.
export { startBeacon } from '@astro-cta/beacon';
