import pc from 'picocolors';
import {
  DEFAULT_ROW_LIMIT,
  intervalLabel,
  lostLabel,
  moreLabel,
  pageLabel,
  percent,
  topRows,
  variantLabel,
  visible,
} from './format-common.ts';
import type { Report } from './query.ts';

const HEADERS = ['CTA', 'page', 'variant', 'impressions', 'clicks', 'CTR', '95% CI'] as const;
const NUMERIC = new Set([3, 4, 5]);

export interface TableOptions {
  color?: boolean;
  /** Rows shown, most seen first (default DEFAULT_ROW_LIMIT; Infinity for all); a line says how many are left out. */
  limit?: number;
}

/** A terminal table: one line per CTA, page and variant, each CTA's total in bold, most seen CTAs first. */
export function formatTable(
  report: Report,
  { color = pc.isColorSupported, limit = DEFAULT_ROW_LIMIT }: TableOptions = {},
): string {
  const colors = pc.createColors(color);
  const { totals } = report;
  const summary =
    `${totals.events} events from ${totals.pageViews} page views: ${totals.impressions} impressions, ${totals.clicks} clicks, ` +
    `${totals.customEvents} custom; ${lostLabel(totals)}.`;
  if (report.rows.length === 0) return `${summary}\nNo CTA impressions or clicks yet.\n`;

  const { rows, hidden } = topRows(report.rows, limit);
  const cells = rows.map((row) => [
    visible(row.cta),
    visible(pageLabel(row)),
    visible(variantLabel(row)),
    String(row.impressions),
    String(row.clicks),
    percent(row.ctr),
    intervalLabel(row),
  ]);
  // A loop, not Math.max(...cells): spreading hundreds of thousands of arguments overflows the call stack.
  const widths: number[] = HEADERS.map((header) => header.length);
  for (const values of cells) {
    values.forEach((value, column) => (widths[column] = Math.max(widths[column]!, value.length)));
  }
  const line = (values: readonly string[]) =>
    values.map((value, column) => (NUMERIC.has(column) ? value.padStart(widths[column]!) : value.padEnd(widths[column]!))).join('  ').trimEnd();
  const out = [colors.bold(line(HEADERS)), colors.dim(widths.map((width) => '─'.repeat(width)).join('  '))];
  rows.forEach((row, index) => {
    const text = line(cells[index]!);
    out.push(row.page === null ? colors.bold(text) : text);
  });
  if (hidden) out.push(colors.dim(moreLabel(hidden)));
  out.push('', colors.dim(summary), colors.dim('Impressions and clicks count page views; CTR = clicks / impressions with a 95% Wilson interval.'));
  return `${out.join('\n')}\n`;
}
