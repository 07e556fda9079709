// `import { track } from 'astro-cta/client/beacon-track.ts'` reports a custom event from any page script.
export { track } from '@astro-cta/beacon/track';
