import { type AuditReport, counts } from './report.ts';

/** Machine-readable findings: the same fields as the `Finding` type, plus totals. Stable for scripts. */
export function jsonReport(report: AuditReport): string {
  return `${JSON.stringify(
    {
      tool: 'cta-audit',
      pages: report.pages,
      durationMs: Math.round(report.durationMs),
      totals: { ...counts(report.findings), baselined: report.baselined },
      findings: report.findings,
    },
    null,
    2,
  )}\n`;
}
