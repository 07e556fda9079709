import type { AstroIntegration } from 'astro';
import { resolveOptions, type AstroCtaOptions } from './integration/options.ts';
import { resolveAuditConfig } from '@astro-cta/audit';
import { auditSkipped, runAudit } from './integration/run-audit.ts';
import { AuditSources } from './integration/audit-sources.ts';
import { beaconBootstrap } from './integration/beacon.ts';

export type { AstroCtaOptions } from './integration/options.ts';

/** The astro-cta integration: `integrations: [astroCta()]` in astro.config. */
export default function astroCta(userOptions?: AstroCtaOptions): AstroIntegration {
  const options = resolveOptions(userOptions);
  // Validated here so that a bad rule id fails `astro build` at once, naming the field.
  const audit = options.audit ? resolveAuditConfig(options.audit, { where: 'audit.', defaultFailOn: 'never' }) : undefined;
  let sources: AuditSources | undefined;
  let root: URL | undefined;
  return {
    name: 'astro-cta',
    hooks: {
      'astro:config:setup': ({ config, injectScript }) => {
        if (options.beacon) injectScript('page', beaconBootstrap(options.beacon));
        if (audit) {
          root = config.root;
          sources = new AuditSources(config.root, config.srcDir);
        }
      },
      'astro:routes:resolved': ({ routes }) => {
        sources?.recordRoutes(routes);
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        if (!audit || auditSkipped()) return;
        sources?.recordBuild(dir, assets);
        await runAudit(dir, audit, logger, { root: root ?? dir, ...(sources ? { sources } : {}) });
      },
    },
  };
}
