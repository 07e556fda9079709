import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { resolveOptions, type AstroCtaOptions } from './integration/options.ts';
import { runAudit } from './integration/run-audit.ts';
import { beaconBootstrap } from './integration/beacon.ts';
import { registerMdxAutoImport } from './integration/mdx-auto-import.ts';

export type { AstroCtaOptions } from './integration/options.ts';

/** The astro-cta integration: `integrations: [astroCta()]` in astro.config. */
export default function astroCta(userOptions?: AstroCtaOptions): AstroIntegration {
  const options = resolveOptions(userOptions);
  return {
    name: 'astro-cta',
    hooks: {
      'astro:config:setup': ({ config, injectScript, updateConfig, logger }) => {
        if (options.beacon) injectScript('page', beaconBootstrap(options.beacon));
        const warning = registerMdxAutoImport(config.markdown.processor, { root: fileURLToPath(config.root), autoImport: options.autoImport });
        if (warning) logger.warn(warning);
        // The components read this default locale at build time (see src/components/format.ts).
        if (options.locale) updateConfig({ vite: { define: { __ASTRO_CTA_LOCALE__: JSON.stringify(options.locale) } } });
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (options.audit) await runAudit(dir, options.audit, logger);
      },
    },
  };
}
