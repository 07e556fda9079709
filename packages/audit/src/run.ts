import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { applyBaseline, readBaseline, writeBaseline } from './baseline.ts';
import type { ResolvedAuditConfig } from './config.ts';
import { type AuditReport, formatReport } from './reporters/index.ts';
import { auditDirectory, type SiteAuditOptions } from './site.ts';
import type { Finding } from './types.ts';
import { judge, type Verdict } from './verdict.ts';

export interface RunAuditOptions
  extends Pick<
    SiteAuditOptions,
    'sourceFor' | 'sources' | 'onDemandRoutes' | 'ignoredRules' | 'onProgress' | 'rendered' | 'workers'
  > {
  /** Relative baseline and report paths resolve from here (the project root or the CLI's working directory). */
  cwd?: string;
  /** Record this run's findings as the new baseline instead of comparing with it. */
  updateBaseline?: boolean;
}

export interface RunAuditResult {
  report: AuditReport;
  /** Every finding, including those the baseline knows. */
  all: Finding[];
  verdict: Verdict;
  /** Files written: report files and, with `updateBaseline`, the baseline. */
  written: string[];
  /** Pages audited while `astro build` rendered them (see `RenderedPages`), out of `report.pages`. */
  auditedWhileRendering: number;
}

/**
 * One audit run as the CLI and the integration do it: audit the directory with the configured rules, set the
 * baseline's known findings aside (or record a new baseline), write report files, and judge the result.
 */
export async function runConfiguredAudit(
  dir: string,
  config: ResolvedAuditConfig,
  options: RunAuditOptions = {},
): Promise<RunAuditResult> {
  const cwd = options.cwd ?? process.cwd();
  const result = await auditDirectory(dir, {
    rules: config.rules,
    ...(config.now ? { now: config.now } : {}),
    ...(config.requireCta ? { requireCta: config.requireCta } : {}),
    ...(options.sourceFor ? { sourceFor: options.sourceFor } : {}),
    ...(options.sources ? { sources: options.sources } : {}),
    ...(options.onDemandRoutes ? { onDemandRoutes: options.onDemandRoutes } : {}),
    ...(options.ignoredRules ? { ignoredRules: options.ignoredRules } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.rendered ? { rendered: options.rendered } : {}),
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
  });
  const written: string[] = [];
  const baselineFile = config.baseline ? path.resolve(cwd, config.baseline) : undefined;
  let fresh = result.findings;
  let known: Finding[] = [];
  if (baselineFile && options.updateBaseline) {
    await writeBaseline(baselineFile, result.findings);
    written.push(baselineFile);
    [fresh, known] = [
      result.findings.filter((finding) => finding.ruleId === 'audit-error'),
      result.findings.filter((finding) => finding.ruleId !== 'audit-error'),
    ];
  } else if (baselineFile) {
    ({ fresh, known } = applyBaseline(result.findings, await readBaseline(baselineFile)));
  }
  const report: AuditReport = {
    findings: fresh,
    baselined: known.length,
    pages: result.pages,
    durationMs: result.durationMs,
    rules: config.rules.map((rule) => rule.meta),
    dir,
    // Source files are named from the project root: SARIF's SRCROOT.
    ...(options.sources ? { root: options.sources.root } : {}),
  };
  for (const { format, file } of config.reports) {
    const target = path.resolve(cwd, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, formatReport(format, report, { color: false }));
    written.push(target);
  }
  return {
    report,
    all: result.findings,
    verdict: judge(fresh, config),
    written,
    auditedWhileRendering: result.auditedWhileRendering,
  };
}
