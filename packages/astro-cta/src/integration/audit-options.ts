import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AuditConfigInput } from '@astro-cta/audit';

/**
 * `audit` in the integration's options is the audit's own configuration schema, the same one the CLI reads from
 * `cta-audit.config.json`, so both accept exactly the same fields with the same error messages.
 */
export { type AuditConfigInput as AuditOptions, auditConfigSchema as auditOptionsSchema } from '@astro-cta/audit';

/** Where the options are recorded for `cta-audit`, relative to the project root (the CLI's INTEGRATION_CONFIG_FILE). */
export const RECORDED_OPTIONS = '.astro/astro-cta-audit.json';

/**
 * Records the audit options of this project's astro.config, and its routes that have no built page, in
 * `.astro/astro-cta-audit.json`, where `cta-audit` run in the project finds them: the CLI and the build then audit with the same options, without the CLI loading
 * astro.config (and with it Vite and every integration). Returns a warning when the file cannot be written: the
 * build goes on, the CLI then says it used its defaults.
 */
export function recordAuditOptions(
  root: URL,
  audit: AuditConfigInput,
  onDemandRoutes?: readonly string[],
): string | undefined {
  const folder = new URL('.astro/', root);
  try {
    mkdirSync(folder, { recursive: true });
    const note = 'Written by astro-cta for cta-audit; rewritten on every astro build and astro dev.';
    // Routes with no built page (from astro:routes:resolved): cta-audit does not call links to them dead.
    const recorded = { note, root: fileURLToPath(root), audit, ...(onDemandRoutes ? { onDemandRoutes } : {}) };
    writeFileSync(new URL('astro-cta-audit.json', folder), `${JSON.stringify(recorded, null, 2)}\n`);
    return undefined;
  } catch (error) {
    return (
      `astro-cta could not record its audit options for cta-audit in ${RECORDED_OPTIONS} (${(error as Error).message}); ` +
      'cta-audit will use its defaults unless it finds a cta-audit.config.json.'
    );
  }
}
