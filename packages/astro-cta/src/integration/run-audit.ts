import { fileURLToPath } from 'node:url';
import {
  formatPretty,
  type RenderedPages,
  type ResolvedAuditConfig,
  runConfiguredAudit,
  summary,
} from '@astro-cta/audit';
import type { AstroIntegrationLogger } from 'astro';
import type { AuditSources } from './audit-sources.ts';

const FAILED_HINT =
  'Fix the findings above, raise `audit.maxWarnings`, record them in a baseline (`audit.baseline`), or set `audit.failOn: "never"`.';

/** Thrown from `astro:build:done` when findings exceed the configured `failOn` / `maxWarnings`. */
export class CtaAuditFailed extends Error {
  override name = 'CtaAuditFailed';
  readonly hint = FAILED_HINT;
}

/**
 * Offers and experiments that cannot work as written (a condition on an item no page marks, one name for two
 * experiments, a broken wrapper) fail the build whatever `failOn` says: the offer would silently never show, or the
 * report would mix two experiments. The components catch what one page shows; these need the whole site.
 */
const BREAKS_THE_BUILD = new Set(['offer-unknown-item', 'experiment-duplicate-name', 'choice-invalid']);

/** Set `ASTRO_CTA_AUDIT=off` to skip the audit for one build (e.g. a quick preview deploy). */
export function auditSkipped(env: NodeJS.ProcessEnv = process.env): boolean {
  return /^(?:off|false|0|skip)$/i.test(env.ASTRO_CTA_AUDIT ?? '');
}

/**
 * Audits the built site after `astro build` and reports through Astro's logger. A failure of our own is logged,
 * never a failed build; only findings over the user's `failOn` / `maxWarnings` fail it.
 */
export async function runAudit(
  dir: URL,
  config: ResolvedAuditConfig,
  logger: AstroIntegrationLogger,
  context: { root: URL; sources?: AuditSources; rendered?: RenderedPages },
): Promise<void> {
  const root = fileURLToPath(context.root);
  let result: Awaited<ReturnType<typeof runConfiguredAudit>>;
  try {
    const sources = context.sources;
    result = await runConfiguredAudit(fileURLToPath(dir), config, {
      cwd: root,
      ...(context.rendered ? { rendered: context.rendered } : {}),
      ...(sources
        ? {
            sourceFor: (route: string, file: string) => sources.sourceFor(route, file),
            sources: sources.folders,
            onDemandRoutes: sources.onDemandRoutes,
            ignoredRules: (route: string, file: string) => sources.ignoredRules(route, file),
          }
        : {}),
    });
  } catch (error) {
    logger.error(
      `The CTA audit could not run (${error instanceof Error ? error.message : String(error)}). Your build is fine; if this is not about your configuration, it is a bug in astro-cta: please report it.`,
    );
    return;
  }
  const { report, verdict, written } = result;
  // What the audit cost after Astro finished: most pages are audited on a worker thread while they render.
  logger.info(
    `CTA audit: ${formatSeconds(report.durationMs)} after the build (audited during rendering: ${result.auditedWhileRendering} of ${report.pages} ${report.pages === 1 ? 'page' : 'pages'}).`,
  );
  if (report.findings.length > 0)
    logger.warn(
      `CTA audit found problems:\n${formatPretty(report.findings, report.pages, { baselined: report.baselined })}`,
    );
  else logger.info(summary(report.findings, report.pages, { baselined: report.baselined }));
  for (const file of written) logger.info(`CTA audit report written to ${file}`);
  if (verdict.failed) {
    throw new CtaAuditFailed(`CTA audit failed the build: ${verdict.reason}. ${FAILED_HINT}`);
  }
  const broken = report.findings.filter((finding) => BREAKS_THE_BUILD.has(finding.ruleId));
  if (broken.length > 0) {
    const where = broken.map((finding) => {
      const place = finding.source
        ? `${finding.source.file}:${finding.source.line}`
        : (finding.sourceHint ?? finding.file);
      return `${place} (${finding.ruleId}): ${finding.message}`;
    });
    throw new CtaAuditFailed(
      `CTA audit failed the build: ${broken.length} offer or experiment${broken.length === 1 ? '' : 's'} cannot work as written:\n${where.join('\n')}`,
    );
  }
}

function formatSeconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
