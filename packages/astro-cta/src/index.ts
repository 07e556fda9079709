import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { resolveOptions, type AstroCtaOptions } from './integration/options.ts';
import { runAudit } from './integration/run-audit.ts';
import { beaconBootstrap } from './integration/beacon.ts';
import { ToolbarAudit, toolbarAppEntry } from './toolbar/server.ts';
import { registerMdxAutoImport } from './integration/mdx-auto-import.ts';

export type { AstroCtaOptions } from './integration/options.ts';

/** The astro-cta integration: `integrations: [astroCta()]` in astro.config. */
export default function astroCta(userOptions?: AstroCtaOptions): AstroIntegration {
  const options = resolveOptions(userOptions);
  // In `astro dev`, the toolbar app audits the current page with the same rules as the build.
  const toolbarAudit = options.audit ? new ToolbarAudit({ now: options.audit.now, requireCta: options.audit.requireCta }) : undefined;
  return {
    name: 'astro-cta',
    hooks: {
      'astro:config:setup': ({ config, injectScript, updateConfig, addDevToolbarApp, command, logger }) => {
        if (options.beacon) injectScript('page', beaconBootstrap(options.beacon, config.root));
        if (command === 'dev' && toolbarAudit) addDevToolbarApp(toolbarAppEntry);
        const warning = registerMdxAutoImport(config.markdown.processor, { root: fileURLToPath(config.root), autoImport: options.autoImport });
        if (warning) logger.warn(warning);
        // The components read this default locale at build time (see src/components/format.ts).
        if (options.locale) updateConfig({ vite: { define: { __ASTRO_CTA_LOCALE__: JSON.stringify(options.locale) } } });
      },
      'astro:config:done': ({ config }) => toolbarAudit?.useConfig(config),
      'astro:routes:resolved': ({ routes }) => toolbarAudit?.useRoutes(routes),
      'astro:server:setup': ({ toolbar, logger }) => toolbarAudit?.listen(toolbar, logger),
      'astro:build:done': async ({ dir, logger }) => {
        if (options.audit) await runAudit(dir, options.audit, logger);
      },
    },
  };
}
