import { DEFAULT_ROW_LIMIT } from './format-common.ts';
import { formatCsv } from './format-csv.ts';
import { formatHtml } from './format-html.ts';
import { formatJson } from './format-json.ts';
import { formatTable } from './format-table.ts';
import type { Report } from './query.ts';

export const REPORT_FORMATS = ['table', 'json', 'csv', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface FormatOptions {
  /** Terminal colours in the table. */
  color?: boolean;
  /** Rows the table and the HTML report show, most seen first (default DEFAULT_ROW_LIMIT; Infinity for all). */
  limit?: number;
}

export function formatReport(
  report: Report,
  format: ReportFormat,
  { color = false, limit = DEFAULT_ROW_LIMIT }: FormatOptions = {},
): string {
  switch (format) {
    case 'table':
      return formatTable(report, { color, limit });
    case 'json':
      return formatJson(report);
    case 'csv':
      return formatCsv(report);
    case 'html':
      return formatHtml(report, { limit });
  }
}

export { DEFAULT_ROW_LIMIT } from './format-common.ts';
export {
  buildReport,
  compare,
  MAX_GAP_PER_PAGE_VIEW,
  SIGNIFICANCE,
  SORT_KEYS,
  type Comparison,
  type CtaRow,
  type PageRow,
  type Report,
  type ReportOptions,
  type Series,
  type SortKey,
} from './query.ts';
export { attributeConversions, ATTRIBUTION_MODELS, DEFAULT_ATTRIBUTION, type AttributionModel } from './attribution.ts';
export { BUCKETS, parseDay, type Bucket } from './period.ts';
export { twoProportionZTest } from './z-test.ts';
export { wilsonInterval, Z_95, type Interval } from './wilson.ts';
