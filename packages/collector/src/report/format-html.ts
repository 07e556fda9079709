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
import type { CtaRow, Report } from './query.ts';

// Visitors' values also get their invisible characters (bidi overrides, zero-width) written out, as in the terminal.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (value: string): string => visible(value).replace(/[&<>"']/g, (char) => ENTITIES[char]!);

const CHART = { width: 760, labelWidth: 300, barHeight: 18, gap: 10, top: 28, axisWidth: 420 } as const;

/**
 * A self-contained HTML page (no script, no external request): a bar chart of CTR per row with its 95% Wilson
 * interval as a whisker, drawn in inline SVG, and the same figures as a table. Every value from the database is
 * escaped. Chart and table show the `limit` most seen rows (default DEFAULT_ROW_LIMIT; Infinity for all).
 */
export function formatHtml(
  report: Report,
  { title = 'CTA report', limit = DEFAULT_ROW_LIMIT }: { title?: string; limit?: number } = {},
): string {
  const { totals } = report;
  const { rows, hidden } = topRows(report.rows, limit);
  const more = hidden ? `<p class="more">${escapeHtml(moreLabel(hidden))}</p>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem; color: #1b1f24; max-width: 60rem; }
  table { border-collapse: collapse; margin-top: 1.5rem; }
  th, td { padding: .3rem .7rem; border-bottom: 1px solid #d0d7de; text-align: left; }
  td.n { text-align: right; font-variant-numeric: tabular-nums; }
  tr.total td { font-weight: 600; }
  .bar { fill: #2f6fde; } .whisker { stroke: #1b1f24; stroke-width: 1.5; } .axis { stroke: #8c959f; }
  svg text { font: 12px system-ui, sans-serif; fill: #1b1f24; }
  .more { color: #57606a; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>Generated ${escapeHtml(report.generatedAt)}. ${totals.events} events from ${totals.pageViews} page views:
${totals.impressions} impressions, ${totals.clicks} clicks, ${totals.customEvents} custom events;
${escapeHtml(lostLabel(totals))}.
Impressions and clicks count page views; CTR = clicks / impressions with a 95% Wilson interval.</p>
${rows.length ? chart(rows) + more : '<p>No CTA impressions or clicks yet.</p>'}
${rows.length ? table(rows) + more : ''}
</body>
</html>
`;
}

function rowLabel(row: CtaRow): string {
  return row.page === null ? `${row.cta} (all)` : `${row.cta} · ${pageLabel(row)} · ${variantLabel(row)}`;
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
    parts.push(`<g><title>${escapeHtml(`${label}: ${percent(row.ctr)} CTR, 95% CI ${intervalLabel(row)}, ${row.clicks}/${row.impressions}`)}</title>`);
    parts.push(`<text x="${labelWidth - 8}" y="${y + barHeight - 5}" text-anchor="end"${row.page === null ? ' font-weight="600"' : ''}>${escapeHtml(shown)}</text>`);
    if (row.ctr !== null) {
      parts.push(`<rect class="bar" x="${labelWidth}" y="${y}" width="${(x(row.ctr) - labelWidth).toFixed(1)}" height="${barHeight}"/>`);
      const mid = y + barHeight / 2;
      const [low, high] = [x(row.ctrLow!), x(row.ctrHigh!)].map((value) => value.toFixed(1));
      parts.push(`<line class="whisker" x1="${low}" x2="${high}" y1="${mid}" y2="${mid}"/>`);
      parts.push(`<line class="whisker" x1="${low}" x2="${low}" y1="${mid - 5}" y2="${mid + 5}"/><line class="whisker" x1="${high}" x2="${high}" y1="${mid - 5}" y2="${mid + 5}"/>`);
    }
    parts.push('</g>');
  });
  return `<svg role="img" aria-label="CTR per CTA with 95% intervals" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">\n${parts.join('\n')}\n</svg>`;
}

function table(rows: CtaRow[]): string {
  const body = rows
    .map(
      (row) =>
        `<tr${row.page === null ? ' class="total"' : ''}><td>${escapeHtml(row.cta)}</td><td>${escapeHtml(pageLabel(row))}</td><td>${escapeHtml(variantLabel(row))}</td>` +
        `<td class="n">${row.impressions}</td><td class="n">${row.clicks}</td><td class="n">${percent(row.ctr)}</td><td class="n">${intervalLabel(row)}</td></tr>`,
    )
    .join('\n');
  return `<table>\n<thead><tr><th>CTA</th><th>page</th><th>variant</th><th>impressions</th><th>clicks</th><th>CTR</th><th>95% CI</th></tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}
