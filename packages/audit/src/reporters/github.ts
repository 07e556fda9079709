import type { Finding } from '../types.ts';
import { printable } from './printable.ts';
import type { AuditReport } from './report.ts';

const COMMAND: Record<Finding['severity'], string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * GitHub's workflow commands escape these in data and in properties (actions/toolkit, command.ts): a CR or LF
 * left raw would end the annotation and let the rest of a file name run as a command of its own. Other control
 * characters are shown escaped: the log viewer would interpret them.
 */
export function escapeData(text: string): string {
  return printable(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Where an annotation points: the source file when known (with a line only if that is known too), else the built file. */
function annotated(finding: Finding): { file: string; line?: number | undefined; column?: number | undefined } {
  if (finding.source) return finding.source;
  if (finding.sourceHint) return { file: finding.sourceHint };
  return { file: finding.file, line: finding.line, column: finding.column };
}

/**
 * One annotation per finding (`::warning file=…,line=…,col=…,title=…::message`), shown on the pull request's
 * diff. A line and column are only given with the file they belong to: never a built file's line on a source file.
 */
export function githubReport(report: AuditReport): string {
  const lines = report.findings.map((finding) => {
    const where = annotated(finding);
    const properties = [`file=${escapeProperty(where.file)}`];
    if (where.line) properties.push(`line=${where.line}`, ...(where.column ? [`col=${where.column}`] : []));
    properties.push(`title=${escapeProperty(`${finding.ruleId} (${finding.route})`)}`);
    return `::${COMMAND[finding.severity]} ${properties.join(',')}::${escapeData(`${finding.message} ${finding.helpUrl}`)}`;
  });
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
