import pc from 'picocolors';
import type { Finding, Severity } from '../types.ts';

const LABEL: Record<Severity, (text: string) => string> = {
  error: (text) => pc.red(text),
  warning: (text) => pc.yellow(text),
  info: (text) => pc.blue(text),
};

/** Groups findings by page, most severe first; one line per finding plus where it is. picocolors honours NO_COLOR. */
export function formatPretty(findings: readonly Finding[], pages: number): string {
  const byRoute = Map.groupBy(findings, (finding) => finding.route);
  const lines: string[] = [];
  for (const [route, pageFindings] of [...byRoute].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(pc.bold(route) + pc.dim(`  (${pageFindings[0]!.file})`));
    for (const finding of pageFindings) {
      const where = finding.line ? pc.dim(`${finding.line}:${finding.column}`) + ' ' : '';
      lines.push(`  ${where}${LABEL[finding.severity](finding.severity)} ${finding.message} ${pc.dim(finding.ruleId)}`);
      if (finding.excerpt) lines.push(pc.dim(`      ${finding.excerpt}`));
    }
  }
  lines.push(summary(findings, pages));
  return lines.join('\n');
}

export function summary(findings: readonly Finding[], pages: number): string {
  const count = (severity: Severity) => findings.filter((finding) => finding.severity === severity).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(pages, 'page')} audited: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info.`;
}
