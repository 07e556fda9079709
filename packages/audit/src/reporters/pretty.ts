import { createColors } from 'picocolors';
import type { Finding, Severity } from '../types.ts';
import { counts, plural, type AuditReport } from './report.ts';

type Colors = ReturnType<typeof createColors>;

/**
 * The terminal report: findings grouped by page (with the page's source file when known), most severe first, then
 * a summary. Colours follow picocolors' detection (NO_COLOR, FORCE_COLOR, TTY) unless `color` says otherwise.
 */
export function formatPretty(findings: readonly Finding[], pages: number, options: { baselined?: number; color?: boolean; durationMs?: number } = {}): string {
  const pc: Colors = createColors(options.color);
  const label: Record<Severity, (text: string) => string> = { error: pc.red, warning: pc.yellow, info: pc.blue };
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  const byRoute = Map.groupBy(findings, (finding) => finding.route);
  const lines: string[] = [];
  for (const [route, pageFindings] of [...byRoute].sort(([a], [b]) => a.localeCompare(b))) {
    const first = pageFindings[0]!;
    const source = first.sourceHint ? `${first.sourceHint} → ${first.file}` : first.file;
    lines.push(pc.bold(route) + pc.dim(`  (${source})`));
    for (const finding of [...pageFindings].sort((a, b) => rank[a.severity] - rank[b.severity] || (a.line ?? 0) - (b.line ?? 0))) {
      const where = finding.line ? pc.dim(`${finding.line}:${finding.column}`) + ' ' : '';
      lines.push(`  ${where}${label[finding.severity](finding.severity)} ${finding.message} ${pc.dim(finding.ruleId)}`);
      if (finding.excerpt) lines.push(pc.dim(`      ${finding.excerpt}`));
    }
  }
  lines.push(summary(findings, pages, options));
  return lines.join('\n');
}

export function summary(findings: readonly Finding[], pages: number, options: { baselined?: number; durationMs?: number } = {}): string {
  const { error, warning, info } = counts(findings);
  const known = options.baselined ? ` (${options.baselined} more known from the baseline)` : '';
  const time = options.durationMs === undefined ? '' : ` in ${Math.round(options.durationMs)} ms`;
  return `${plural(pages, 'page')} audited${time}: ${plural(error, 'error')}, ${plural(warning, 'warning')}, ${info} info${known}.`;
}

export function prettyReport(report: AuditReport, color?: boolean): string {
  return formatPretty(report.findings, report.pages, { baselined: report.baselined, durationMs: report.durationMs, ...(color === undefined ? {} : { color }) });
}
