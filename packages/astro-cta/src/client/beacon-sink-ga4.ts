// One module per sink, so a site ships only the sinks its options name.
export { ga4 } from '@astro-cta/beacon/sinks/ga4';
