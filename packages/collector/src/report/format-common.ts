import { type Comparison, type CtaRow, MAX_GAP_PER_PAGE_VIEW, type Report } from './query.ts';

export const percent = (value: number | null, digits = 1): string =>
  value === null ? '–' : `${(value * 100).toFixed(digits)}%`;

/** The page cell: the path, or how many pages a CTA seen on several is on (its per-page rows follow). */
export const pageLabel = (row: CtaRow): string => row.page ?? `${row.pages} pages`;
/** A 95% interval as "low–high", or "–" without trials. */
export const intervalLabel = (low: number | null, high: number | null): string =>
  low === null || high === null ? '–' : `${percent(low)}–${percent(high)}`;
/** A change between periods: the difference in percentage points and its p-value, or that it is noise. */
export function changeLabel(comparison: Comparison | undefined): string {
  if (!comparison || comparison.verdict === 'no data' || comparison.difference === null) return '–';
  const points = `${comparison.difference >= 0 ? '+' : '−'}${Math.abs(comparison.difference * 100).toFixed(1)} pp`;
  const p = comparison.p! < 0.001 ? 'p<0.001' : `p=${comparison.p!.toFixed(3)}`;
  return comparison.verdict === 'noise' ? `${points}, not distinguishable from noise (${p})` : `${points} (${p})`;
}
/** The definitions every human-readable format prints under its figures. */
export function definitions(report: Report): string[] {
  const { attribution } = report;
  const goal = attribution.anyGoal ? "with the conversion's goal, else on any CTA" : "with the conversion's goal";
  return [
    'Impressions and clicks count page views; CTR = clicks / impressions. Intervals are 95% Wilson intervals.',
    `Conversions are credited to the ${attribution.model === 'last-click' ? 'last' : 'first'} click ` +
      `on a CTA ${goal}, in the same visit, at most ${attribution.windowMinutes} min earlier; ` +
      'conversion rates count clicked page views that earned one, per click and per impression. ' +
      'What a client claims as attribution is not used.',
    'Bounce: a visit that viewed one page, clicked no CTA, converted nothing and was never engaged (no page view ' +
      'visible for 10 s in total, time counted only while the tab was visible). GA4 calls a session engaged after ' +
      '10 s in the foreground, 2 page views or a key event; this is its opposite, with a CTA click as acting too. ' +
      'Visits that sent no event (no CTA seen, gone within 10 s) are not seen, so bounce rates lean low.',
    ...(report.previousPeriod
      ? [
          `Change: against ${report.previousPeriod.since} to ${report.previousPeriod.until}, ` +
            'a two-proportion z-test; p >= 0.05 is "not distinguishable from noise".',
        ]
      : []),
  ];
}
// Characters that change how the rest of a line reads without being seen: control characters (escape sequences),
// bidi embeddings, overrides, isolates and marks (a right-to-left override shows "gpj.exe" as "exe.jpg"), zero-width
// characters and joiners, line and paragraph separators, and lone surrogates (stored before the collector refused
// them). The collector refuses control characters and lone surrogates, but older databases may hold them.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const escapeChar = (char: string) => `\\u{${char.charCodeAt(0).toString(16).padStart(4, '0')}}`;

/** A value from visitors' browsers as it may be shown to a person: every invisible character written as \u{…}. */
export function visible(value: string): string {
  const shown = value.replace(INVISIBLE, escapeChar);
  return shown.isWellFormed() ? shown : shown.replace(LONE_SURROGATE, escapeChar);
}

/** Rows the table and the HTML report show unless told otherwise; JSON and CSV always hold every row. */
export const DEFAULT_ROW_LIMIT = 50;

export interface ShownRows {
  /** At most `limit` rows, in the report's order. */
  rows: CtaRow[];
  /** Rows left out. */
  hidden: number;
}

/** The first `limit` rows of the report (already in the order asked for); `limit` may be Infinity for all of them. */
export function topRows(rows: readonly CtaRow[], limit: number): ShownRows {
  const shown = rows.length > limit ? rows.slice(0, limit) : rows.slice();
  return { rows: shown, hidden: rows.length - shown.length };
}

/** A period as people read it. */
export function periodLabel({ period }: Report): string {
  if (!period.since && !period.until) return 'all time';
  return `${period.since ?? 'the start'} to ${period.until ?? 'now'}`;
}

/** The line under a cut table or chart. */
export const moreLabel = (hidden: number): string =>
  `+ ${hidden} more row${hidden === 1 ? '' : 's'} (--limit N shows more, --all every row; JSON and CSV hold them all)`;

/** Lost events, led by what one client cannot inflate: the page views that show a gap. */
export const lostLabel = ({ pageViewsWithGaps, sequenceGaps }: Report['totals']): string =>
  `lost events in ${pageViewsWithGaps} page view${pageViewsWithGaps === 1 ? '' : 's'} ` +
  `(${sequenceGaps} sequence gaps, at most ${MAX_GAP_PER_PAGE_VIEW} counted per page view)`;
