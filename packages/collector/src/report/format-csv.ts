import type { Report } from './query.ts';

const COLUMNS = [
  'kind',
  'cta',
  'page',
  'bucket',
  'impressions',
  'clicks',
  'click_events',
  'ctr',
  'ctr_low',
  'ctr_high',
  'conversions',
  'converted_clicks',
  'conv_per_click',
  'conv_per_click_low',
  'conv_per_click_high',
  'conv_per_impression',
  'conv_per_impression_low',
  'conv_per_impression_high',
  'ctr_change',
  'ctr_change_p',
  'ctr_change_verdict',
  'visits',
  'bounces',
  'bounce_rate',
  'bounce_rate_low',
  'bounce_rate_high',
  'experiment',
  'arm',
  'control',
  'ctr_vs_control',
  'ctr_vs_control_p',
  'conv_per_impression_vs_control',
  'conv_per_impression_vs_control_p',
  'conv_per_click_vs_control',
  'conv_per_click_vs_control_p',
  'verdict',
  'detectable_lift',
] as const;
type Column = (typeof COLUMNS)[number];

// Spreadsheets split CSV on the list separator of the reader's locale: "," in English, ";" where "," is the decimal
// mark (most of Europe), tab when pasted or saved as "text", "|" in some importers. A cell holding any of them (or a
// quote or line break) is quoted, so it stays one cell whichever separator is used.
const NEEDS_QUOTES = /[,;\t|"'\r\n]/;
// A piece of a cell that starts with = + - @ (after spaces) runs as a formula. Quoting keeps a cell whole, but an
// importer told to ignore quotes splits it anyway, so every piece that could start a cell is defused with an
// apostrophe, which spreadsheets read as "text".
const FORMULA_START = /(^|[,;\t|\r\n])([ \u00a0]*)(?=[=+\-@\uff1d\uff0b\uff0d\uff20])/g;

/**
 * RFC 4180 CSV holding the whole report, one table: `kind` says what a line is — `cta` (a CTA across its pages),
 * `page` (a CTA on one of several pages), `landing-page` (visits and bounces), `series` (a CTA in one bucket of
 * --by) or `experiment-arm` (an arm of an experiment or offer: visits, clicked and converted visits in the
 * visits/clicks/converted_clicks columns, its tests against the control with Holm-adjusted p-values, and the
 * experiment's verdict). Columns that do not apply to a kind are empty. Ids and paths come from visitors' browsers, so text cells are
 * defused and quoted as described above.
 */
export function formatCsv(report: Report): string {
  const lines = [COLUMNS.join(',')];
  const line = (cells: Partial<Record<Column, string | number | null>>) =>
    lines.push(
      COLUMNS.map((column) => {
        const value = cells[column];
        return value === undefined || value === null ? '' : typeof value === 'number' ? number(value) : text(value);
      }).join(','),
    );
  for (const row of report.rows) {
    line({
      kind: row.kind,
      cta: row.cta,
      page: row.page ?? '',
      impressions: count(row.impressions),
      clicks: count(row.clicks),
      click_events: count(row.clickEvents),
      ctr: row.ctr,
      ctr_low: row.ctrLow,
      ctr_high: row.ctrHigh,
      conversions: count(row.conversions),
      converted_clicks: count(row.convertedClicks),
      conv_per_click: row.conversionsPerClick,
      conv_per_click_low: row.conversionsPerClickLow,
      conv_per_click_high: row.conversionsPerClickHigh,
      conv_per_impression: row.conversionsPerImpression,
      conv_per_impression_low: row.conversionsPerImpressionLow,
      conv_per_impression_high: row.conversionsPerImpressionHigh,
      ctr_change: row.change?.ctr.difference ?? null,
      ctr_change_p: row.change?.ctr.p ?? null,
      ctr_change_verdict: row.change ? row.change.ctr.verdict : null,
    });
  }
  for (const page of report.pages) {
    line({
      kind: 'landing-page',
      page: page.page,
      visits: count(page.visits),
      bounces: count(page.bounces),
      bounce_rate: page.bounceRate,
      bounce_rate_low: page.bounceRateLow,
      bounce_rate_high: page.bounceRateHigh,
    });
  }
  for (const cta of report.series?.ctas ?? []) {
    report.series!.buckets.forEach((bucket, index) => {
      const impressions = cta.impressions[index]!;
      const clicks = cta.clicks[index]!;
      line({
        kind: 'series',
        cta: cta.cta,
        bucket,
        impressions: count(impressions),
        clicks: count(clicks),
        ctr: impressions ? clicks / impressions : null,
        conversions: count(cta.conversions[index]!),
      });
    });
  }
  for (const experiment of report.experiments) {
    for (const arm of experiment.arms) {
      const test = arm.vsControl;
      line({
        kind: 'experiment-arm',
        experiment: experiment.experiment,
        arm: arm.arm ?? '',
        control: arm.control ? 'yes' : 'no',
        visits: count(arm.visits),
        clicks: count(arm.clicks),
        ctr: arm.ctr,
        ctr_low: arm.ctrLow,
        ctr_high: arm.ctrHigh,
        conversions: count(arm.conversions),
        converted_clicks: count(arm.convertedVisits),
        conv_per_click: arm.conversionsPerClick,
        conv_per_click_low: arm.conversionsPerClickLow,
        conv_per_click_high: arm.conversionsPerClickHigh,
        conv_per_impression: arm.conversionsPerImpression,
        conv_per_impression_low: arm.conversionsPerImpressionLow,
        conv_per_impression_high: arm.conversionsPerImpressionHigh,
        ctr_vs_control: test?.ctr?.difference ?? null,
        ctr_vs_control_p: test?.ctr?.adjustedP ?? null,
        conv_per_impression_vs_control: test?.conversionsPerImpression?.difference ?? null,
        conv_per_impression_vs_control_p: test?.conversionsPerImpression?.adjustedP ?? null,
        conv_per_click_vs_control: test?.conversionsPerClick?.difference ?? null,
        conv_per_click_vs_control_p: test?.conversionsPerClick?.adjustedP ?? null,
        verdict: experiment.verdict.text,
        detectable_lift: experiment.verdict.detectableLift,
      });
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

// Counts are written as integers; rates with six decimals.
const count = (value: number): string => String(value);

function text(value: string): string {
  const safe = value.replace(FORMULA_START, "$1$2'");
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function number(value: number | null): string {
  return value === null ? '' : value.toFixed(6);
}

/** One CSV cell, defused and quoted as the report's are (used by cta-collect export too). */
export { text as csvCell };
