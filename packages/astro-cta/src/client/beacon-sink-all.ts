// One module per sink, so a site ships only the sinks its options name.
export { sinks } from '@astro-cta/beacon/sinks/all';
