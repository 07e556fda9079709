import type { Report } from './query.ts';

const COLUMNS = ['cta', 'page', 'variant', 'impressions', 'clicks', 'click_events', 'ctr', 'ctr_low', 'ctr_high'] as const;

/**
 * RFC 4180 CSV, one line per row of the report (a CTA's total has empty page and variant). Ids and paths come
 * from visitors' browsers, so a text cell that a spreadsheet would run as a formula (=, +, -, @) is prefixed
 * with an apostrophe.
 */
export function formatCsv(report: Report): string {
  const lines = [COLUMNS.join(',')];
  for (const row of report.rows) {
    lines.push(
      [
        text(row.cta),
        text(row.page ?? ''),
        text(row.variant ?? ''),
        row.impressions,
        row.clicks,
        row.clickEvents,
        number(row.ctr),
        number(row.ctrLow),
        number(row.ctrHigh),
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

function text(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n']/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function number(value: number | null): string {
  return value === null ? '' : value.toFixed(6);
}
