import type { Finding, RuleMeta } from '../types.ts';

/** What every reporter formats: one audit run, after the baseline was applied. */
export interface AuditReport {
  /** Findings that count (not in the baseline), in page order. */
  findings: readonly Finding[];
  /** How many findings the baseline already knew (not shown, only counted). */
  baselined: number;
  pages: number;
  durationMs: number;
  /** The rules that ran, for SARIF's rule table and the HTML report's legend. */
  rules: readonly RuleMeta[];
  /** The audited directory as given, for the reports' header. */
  dir?: string;
  /** The project root that source paths are relative to (SARIF's SRCROOT); default: the working directory. */
  root?: string;
}

/** Plural with the count: `plural(1, 'page')` → "1 page". */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function counts(findings: readonly Finding[]): Record<Finding['severity'], number> {
  const result = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) result[finding.severity]++;
  return result;
}
