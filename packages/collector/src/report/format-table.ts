import pc from 'picocolors';
import {
  changeLabel,
  DEFAULT_ROW_LIMIT,
  definitions,
  intervalLabel,
  lostLabel,
  moreLabel,
  pageLabel,
  percent,
  periodLabel,
  topRows,
  visible,
} from './format-common.ts';
import {
  ARM_HEADERS,
  ARM_NUMERIC,
  armCells,
  detectableLabel,
  EXPERIMENT_DEFINITIONS,
  experimentHeading,
} from './format-experiments.ts';
import type { Report } from './query.ts';

export interface TableOptions {
  color?: boolean;
  /** Rows shown per section (default DEFAULT_ROW_LIMIT; Infinity for all); a line says how many are left out. */
  limit?: number;
}

type Colors = ReturnType<typeof pc.createColors>;

/**
 * A terminal report: the CTAs (each CTA's row in bold, its per-page rows under it when it is on several pages), the
 * landing pages with their bounce rate, the series when asked for, then the totals and the definitions.
 */
export function formatTable(
  report: Report,
  { color = pc.isColorSupported, limit = DEFAULT_ROW_LIMIT }: TableOptions = {},
): string {
  const colors = pc.createColors(color);
  const { totals } = report;
  const summary =
    `${periodLabel(report)}: ${totals.events} events from ${totals.pageViews} page views: ` +
    `${totals.impressions} impressions, ` +
    `${totals.clicks} clicks, ${totals.conversions} conversions (${totals.unattributedConversions} unattributed), ` +
    `${totals.customEvents} custom; ${totals.visits} visits; ${lostLabel(totals)}.`;
  if (report.rows.length === 0 && report.pages.length === 0) {
    return `${summary}\nNo CTA impressions, clicks or visits yet.\n`;
  }
  const out: string[] = [];
  if (report.rows.length) {
    const { rows, hidden } = topRows(report.rows, limit);
    const withChange = report.previousPeriod !== null;
    const headers = ['CTA', 'page', 'impressions', 'clicks', 'CTR', '95% CI', 'conv.'];
    headers.push('conv./click', '95% CI', 'conv./impr.', '95% CI');
    if (withChange) headers.push('CTR change');
    const cells = rows.map((row) => {
      const values = [
        row.kind === 'page' ? `  ${visible(row.cta)}` : visible(row.cta),
        visible(pageLabel(row)),
        String(row.impressions),
        String(row.clicks),
        percent(row.ctr),
        intervalLabel(row.ctrLow, row.ctrHigh),
        String(row.conversions),
        percent(row.conversionsPerClick),
        intervalLabel(row.conversionsPerClickLow, row.conversionsPerClickHigh),
        percent(row.conversionsPerImpression),
        intervalLabel(row.conversionsPerImpressionLow, row.conversionsPerImpressionHigh),
      ];
      if (withChange) values.push(row.kind === 'cta' ? changeLabel(row.change?.ctr) : '');
      return values;
    });
    append(
      out,
      grid(
        colors,
        headers,
        cells,
        new Set([2, 3, 4, 6, 7, 9]),
        rows.map((row) => row.kind === 'cta'),
      ),
    );
    if (hidden) out.push(colors.dim(moreLabel(hidden)));
  } else out.push('No CTA impressions or clicks yet.');

  if (report.pages.length) {
    const { pages } = report;
    const shown = pages.length > limit ? pages.slice(0, limit) : pages;
    const cells = shown.map((page) => [
      visible(page.page),
      String(page.visits),
      String(page.bounces),
      percent(page.bounceRate),
      intervalLabel(page.bounceRateLow, page.bounceRateHigh),
    ]);
    out.push('');
    const headers = ['landing page', 'visits', 'bounces', 'bounce rate', '95% CI'];
    append(out, grid(colors, headers, cells, new Set([1, 2, 3])));
    if (pages.length > shown.length) out.push(colors.dim(moreLabel(pages.length - shown.length)));
  } else out.push('', 'No visits yet: visit ids (vi) come with a beacon that sends them.');

  if (report.series) {
    const { series } = report;
    const ctas = series.ctas.slice(0, Math.min(series.ctas.length, limit));
    const cells: string[][] = [];
    for (const cta of ctas) {
      series.buckets.forEach((bucket, index) => {
        const impressions = cta.impressions[index]!;
        const clicks = cta.clicks[index]!;
        if (impressions === 0 && cta.conversions[index] === 0) return;
        const ctr = percent(impressions ? clicks / impressions : null);
        cells.push([
          visible(cta.cta),
          bucket,
          String(impressions),
          String(clicks),
          ctr,
          String(cta.conversions[index]),
        ]);
      });
    }
    out.push('', colors.bold(`By ${series.by}`));
    const headers = ['CTA', series.by === 'day' ? 'day' : 'week of', 'impressions', 'clicks', 'CTR', 'conv.'];
    append(out, grid(colors, headers, cells, new Set([2, 3, 4, 5])));
    if (series.ctas.length > ctas.length) out.push(colors.dim(moreLabel(series.ctas.length - ctas.length)));
  }
  for (const experiment of report.experiments) {
    out.push('', colors.bold(experimentHeading(experiment)));
    const detectable = detectableLabel(experiment);
    if (detectable) out.push(colors.dim(detectable));
    append(out, grid(colors, ARM_HEADERS, experiment.arms.map(armCells), ARM_NUMERIC));
  }
  const notes = [...definitions(report), ...(report.experiments.length ? EXPERIMENT_DEFINITIONS : [])];
  out.push('', colors.dim(summary), ...notes.map((line) => colors.dim(line)));
  return `${out.join('\n')}\n`;
}

// A loop, not push(...lines): spreading hundreds of thousands of arguments overflows the call stack.
function append(out: string[], lines: string[]): void {
  for (const line of lines) out.push(line);
}

/** Aligned columns (numbers right-aligned), a rule under the header, bold lines where `bold` says so. */
function grid(
  colors: Colors,
  headers: readonly string[],
  cells: string[][],
  numeric: Set<number>,
  bold: boolean[] = [],
): string[] {
  // A loop, not Math.max(...cells): spreading hundreds of thousands of arguments overflows the call stack.
  const widths: number[] = headers.map((header) => header.length);
  for (const values of cells) {
    values.forEach((value, column) => (widths[column] = Math.max(widths[column]!, value.length)));
  }
  const line = (values: readonly string[]) =>
    values
      .map((value, column) => (numeric.has(column) ? value.padStart(widths[column]!) : value.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  const out = [colors.bold(line(headers)), colors.dim(widths.map((width) => '─'.repeat(width)).join('  '))];
  cells.forEach((values, index) => out.push(bold[index] ? colors.bold(line(values)) : line(values)));
  return out;
}
