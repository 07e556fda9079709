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

export { ATTRIBUTION_MODELS, type AttributionModel, attributeConversions, DEFAULT_ATTRIBUTION } from './attribution.ts';
export { ALPHA, POWER } from './experiment-stats.ts';
export {
  type ArmRow,
  type ArmTest,
  controlArm,
  EXPERIMENT_METRICS,
  type ExperimentMetric,
  type ExperimentRow,
  type MetricVerdict,
  TARGET_LIFT,
} from './experiments.ts';
export { DEFAULT_ROW_LIMIT } from './format-common.ts';
export { BUCKETS, type Bucket, parseDay } from './period.ts';
export {
  buildReport,
  buildReportFrom,
  type Comparison,
  type CtaRow,
  compare,
  MAX_GAP_PER_PAGE_VIEW,
  type PageRow,
  type Report,
  type ReportOptions,
  type Series,
  SIGNIFICANCE,
  SORT_KEYS,
  type SortKey,
} from './query.ts';
