import type { DatabaseSync } from 'node:sqlite';
import { DAY_MS } from './period.ts';
import { rows as query, runSync, type Steps } from './steps.ts';

export const ATTRIBUTION_MODELS = ['last-click', 'first-click'] as const;
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];

export interface AttributionOptions {
  /** Which click in the window gets the conversion (default last-click). */
  model?: AttributionModel;
  /** How long before a conversion a click may be, in minutes (default 30). */
  windowMinutes?: number;
  /** With no click on a CTA for the conversion's goal in the window, credit a click on any CTA (default false). */
  anyGoal?: boolean;
}

export const DEFAULT_ATTRIBUTION = {
  model: 'last-click',
  windowMinutes: 30,
  anyGoal: false,
} as const satisfies Required<AttributionOptions>;

/** One conversion and the click it is credited to, if any. */
export interface Attributed {
  goal: string;
  /** UTC day of the conversion. */
  day: number;
  value: number | null;
  currency: string | null;
  /** The credited click: its CTA, page and page view; null for an unattributed conversion. */
  cta: string | null;
  page: string | null;
  pageView: string | null;
}

/** A conversion and one click that may earn it (all click columns null when none can). */
interface CandidateRow {
  conversion_page_view: string;
  conversion_seq: number;
  goal: string;
  at: number;
  value: number | null;
  currency: string | null;
  cta: string | null;
  page: string | null;
  page_view: string | null;
  click_at: number | null;
  click_seq: number | null;
  same_goal: number | boolean | null;
}

/**
 * Credits each conversion received in [fromDay, toDay) to a click stored by this collector: a click in the same
 * visit, received before the conversion (in the same page view: with a lower sequence number) and at most the
 * window earlier, on a CTA whose goal is the conversion's goal, or on any CTA when `anyGoal` is set and none has
 * that goal. The last such click, or the first with `first-click`. The attribution a client sends (`ac`, `apv`) is
 * never read, so a forged one changes nothing; a conversion without a visit or a click stays unattributed.
 * One query: each conversion joined with the clicks of its visit in the window, both found in covering indexes
 * (migration 3), then the best click picked here.
 */
export function attributeConversions(
  db: DatabaseSync,
  fromDay: number,
  toDay: number,
  options: AttributionOptions = {},
): Attributed[] {
  return runSync(db, attributionSteps(fromDay, toDay, options));
}

/** attributeConversions' query and logic, for either engine (see steps.ts). */
export function* attributionSteps(
  fromDay: number,
  toDay: number,
  options: AttributionOptions = {},
): Steps<Attributed[]> {
  const { model, windowMinutes, anyGoal } = { ...DEFAULT_ATTRIBUTION, ...options };
  const rows = yield* query<CandidateRow>(
    `SELECT c.page_view AS conversion_page_view, c.seq AS conversion_seq, c.goal, c.received_at AS at, c.value,
              c.currency, k.cta, k.page, k.page_view, k.received_at AS click_at, k.seq AS click_seq,
              k.goal = c.goal AS same_goal
       FROM events c LEFT JOIN events k
         ON k.type = 'click' AND k.visit = c.visit
        AND k.received_at >= c.received_at - ? AND k.received_at <= c.received_at
        AND (k.received_at < c.received_at OR k.page_view <> c.page_view OR k.seq < c.seq)
       WHERE c.type = 'conversion' AND c.received_at >= ? AND c.received_at < ?`,
    windowMinutes * 60_000,
    fromDay * DAY_MS,
    toDay * DAY_MS,
  );
  // The later click wins for last-click, the earlier for first-click; within one millisecond, the sequence number.
  const sign = model === 'last-click' ? 1 : -1;
  const better = (a: CandidateRow, b: CandidateRow) =>
    sign * (a.click_at! - b.click_at!) > 0 || (a.click_at === b.click_at && sign * (a.click_seq! - b.click_seq!) > 0);
  const conversions = new Map<string, { row: CandidateRow; goal?: CandidateRow; any?: CandidateRow }>();
  for (const row of rows) {
    const key = `${row.conversion_page_view}\u0000${row.conversion_seq}`;
    let entry = conversions.get(key);
    if (!entry) conversions.set(key, (entry = { row }));
    if (row.cta === null) continue;
    if (row.same_goal && (!entry.goal || better(row, entry.goal))) entry.goal = row;
    if (!entry.any || better(row, entry.any)) entry.any = row;
  }
  const result: Attributed[] = [];
  for (const { row, goal, any } of conversions.values()) {
    const click = goal ?? (anyGoal ? any : undefined);
    result.push({
      goal: row.goal,
      day: Math.floor(row.at / DAY_MS),
      value: row.value,
      currency: row.currency,
      cta: click?.cta ?? null,
      page: click?.page ?? null,
      pageView: click?.page_view ?? null,
    });
  }
  return result;
}
