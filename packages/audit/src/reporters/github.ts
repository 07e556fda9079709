import type { Finding } from '../types.ts';
import { locationOf, type AuditReport } from './report.ts';

const COMMAND: Record<Finding['severity'], string> = { error: 'error', warning: 'warning', info: 'notice' };

/** GitHub's workflow commands escape these in data and in properties (actions/toolkit, command.ts). */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One annotation per finding (`::warning file=…,line=…,col=…,title=…::message`), shown on the pull request's
 * diff. The line is the built file's; with a source hint the annotation points at the source file without a line.
 */
export function githubReport(report: AuditReport): string {
  const lines = report.findings.map((finding) => {
    const properties = [`file=${escapeProperty(locationOf(finding))}`];
    if (!finding.sourceHint && finding.line) properties.push(`line=${finding.line}`, `col=${finding.column}`);
    properties.push(`title=${escapeProperty(`${finding.ruleId} (${finding.route})`)}`);
    return `::${COMMAND[finding.severity]} ${properties.join(',')}::${escapeData(`${finding.message} ${finding.helpUrl}`)}`;
  });
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
