import type { ResolvedOptions } from './options.ts';

/**
 * The module injected on every page: it imports the beacon through astro-cta's own client entry, so it resolves
 * even where package managers do not hoist astro-cta's dependencies.
 */
export function beaconBootstrap(options: Exclude<ResolvedOptions['beacon'], false>): string {
  return `import { startBeacon } from 'astro-cta/client/beacon.ts';\nstartBeacon(${JSON.stringify({ endpoint: options.endpoint })});`;
}
