import pc from 'picocolors';
import { intervalLabel, pageLabel, percent, variantLabel } from './format-common.ts';
import type { Report } from './query.ts';

const HEADERS = ['CTA', 'page', 'variant', 'impressions', 'clicks', 'CTR', '95% CI'] as const;
const NUMERIC = new Set([3, 4, 5]);

/** A terminal table: one line per CTA, page and variant, each CTA's total in bold. */
export function formatTable(report: Report, { color = pc.isColorSupported }: { color?: boolean } = {}): string {
  const colors = pc.createColors(color);
  const { totals } = report;
  const summary =
    `${totals.events} events from ${totals.pageViews} page views: ${totals.impressions} impressions, ${totals.clicks} clicks, ` +
    `${totals.customEvents} custom; ${totals.sequenceGaps} lost (sequence gaps).`;
  if (report.rows.length === 0) return `${summary}\nNo CTA impressions or clicks yet.\n`;

  const cells = report.rows.map((row) => [
    row.cta,
    pageLabel(row),
    variantLabel(row),
    String(row.impressions),
    String(row.clicks),
    percent(row.ctr),
    intervalLabel(row),
  ]);
  const widths = HEADERS.map((header, column) => Math.max(header.length, ...cells.map((line) => line[column]!.length)));
  const line = (values: readonly string[]) =>
    values.map((value, column) => (NUMERIC.has(column) ? value.padStart(widths[column]!) : value.padEnd(widths[column]!))).join('  ').trimEnd();
  const out = [colors.bold(line(HEADERS)), colors.dim(widths.map((width) => '─'.repeat(width)).join('  '))];
  report.rows.forEach((row, index) => {
    const text = line(cells[index]!);
    out.push(row.page === null ? colors.bold(text) : text);
  });
  out.push('', colors.dim(summary), colors.dim('Impressions and clicks count page views; CTR = clicks / impressions with a 95% Wilson interval.'));
  return `${out.join('\n')}\n`;
}
