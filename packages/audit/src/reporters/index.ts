import type { ReportFormat } from '../config.ts';
import { githubReport } from './github.ts';
import { htmlReport } from './html.ts';
import { jsonReport } from './json.ts';
import { prettyReport } from './pretty.ts';
import type { AuditReport } from './report.ts';
import { sarifReport } from './sarif.ts';

export type { AuditReport } from './report.ts';

/** Formats a run for `--format` or a report file. Files never get colours. */
export function formatReport(format: ReportFormat, report: AuditReport, options: { color?: boolean } = {}): string {
  switch (format) {
    case 'pretty':
      return `${prettyReport(report, options.color)}\n`;
    case 'json':
      return jsonReport(report);
    case 'sarif':
      return sarifReport(report);
    case 'html':
      return htmlReport(report);
    case 'github':
      return githubReport(report);
  }
}
