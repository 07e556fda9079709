import { fileURLToPath } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { auditDirectory, formatPretty } from '@astro-cta/audit';
import type { ResolvedOptions } from './options.ts';

/**
 * Audits the built site after `astro build`. Any failure of our own turns into a message, never a failed build.
 */
export async function runAudit(dir: URL, options: Exclude<ResolvedOptions['audit'], false>, logger: AstroIntegrationLogger): Promise<void> {
  try {
    const result = await auditDirectory(fileURLToPath(dir), { now: options.now, requireCta: options.requireCta });
    const report = formatPretty(result.findings, result.pages);
    if (result.findings.length > 0) logger.warn(`CTA audit found problems:\n${report}`);
    else logger.info(report);
  } catch (error) {
    logger.error(`The CTA audit could not run (${error instanceof Error ? error.message : String(error)}). Your build is fine; this is a bug in astro-cta: please report it.`);
  }
}
