import type { ExperimentRow } from './experiments.ts';
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
import { ARM_HEADERS, armCells, armLabel, detectableLabel, EXPERIMENT_DEFINITIONS } from './format-experiments.ts';
import type { CtaRow, Report, Series } from './query.ts';

// Visitors' values also get their invisible characters (bidi overrides, zero-width) written out, as in the terminal.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (value: string): string => visible(value).replace(/[&<>"']/g, (char) => ENTITIES[char]!);

const CHART = { width: 760, labelWidth: 300, barHeight: 18, gap: 10, top: 28, axisWidth: 420 } as const;
const SPARK = { width: 120, height: 24 } as const;

/**
 * A self-contained HTML page (no script, no external request): the funnel impressions → clicks → conversions, a bar
 * chart of CTR per row with its 95% Wilson interval as a whisker, the CTA table with a CTR sparkline per CTA (when
 * the report has a series), the landing pages with their bounce rate, and the definitions. Every chart is an SVG
 * with a text alternative, and its figures are also in a table. Every value from the database is escaped. Charts
 * and tables show the `limit` first rows (default DEFAULT_ROW_LIMIT; Infinity for all).
 */
export function formatHtml(
  report: Report,
  { title = 'CTA report', limit = DEFAULT_ROW_LIMIT }: { title?: string; limit?: number } = {},
): string {
  const { totals } = report;
  const { rows, hidden } = topRows(report.rows, limit);
  const more = hidden ? `<p class="more">${escapeHtml(moreLabel(hidden))}</p>` : '';
  const sparks = new Map((report.series?.ctas ?? []).map((cta) => [cta.cta, cta]));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem; color: #1b1f24; }
  body > p, h1, h2 { max-width: 60rem; }
  table { border-collapse: collapse; margin-top: 1rem; }
  th, td { padding: .3rem .6rem; border-bottom: 1px solid #d0d7de; text-align: left; vertical-align: middle; white-space: nowrap; }
  td.change { white-space: normal; min-width: 12rem; }
  .wide { overflow-x: auto; } .wide:focus-visible { outline: 2px solid #2f6fde; }
  td.n { text-align: right; font-variant-numeric: tabular-nums; }
  tr.cta td { font-weight: 600; } tr.page td:first-child { padding-left: 1.5rem; font-weight: 400; }
  .bar { fill: #2f6fde; } .whisker { stroke: #1b1f24; stroke-width: 1.5; } .axis { stroke: #8c959f; }
  .spark { fill: none; stroke: #2f6fde; stroke-width: 1.5; } .funnel { fill: #2f6fde; }
  svg text { font: 12px system-ui, sans-serif; fill: #1b1f24; }
  .more, .note { color: #57606a; }
  h2 { margin-top: 2.5rem; } h3 { margin-top: 1.5rem; max-width: 60rem; }
  .verdict { font-weight: 600; } .verdict.better { color: #1a7f37; } .verdict.worse { color: #a40e26; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>Generated ${escapeHtml(report.generatedAt)} for ${escapeHtml(periodLabel(report))}. ${totals.events} events from
${totals.pageViews} page views: ${totals.impressions} impressions, ${totals.clicks} clicks, ${totals.conversions} conversions
(${totals.unattributedConversions} unattributed), ${totals.customEvents} custom events; ${totals.visits} visits;
${escapeHtml(lostLabel(totals))}.</p>
<h2>Funnel</h2>
${funnel(report)}
<h2>CTR per CTA</h2>
${rows.length ? chart(rows) + more : '<p>No CTA impressions or clicks yet.</p>'}
<h2>CTAs</h2>
${rows.length ? table(rows, report, sparks) + more : '<p>No CTA impressions or clicks yet.</p>'}
<h2>Landing pages</h2>
${pages(report, limit)}
${report.series ? seriesTables(report.series, limit) : ''}
${report.experiments.length ? `<h2>Experiments and offers</h2>\n${report.experiments.map(experiment).join('\n')}` : ''}
<h2>Definitions</h2>
${[...definitions(report), ...(report.experiments.length ? EXPERIMENT_DEFINITIONS : [])]
  .map((line) => `<p class="note">${escapeHtml(line)}</p>`)
  .join('\n')}
</main>
</body>
</html>
`;
}

/** Impressions → clicks → conversions over every CTA, as bars and as a table. */
function funnel(report: Report): string {
  const ctaRows = report.rows.filter((row) => row.kind === 'cta');
  const steps: [string, number][] = [
    ['impressions', ctaRows.reduce((sum, row) => sum + row.impressions, 0)],
    ['clicks', ctaRows.reduce((sum, row) => sum + row.clicks, 0)],
    ['conversions', report.totals.attributedConversions],
  ];
  const widest = Math.max(1, steps[0]![1]);
  const label = steps.map(([name, value]) => `${value} ${name}`).join(', then ');
  const bars = steps
    .map(([name, value], index) => {
      const y = 8 + index * 30;
      const width = Math.max(1, (value / widest) * 480);
      return (
        `<text x="110" y="${y + 15}" text-anchor="end">${name}</text>` +
        `<rect class="funnel" x="120" y="${y}" width="${width.toFixed(1)}" height="20"/>` +
        `<text x="${(126 + width).toFixed(1)}" y="${y + 15}">${value}</text>`
      );
    })
    .join('\n');
  const rate = (a: number, b: number) => percent(b ? a / b : null);
  return `<svg role="img" aria-label="${escapeHtml(`Funnel: ${label}`)}" width="680" height="100" viewBox="0 0 680 100" xmlns="http://www.w3.org/2000/svg">
${bars}
</svg>
<table class="funnel-table"><thead><tr><th>step</th><th>count</th><th>of the step before</th></tr></thead><tbody>
<tr><td>impressions (page views that saw a CTA)</td><td class="n">${steps[0]![1]}</td><td class="n">–</td></tr>
<tr><td>clicks (page views that clicked it)</td><td class="n">${steps[1]![1]}</td><td class="n">${rate(steps[1]![1], steps[0]![1])}</td></tr>
<tr><td>conversions (attributed)</td><td class="n">${steps[2]![1]}</td><td class="n">${rate(steps[2]![1], steps[1]![1])}</td></tr>
</tbody></table>`;
}

function rowLabel(row: CtaRow): string {
  return row.kind === 'cta' ? `${row.cta} (${pageLabel(row)})` : `${row.cta} · ${pageLabel(row)}`;
}

function chart(rows: CtaRow[]): string {
  const { width, labelWidth, barHeight, gap, top, axisWidth } = CHART;
  // Scale to the highest interval bound so small CTRs stay readable, in 10% steps. A loop, not Math.max(...rows):
  // spreading hundreds of thousands of arguments overflows the call stack.
  let highest = 0;
  for (const row of rows) highest = Math.max(highest, row.ctrHigh ?? 0);
  const maxValue = Math.min(1, Math.max(0.1, Math.ceil(highest * 10) / 10));
  const x = (value: number) => labelWidth + (value / maxValue) * axisWidth;
  const height = top + rows.length * (barHeight + gap) + 10;
  const ticks = Array.from({ length: 6 }, (_, index) => (maxValue * index) / 5);
  const parts = ticks.map(
    (tick) =>
      `<line class="axis" x1="${x(tick)}" x2="${x(tick)}" y1="${top - 6}" y2="${height - 10}" stroke-dasharray="2 3"/>` +
      `<text x="${x(tick)}" y="${top - 10}" text-anchor="middle">${percent(tick, 0)}</text>`,
  );
  rows.forEach((row, index) => {
    const y = top + index * (barHeight + gap);
    const label = rowLabel(row);
    // Never cut a surrogate pair in half (it would show as an escaped lone surrogate).
    const shown = label.length > 44 ? `${label.slice(0, 43).replace(/[\ud800-\udbff]$/, '')}…` : label;
    const interval = intervalLabel(row.ctrLow, row.ctrHigh);
    parts.push(
      `<g><title>${escapeHtml(`${label}: ${percent(row.ctr)} CTR, 95% CI ${interval}, ${row.clicks}/${row.impressions}`)}</title>`,
    );
    parts.push(
      `<text x="${labelWidth - 8}" y="${y + barHeight - 5}" text-anchor="end"${row.kind === 'cta' ? ' font-weight="600"' : ''}>${escapeHtml(shown)}</text>`,
    );
    if (row.ctr !== null) {
      parts.push(
        `<rect class="bar" x="${labelWidth}" y="${y}" width="${(x(row.ctr) - labelWidth).toFixed(1)}" height="${barHeight}"/>`,
      );
      const mid = y + barHeight / 2;
      const [low, high] = [x(row.ctrLow!), x(row.ctrHigh!)].map((value) => value.toFixed(1));
      parts.push(`<line class="whisker" x1="${low}" x2="${high}" y1="${mid}" y2="${mid}"/>`);
      parts.push(
        `<line class="whisker" x1="${low}" x2="${low}" y1="${mid - 5}" y2="${mid + 5}"/><line class="whisker" x1="${high}" x2="${high}" y1="${mid - 5}" y2="${mid + 5}"/>`,
      );
    }
    parts.push('</g>');
  });
  return `<svg role="img" aria-label="CTR per CTA with 95% intervals (the same figures are in the table below)" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">\n${parts.join('\n')}\n</svg>`;
}

/** CTR per bucket as a line; its text alternative gives the range and the last value (the series table has all). */
export function sparkline(series: Series, cta: Series['ctas'][number]): string {
  const ctr = series.buckets.map((_, index) =>
    cta.impressions[index] ? cta.clicks[index]! / cta.impressions[index]! : null,
  );
  const known = ctr.filter((value): value is number => value !== null);
  if (known.length === 0) return '–';
  let high = 0;
  for (const value of known) high = Math.max(high, value);
  const scale = high || 1;
  const step = series.buckets.length > 1 ? SPARK.width / (series.buckets.length - 1) : 0;
  const points = ctr
    .map((value, index) =>
      value === null
        ? null
        : `${(index * step).toFixed(1)},${(SPARK.height - 2 - (value / scale) * (SPARK.height - 4)).toFixed(1)}`,
    )
    .filter(Boolean)
    .join(' ');
  let low = 1;
  for (const value of known) low = Math.min(low, value);
  const label = `CTR by ${series.by}, ${series.buckets[0]} to ${series.buckets.at(-1)}: lowest ${percent(low)}, highest ${percent(high)}, last ${percent(known.at(-1)!)}`;
  const shape =
    known.length === 1
      ? `<circle cx="${points.split(',')[0]}" cy="${points.split(',')[1]}" r="2" class="funnel"/>`
      : `<polyline class="spark" points="${points}"/>`;
  return `<svg role="img" aria-label="${escapeHtml(label)}" width="${SPARK.width}" height="${SPARK.height}" viewBox="-2 0 ${SPARK.width + 4} ${SPARK.height}" xmlns="http://www.w3.org/2000/svg">${shape}</svg>`;
}

function table(rows: CtaRow[], report: Report, sparks: Map<string, Series['ctas'][number]>): string {
  const withChange = report.previousPeriod !== null;
  const series = report.series;
  const body = rows
    .map((row) => {
      const spark = series && row.kind === 'cta' && sparks.has(row.cta) ? sparkline(series, sparks.get(row.cta)!) : '';
      const cells = [
        `<td>${escapeHtml(row.cta)}</td><td>${escapeHtml(pageLabel(row))}</td>`,
        `<td class="n">${row.impressions}</td><td class="n">${row.clicks}</td>`,
        `<td class="n">${percent(row.ctr)}</td><td class="n">${intervalLabel(row.ctrLow, row.ctrHigh)}</td>`,
        `<td class="n">${row.conversions}</td>`,
        `<td class="n">${percent(row.conversionsPerClick)}</td><td class="n">${intervalLabel(row.conversionsPerClickLow, row.conversionsPerClickHigh)}</td>`,
        `<td class="n">${percent(row.conversionsPerImpression)}</td><td class="n">${intervalLabel(row.conversionsPerImpressionLow, row.conversionsPerImpressionHigh)}</td>`,
        withChange
          ? `<td class="change">${row.kind === 'cta' ? escapeHtml(changeLabel(row.change?.ctr)) : ''}</td>`
          : '',
        series ? `<td>${spark}</td>` : '',
      ];
      return `<tr class="${row.kind}">${cells.join('')}</tr>`;
    })
    .join('\n');
  const headers = [
    'CTA',
    'page',
    'impressions',
    'clicks',
    'CTR',
    '95% CI',
    'conv.',
    'conv. / click',
    '95% CI',
    'conv. / impr.',
    '95% CI',
  ];
  if (withChange) headers.push('CTR change');
  if (series) headers.push(`CTR by ${series.by}`);
  return `<div class="wide" tabindex="0" role="region" aria-label="CTAs"><table>\n<thead><tr>${headers.map((header) => `<th>${header}</th>`).join('')}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`;
}

function pages(report: Report, limit: number): string {
  if (report.pages.length === 0) return '<p>No visits yet: visit ids come with a beacon that sends them.</p>';
  const shown = report.pages.length > limit ? report.pages.slice(0, limit) : report.pages;
  const body = shown
    .map(
      (page) =>
        `<tr><td>${escapeHtml(page.page)}</td><td class="n">${page.visits}</td><td class="n">${page.bounces}</td>` +
        `<td class="n">${percent(page.bounceRate)}</td><td class="n">${intervalLabel(page.bounceRateLow, page.bounceRateHigh)}</td></tr>`,
    )
    .join('\n');
  const more =
    report.pages.length > shown.length
      ? `<p class="more">${escapeHtml(moreLabel(report.pages.length - shown.length))}</p>`
      : '';
  return `<table>\n<thead><tr><th>landing page</th><th>visits</th><th>bounces</th><th>bounce rate</th><th>95% CI</th></tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>${more}`;
}

/** The figures behind the sparklines, per CTA shown, in a closed disclosure. */
function seriesTables(series: Series, limit: number): string {
  const ctas = series.ctas.slice(0, Math.min(series.ctas.length, limit));
  const body = ctas
    .flatMap((cta) =>
      series.buckets.map((bucket, index) => {
        const impressions = cta.impressions[index]!;
        const clicks = cta.clicks[index]!;
        return `<tr><td>${escapeHtml(cta.cta)}</td><td>${bucket}</td><td class="n">${impressions}</td><td class="n">${clicks}</td><td class="n">${percent(impressions ? clicks / impressions : null)}</td><td class="n">${cta.conversions[index]}</td></tr>`;
      }),
    )
    .join('\n');
  return `<h2>By ${series.by}</h2>\n<details><summary>The figures behind the sparklines</summary>\n<table>\n<thead><tr><th>CTA</th><th>${series.by === 'day' ? 'day' : 'week of'}</th><th>impressions</th><th>clicks</th><th>CTR</th><th>conversions</th></tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>\n</details>`;
}

/**
 * An experiment: its verdict, a chart of the deciding rate per arm (conversions per visit once there are
 * conversions, CTR until then) with 95% intervals, and every arm's figures in a table.
 */
function experiment(row: ExperimentRow): string {
  const metric = row.verdict.metric === 'ctr' ? 'ctr' : 'conversionsPerImpression';
  const name = metric === 'ctr' ? 'CTR' : 'conversions per visit';
  const { labelWidth, barHeight, gap, axisWidth } = CHART;
  const top = 24;
  let highest = 0;
  for (const arm of row.arms) highest = Math.max(highest, arm[`${metric}High`] ?? 0);
  const maxValue = Math.min(1, Math.max(0.05, Math.ceil(highest * 20) / 20));
  const x = (value: number) => labelWidth + (value / maxValue) * axisWidth;
  const height = top + row.arms.length * (barHeight + gap) + 6;
  const parts = [0, 0.5, 1].map(
    (share) =>
      `<line class="axis" x1="${x(share * maxValue)}" x2="${x(share * maxValue)}" y1="${top - 6}" y2="${height - 6}" stroke-dasharray="2 3"/>` +
      `<text x="${x(share * maxValue)}" y="${top - 10}" text-anchor="middle">${percent(share * maxValue, 1)}</text>`,
  );
  row.arms.forEach((arm, index) => {
    const y = top + index * (barHeight + gap);
    const value = arm[metric];
    const low = arm[`${metric}Low`];
    const high = arm[`${metric}High`];
    parts.push(
      `<g><title>${escapeHtml(`${armLabel(arm)}: ${percent(value)} ${name}, 95% CI ${intervalLabel(low, high)}`)}</title>`,
      `<text x="${labelWidth - 8}" y="${y + barHeight - 5}" text-anchor="end">${escapeHtml(armLabel(arm))}</text>`,
    );
    if (value !== null && low !== null && high !== null) {
      const mid = y + barHeight / 2;
      parts.push(
        `<rect class="bar" x="${labelWidth}" y="${y}" width="${(x(value) - labelWidth).toFixed(1)}" height="${barHeight}"/>`,
        `<line class="whisker" x1="${x(low).toFixed(1)}" x2="${x(high).toFixed(1)}" y1="${mid}" y2="${mid}"/>`,
      );
    }
    parts.push('</g>');
  });
  const chartSvg = `<svg role="img" aria-label="${escapeHtml(`${name} per arm of ${row.experiment} with 95% intervals (the same figures are in the table below)`)}" width="${CHART.width}" height="${height}" viewBox="0 0 ${CHART.width} ${height}" xmlns="http://www.w3.org/2000/svg">\n${parts.join('\n')}\n</svg>`;
  const body = row.arms
    .map((arm) => {
      const cells = armCells(arm).map((cell, column) => {
        const numeric = column !== 0 && !ARM_HEADERS[column]!.includes('vs control');
        return `<td${numeric ? ' class="n"' : ''}>${escapeHtml(cell)}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  return `<h3>Experiment ${escapeHtml(row.experiment)}</h3>
<p class="verdict ${row.verdict.outcome.replace(' ', '-')}">${escapeHtml(row.verdict.text)}</p>
${detectableLabel(row) ? `<p class="note">${escapeHtml(detectableLabel(row)!)}</p>` : ''}
${chartSvg}
<div class="wide" tabindex="0" role="region" aria-label="${escapeHtml(`Arms of ${row.experiment}`)}"><table>
<thead><tr>${ARM_HEADERS.map((header) => `<th>${header}</th>`).join('')}</tr></thead>
<tbody>
${body}
</tbody>
</table></div>`;
}
