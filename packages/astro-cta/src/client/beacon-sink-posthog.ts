// One module per sink, so a site ships only the sinks its options name.
export { posthog } from '@astro-cta/beacon/sinks/posthog';
