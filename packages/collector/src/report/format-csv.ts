import type { Report } from './query.ts';

const COLUMNS = ['cta', 'page', 'variant', 'impressions', 'clicks', 'click_events', 'ctr', 'ctr_low', 'ctr_high'] as const;

// Spreadsheets split CSV on the list separator of the reader's locale: "," in English, ";" where "," is the decimal
// mark (most of Europe), tab when pasted or saved as "text", "|" in some importers. A cell holding any of them (or a
// quote or line break) is quoted, so it stays one cell whichever separator is used.
const NEEDS_QUOTES = /[,;\t|"'\r\n]/;
// A piece of a cell that starts with = + - @ (after spaces) runs as a formula. Quoting keeps a cell whole, but an
// importer told to ignore quotes splits it anyway, so every piece that could start a cell is defused with an
// apostrophe, which spreadsheets read as "text".
const FORMULA_START = /(^|[,;\t|\r\n])([ \u00a0]*)(?=[=+\-@\uff1d\uff0b\uff0d\uff20])/g;

/**
 * RFC 4180 CSV, one line per row of the report (a CTA's total has empty page and variant), every row of the report.
 * Ids and paths come from visitors' browsers, so text cells are defused and quoted as described above.
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
  const safe = value.replace(FORMULA_START, "$1$2'");
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function number(value: number | null): string {
  return value === null ? '' : value.toFixed(6);
}
