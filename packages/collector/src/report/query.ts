import type { DatabaseSync } from 'node:sqlite';
import { wilsonInterval } from './wilson.ts';

export interface CtaRow {
  cta: string;
  /** Page path, or null in a CTA's total across pages. */
  page: string | null;
  /** Variant ('' when the CTA has none), or null in a CTA's total across variants. */
  variant: string | null;
  /** Page views in which the CTA was seen (an impression event, or a click: a click implies an impression). */
  impressions: number;
  /** Page views in which the CTA was clicked at least once. */
  clicks: number;
  /** Click events, including repeated clicks in one page view (e.g. opening several tabs). */
  clickEvents: number;
  /** clicks / impressions, or null without impressions. */
  ctr: number | null;
  /** 95% Wilson score interval of the CTR. */
  ctrLow: number | null;
  ctrHigh: number | null;
}

/**
 * The most lost events one page view can account for in `sequenceGaps`. Sequence numbers come from the client, so a
 * page view claiming s = 1,000,000 would otherwise add a million "lost events" with one request; an honest beacon
 * loses at most a batch or two of a page view's events.
 */
export const MAX_GAP_PER_PAGE_VIEW = 10;

export interface Report {
  generatedAt: string;
  totals: {
    events: number;
    pageViews: number;
    clicks: number;
    impressions: number;
    customEvents: number;
    /** Page views with a gap in their sequence numbers: each costs a client one event, so it cannot be inflated. */
    pageViewsWithGaps: number;
    /** Missing sequence numbers, at most MAX_GAP_PER_PAGE_VIEW counted per page view. */
    sequenceGaps: number;
  };
  /** One row per CTA, page and variant, then one total row per CTA (page and variant null), sorted by CTA. */
  rows: CtaRow[];
}

interface CountRow {
  cta: string;
  page: string | null;
  variant: string | null;
  impressions: number;
  clicks: number;
  click_events: number;
}

/**
 * Counts per page view, not per event: each (page view, CTA, page, variant) is one trial that succeeded if it was
 * clicked. That makes CTR a true proportion (never above 100%, even with repeated clicks or a lost impression),
 * which is what the Wilson interval assumes.
 */
export function buildReport(db: DatabaseSync, now = new Date()): Report {
  const detail = db
    .prepare(
      `SELECT cta, page, variant, COUNT(*) AS impressions, SUM(clicked) AS clicks, SUM(click_events) AS click_events
       FROM cta_exposures GROUP BY cta, page, variant`,
    )
    .all() as unknown as CountRow[];
  const perCta = db
    .prepare(
      `SELECT cta, NULL AS page, NULL AS variant, COUNT(*) AS impressions, SUM(clicked) AS clicks, SUM(click_events) AS click_events
       FROM (SELECT cta, page_view, MAX(clicked) AS clicked, SUM(click_events) AS click_events
             FROM cta_exposures GROUP BY cta, page_view)
       GROUP BY cta`,
    )
    .all() as unknown as CountRow[];
  const rows = detail.concat(perCta).map(toRow).sort(compareRows);

  const totals = db
    .prepare(
      `SELECT COUNT(*) AS events, COUNT(DISTINCT page_view) AS pageViews,
              COALESCE(SUM(type = 'click'), 0) AS clicks, COALESCE(SUM(type = 'impression'), 0) AS impressions,
              COALESCE(SUM(type = 'custom'), 0) AS customEvents
       FROM events`,
    )
    .get() as unknown as Omit<Report['totals'], 'sequenceGaps' | 'pageViewsWithGaps'>;
  // Sequence numbers start at 0 in every page view, so a missing number below the highest one received is a lost
  // event (events lost after the last one received cannot be seen). Each page view's claim is capped.
  const gaps = db
    .prepare(
      `SELECT COALESCE(SUM(missing > 0), 0) AS pageViewsWithGaps, COALESCE(SUM(MIN(missing, ?)), 0) AS sequenceGaps
       FROM (SELECT MAX(seq) + 1 - COUNT(*) AS missing FROM events GROUP BY page_view)`,
    )
    .get(MAX_GAP_PER_PAGE_VIEW) as Pick<Report['totals'], 'sequenceGaps' | 'pageViewsWithGaps'>;
  return { generatedAt: now.toISOString(), totals: { ...totals, ...gaps }, rows };
}

function toRow({ cta, page, variant, impressions, clicks, click_events }: CountRow): CtaRow {
  const interval = wilsonInterval(clicks, impressions);
  return {
    cta,
    page,
    variant,
    impressions,
    clicks,
    clickEvents: click_events,
    ctr: impressions ? clicks / impressions : null,
    ctrLow: interval?.low ?? null,
    ctrHigh: interval?.high ?? null,
  };
}

// A CTA's detail rows (by page, then variant), followed by its total.
function compareRows(a: CtaRow, b: CtaRow): number {
  if (a.cta !== b.cta) return a.cta < b.cta ? -1 : 1;
  if ((a.page === null) !== (b.page === null)) return a.page === null ? 1 : -1;
  if (a.page !== b.page) return (a.page ?? '') < (b.page ?? '') ? -1 : 1;
  return (a.variant ?? '') < (b.variant ?? '') ? -1 : (a.variant ?? '') > (b.variant ?? '') ? 1 : 0;
}
