// One module per sink, so a site ships only the sinks its options name.
export { umami } from '@astro-cta/beacon/sinks/umami';
