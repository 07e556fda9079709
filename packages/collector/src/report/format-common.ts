import { MAX_GAP_PER_PAGE_VIEW, type CtaRow, type Report } from './query.ts';

export const percent = (value: number | null, digits = 1): string => (value === null ? '–' : `${(value * 100).toFixed(digits)}%`);

export const pageLabel = (row: CtaRow): string => row.page ?? 'all pages';
export const variantLabel = (row: CtaRow): string => (row.variant === null ? 'all' : row.variant === '' ? '(none)' : row.variant);
export const intervalLabel = (row: CtaRow): string => (row.ctrLow === null ? '–' : `${percent(row.ctrLow)}–${percent(row.ctrHigh)}`);

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
  /** At most `limit` rows, most seen first. */
  rows: CtaRow[];
  /** Rows left out. */
  hidden: number;
}

/**
 * The rows worth reading first: CTAs by impressions across all pages (most first, then by name), within a CTA its
 * rows by impressions and its total last. One pass and one sort, so any number of rows is fine; `limit` may be
 * Infinity for all of them.
 */
export function topRows(rows: readonly CtaRow[], limit: number): ShownRows {
  const reach = new Map<string, number>();
  for (const row of rows) if (row.page === null) reach.set(row.cta, row.impressions);
  const ranked = rows.slice().sort(
    (a, b) =>
      (reach.get(b.cta) ?? 0) - (reach.get(a.cta) ?? 0) ||
      compareText(a.cta, b.cta) ||
      Number(a.page === null) - Number(b.page === null) ||
      b.impressions - a.impressions ||
      compareText(a.page ?? '', b.page ?? '') ||
      compareText(a.variant ?? '', b.variant ?? ''),
  );
  const shown = ranked.length > limit ? ranked.slice(0, limit) : ranked;
  return { rows: shown, hidden: ranked.length - shown.length };
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The line under a cut table or chart. */
export const moreLabel = (hidden: number): string =>
  `+ ${hidden} more row${hidden === 1 ? '' : 's'} (--limit N shows more, --all every row; JSON and CSV hold them all)`;

/** Lost events, led by what one client cannot inflate: the page views that show a gap. */
export const lostLabel = ({ pageViewsWithGaps, sequenceGaps }: Report['totals']): string =>
  `lost events in ${pageViewsWithGaps} page view${pageViewsWithGaps === 1 ? '' : 's'} ` +
  `(${sequenceGaps} sequence gaps, at most ${MAX_GAP_PER_PAGE_VIEW} counted per page view)`;
