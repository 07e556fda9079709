// One module per sink, so a site ships only the sinks its options name.
export { plausible } from '@astro-cta/beacon/sinks/plausible';
