import { formatCsv } from './format-csv.ts';
import { formatHtml } from './format-html.ts';
import { formatJson } from './format-json.ts';
import { formatTable } from './format-table.ts';
import type { Report } from './query.ts';

export const REPORT_FORMATS = ['table', 'json', 'csv', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function formatReport(report: Report, format: ReportFormat, { color = false }: { color?: boolean } = {}): string {
  switch (format) {
    case 'table':
      return formatTable(report, { color });
    case 'json':
      return formatJson(report);
    case 'csv':
      return formatCsv(report);
    case 'html':
      return formatHtml(report);
  }
}

export { buildReport, type CtaRow, type Report } from './query.ts';
export { wilsonInterval, Z_95, type Interval } from './wilson.ts';
