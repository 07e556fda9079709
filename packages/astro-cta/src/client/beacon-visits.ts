// The visit id (sessionStorage, after the consent gate), imported by the injected page script.
export { visits } from '@astro-cta/beacon/visits';
