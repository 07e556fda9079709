import type { AstroIntegration } from 'astro';
import { resolveOptions, type AstroCtaOptions } from './integration/options.ts';
import { runAudit } from './integration/run-audit.ts';
import { beaconBootstrap } from './integration/beacon.ts';

export type { AstroCtaOptions } from './integration/options.ts';

/** The astro-cta integration: `integrations: [astroCta()]` in astro.config. */
export default function astroCta(userOptions?: AstroCtaOptions): AstroIntegration {
  const options = resolveOptions(userOptions);
  return {
    name: 'astro-cta',
    hooks: {
      'astro:config:setup': ({ config, injectScript }) => {
        if (options.beacon) injectScript('page', beaconBootstrap(options.beacon, config.root));
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (options.audit) await runAudit(dir, options.audit, logger);
      },
    },
  };
}
