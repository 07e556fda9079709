import type { DatabaseSync } from 'node:sqlite';
import { twoProportionZTest, wilsonInterval } from '@astro-cta/stats';
import {
  type Attributed,
  type AttributionModel,
  type AttributionOptions,
  attributionSteps,
  DEFAULT_ATTRIBUTION,
} from './attribution.ts';
import { type ExperimentRow, experimentRows } from './experiments.ts';
import { type Bucket, bucketStart, DAY_MS, type DayRange, dayLabel } from './period.ts';
import { type QueryRunner, rows as query, runAsync, runSync, type Steps } from './steps.ts';

/**
 * The most lost events one page view can account for in `sequenceGaps`. Sequence numbers come from the client, so a
 * page view claiming s = 1,000,000 would otherwise add a million "lost events" with one request; an honest beacon
 * loses at most a batch or two of a page view's events.
 */
export const MAX_GAP_PER_PAGE_VIEW = 10;

/** A p-value at or above this is reported as "not distinguishable from noise". */
export const SIGNIFICANCE = 0.05;

/** What a change between the previous period and this one amounts to. */
export type Verdict = 'higher' | 'lower' | 'noise' | 'no data';

export interface Comparison {
  previous: number | null;
  current: number | null;
  /** current − previous, in proportion points (0.01 = one percentage point). */
  difference: number | null;
  /** Two-proportion z-test of the two periods (pooled, two-sided); null without trials in one of them. */
  z: number | null;
  p: number | null;
  verdict: Verdict;
}

export interface Change {
  previous: { impressions: number; clicks: number; convertedClicks: number };
  ctr: Comparison;
  conversionsPerImpression: Comparison;
}

export interface CtaRow {
  /** A CTA's row (across its pages), or one of its per-page rows, which exist only where it is on several pages. */
  kind: 'cta' | 'page';
  cta: string;
  /** Page path; null in the row of a CTA seen on several pages. */
  page: string | null;
  /** Pages the CTA was seen on in the period. */
  pages: number;
  /** Page views in which the CTA was seen (an impression event, or a click: a click implies an impression). */
  impressions: number;
  /** Page views in which the CTA was clicked at least once. */
  clicks: number;
  /** Click events, including repeated clicks in one page view (e.g. opening several tabs). */
  clickEvents: number;
  /** clicks / impressions with its 95% Wilson interval; null without impressions. */
  ctr: number | null;
  ctrLow: number | null;
  ctrHigh: number | null;
  /** Conversions credited to this CTA (see attribution). */
  conversions: number;
  /** Clicked page views that at least one conversion was credited to: the numerator of both conversion rates. */
  convertedClicks: number;
  /** convertedClicks / clicks, with its 95% Wilson interval. */
  conversionsPerClick: number | null;
  conversionsPerClickLow: number | null;
  conversionsPerClickHigh: number | null;
  /** convertedClicks / impressions, with its 95% Wilson interval. */
  conversionsPerImpression: number | null;
  conversionsPerImpressionLow: number | null;
  conversionsPerImpressionHigh: number | null;
  /** Sum of the credited conversions' values, per currency. */
  value: Record<string, number>;
  /** Against the previous period of the same length; only on a CTA's row, and only with a start date (--since). */
  change: Change | null;
}

/** Visits by the page they started on (their landing page). */
export interface PageRow {
  page: string;
  visits: number;
  /** Visits that viewed one page, clicked no CTA, converted nothing and were never engaged (10 s visible). */
  bounces: number;
  bounceRate: number | null;
  bounceRateLow: number | null;
  bounceRateHigh: number | null;
}

export interface Series {
  by: Bucket;
  /** First day of each bucket, YYYY-MM-DD, oldest first, every bucket of the period that holds any data. */
  buckets: string[];
  /** One entry per CTA, in the order of `rows`; each array is aligned with `buckets`. */
  ctas: { cta: string; impressions: number[]; clicks: number[]; conversions: number[] }[];
}

export const SORT_KEYS = [
  'impressions',
  'clicks',
  'ctr',
  'conversions',
  'conversions-per-click',
  'conversions-per-impression',
  'cta',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface ReportOptions extends AttributionOptions {
  /** First UTC day counted (day number, see period.ts); default: everything stored. */
  since?: number;
  /** First UTC day no longer counted (exclusive); default: everything up to now. */
  until?: number;
  /** Also report a series per CTA by day or ISO week. */
  by?: Bucket;
  /** Order of the CTAs (default impressions); numbers from high to low, `cta` alphabetically. */
  sort?: SortKey;
}

export interface Report {
  generatedAt: string;
  /** The first and last days counted (both included), YYYY-MM-DD UTC; null when open. */
  period: { since: string | null; until: string | null };
  /** The days the changes compare with (same length, just before, both included), or null without --since. */
  previousPeriod: { since: string; until: string } | null;
  attribution: { model: AttributionModel; windowMinutes: number; anyGoal: boolean };
  sort: SortKey;
  totals: {
    events: number;
    pageViews: number;
    clicks: number;
    impressions: number;
    customEvents: number;
    conversions: number;
    /** Conversions credited to a click, and those without one (no visit id, no click in the window). */
    attributedConversions: number;
    unattributedConversions: number;
    /** Visits that started in the period (events carrying a visit id). */
    visits: number;
    bounces: number;
    /** Page views with a gap in their sequence numbers: each costs a client one event, so it cannot be inflated. */
    pageViewsWithGaps: number;
    /** Missing sequence numbers, at most MAX_GAP_PER_PAGE_VIEW counted per page view. */
    sequenceGaps: number;
  };
  /** Each CTA's row, followed by its per-page rows when it is on several pages; ordered by `sort`. */
  rows: CtaRow[];
  /** Landing pages by visits, most first. */
  pages: PageRow[];
  series: Series | null;
  /** Experiments and offers seen in the period, their arms compared (experiments.ts); most visits first. */
  experiments: ExperimentRow[];
}

interface Counts {
  cta: string;
  page: string;
  impressions: number;
  clicks: number;
  click_events: number;
}

// Open ends of a period, as day numbers far outside any received_at.
const FIRST_DAY = -1_000_000;
const LAST_DAY = 100_000_000;

/**
 * Reads the rollups the collector keeps on every insert (cta_daily, daily_totals, landing_daily; migration 3), not the
 * events, so the time grows with the number of CTAs, pages and days, not with traffic. Counts are per page view:
 * each (page view, CTA) is one trial that succeeded if it was clicked, so CTR is a true proportion (never above
 * 100%, even with repeated clicks or a lost impression), which is what the Wilson interval assumes. Conversions are
 * credited to stored clicks (attribution.ts), whatever the client claims.
 */
export function buildReport(db: DatabaseSync, now = new Date(), options: ReportOptions = {}): Report {
  return runSync(db, reportSteps(now, options));
}

/** buildReport on any engine: the PostgreSQL store is a QueryRunner (the same queries, see steps.ts). */
export function buildReportFrom(runner: QueryRunner, now = new Date(), options: ReportOptions = {}): Promise<Report> {
  return runAsync(runner, reportSteps(now, options));
}

function* reportSteps(now: Date, options: ReportOptions): Steps<Report> {
  const attribution = { ...DEFAULT_ATTRIBUTION, ...pick(options) };
  const sort = options.sort ?? 'impressions';
  const range: DayRange = { from: options.since ?? FIRST_DAY, to: options.until ?? LAST_DAY };
  const today = Math.floor(now.getTime() / DAY_MS);
  const previous =
    options.since === undefined
      ? null
      : { from: options.since - (Math.min(range.to, today + 1) - options.since), to: options.since };

  const current = yield* ctaRows(range, attribution);
  const before = previous && previous.to > previous.from ? yield* ctaRows(previous, attribution) : null;
  if (before) {
    for (const row of current.rows) {
      if (row.kind === 'cta') row.change = change(before.byCta.get(row.cta), row);
    }
  }
  const rows = order(current.rows, sort);
  const pages = yield* pageRows(range);
  const totals = yield* eventTotals(range);
  const visits = pages.reduce((sum, page) => sum + page.visits, 0);
  const bounces = pages.reduce((sum, page) => sum + page.bounces, 0);
  return {
    generatedAt: now.toISOString(),
    period: {
      since: options.since === undefined ? null : dayLabel(options.since),
      until: options.until === undefined ? null : dayLabel(options.until - 1),
    },
    previousPeriod: before && previous ? { since: dayLabel(previous.from), until: dayLabel(previous.to - 1) } : null,
    attribution,
    sort,
    totals: {
      ...totals,
      attributedConversions: current.attributed,
      unattributedConversions: current.conversions - current.attributed,
      visits,
      bounces,
    },
    rows,
    pages,
    series: options.by ? yield* series(range, options.by, rows, current.conversionDays) : null,
    experiments: yield* experimentRows(range, attribution.windowMinutes, current.credited),
  };
}

function pick({ model, windowMinutes, anyGoal }: AttributionOptions): AttributionOptions {
  const given = Object.entries({ model, windowMinutes, anyGoal }).filter(([, value]) => value !== undefined);
  return Object.fromEntries(given);
}

interface CtaRows {
  rows: CtaRow[];
  byCta: Map<string, CtaRow>;
  conversions: number;
  attributed: number;
  /** Per CTA, the UTC days of its credited conversions (for the series). */
  conversionDays: Map<string, number[]>;
  /** The period's conversions and the clicks they are credited to. */
  credited: Attributed[];
}

function* ctaRows(range: DayRange, attribution: AttributionOptions): Steps<CtaRows> {
  const counts = yield* query<Counts>(
    `SELECT cta, page, SUM(impressions) AS impressions, SUM(clicks) AS clicks, SUM(click_events) AS click_events
     FROM cta_daily WHERE day >= ? AND day < ? GROUP BY cta, page`,
    range.from,
    range.to,
  );
  const conversions = yield* attributionSteps(range.from, range.to, attribution);

  // Credited conversions per CTA and per (CTA, page); converted page views counted once.
  const credit = new Map<string, { conversions: number; pageViews: Set<string>; value: Record<string, number> }>();
  const creditOf = (key: string) => {
    let entry = credit.get(key);
    if (!entry) credit.set(key, (entry = { conversions: 0, pageViews: new Set(), value: {} }));
    return entry;
  };
  const conversionDays = new Map<string, number[]>();
  let attributed = 0;
  for (const conversion of conversions) {
    if (conversion.cta === null) continue;
    attributed++;
    for (const key of [conversion.cta, `${conversion.cta}\u0000${conversion.page}`]) {
      const entry = creditOf(key);
      entry.conversions++;
      entry.pageViews.add(conversion.pageView!);
      if (conversion.value !== null && conversion.currency !== null) {
        entry.value[conversion.currency] = (entry.value[conversion.currency] ?? 0) + conversion.value;
      }
    }
    const days = conversionDays.get(conversion.cta) ?? [];
    days.push(conversion.day);
    conversionDays.set(conversion.cta, days);
  }

  const perCta = new Map<string, { pages: Counts[]; total: Counts }>();
  for (const count of counts) {
    const entry = perCta.get(count.cta);
    if (!entry) perCta.set(count.cta, { pages: [count], total: { ...count } });
    else {
      entry.pages.push(count);
      entry.total.impressions += count.impressions;
      entry.total.clicks += count.clicks;
      entry.total.click_events += count.click_events;
    }
  }
  const rows: CtaRow[] = [];
  const byCta = new Map<string, CtaRow>();
  for (const [cta, { pages, total }] of perCta) {
    const row = toRow('cta', cta, pages.length === 1 ? pages[0]!.page : null, pages.length, total, credit.get(cta));
    rows.push(row);
    byCta.set(cta, row);
    if (pages.length > 1) {
      for (const page of pages) {
        rows.push(toRow('page', cta, page.page, 1, page, credit.get(`${cta}\u0000${page.page}`)));
      }
    }
  }
  return { rows, byCta, conversions: conversions.length, attributed, conversionDays, credited: conversions };
}

function toRow(
  kind: CtaRow['kind'],
  cta: string,
  page: string | null,
  pages: number,
  { impressions, clicks, click_events }: Counts,
  credit: { conversions: number; pageViews: Set<string>; value: Record<string, number> } | undefined,
): CtaRow {
  const ctr = rate(clicks, impressions);
  // A click counted in the previous period can earn a conversion in this one: never more converted than trials.
  const converted = credit?.pageViews.size ?? 0;
  const perClick = rate(Math.min(converted, clicks), clicks);
  const perImpression = rate(Math.min(converted, impressions), impressions);
  return {
    kind,
    cta,
    page,
    pages,
    impressions,
    clicks,
    clickEvents: click_events,
    ctr: ctr.value,
    ctrLow: ctr.low,
    ctrHigh: ctr.high,
    conversions: credit?.conversions ?? 0,
    convertedClicks: converted,
    conversionsPerClick: perClick.value,
    conversionsPerClickLow: perClick.low,
    conversionsPerClickHigh: perClick.high,
    conversionsPerImpression: perImpression.value,
    conversionsPerImpressionLow: perImpression.low,
    conversionsPerImpressionHigh: perImpression.high,
    value: credit?.value ?? {},
    change: null,
  };
}

function rate(successes: number, trials: number): { value: number | null; low: number | null; high: number | null } {
  const interval = wilsonInterval(successes, trials);
  return { value: trials ? successes / trials : null, low: interval?.low ?? null, high: interval?.high ?? null };
}

function change(before: CtaRow | undefined, now: CtaRow): Change {
  const previous = {
    impressions: before?.impressions ?? 0,
    clicks: before?.clicks ?? 0,
    convertedClicks: before?.convertedClicks ?? 0,
  };
  const converted = (row: { convertedClicks: number; impressions: number }) =>
    Math.min(row.convertedClicks, row.impressions);
  return {
    previous,
    ctr: compare(previous.clicks, previous.impressions, now.clicks, now.impressions),
    conversionsPerImpression: compare(converted(previous), previous.impressions, converted(now), now.impressions),
  };
}

/** The change from period A to period B, and whether a two-proportion z-test tells it from noise. */
export function compare(successesA: number, trialsA: number, successesB: number, trialsB: number): Comparison {
  const previous = trialsA ? successesA / trialsA : null;
  const current = trialsB ? successesB / trialsB : null;
  const test = twoProportionZTest(successesA, trialsA, successesB, trialsB);
  if (!test || previous === null || current === null) {
    return { previous, current, difference: null, z: null, p: null, verdict: 'no data' };
  }
  const verdict: Verdict = test.p >= SIGNIFICANCE ? 'noise' : current > previous ? 'higher' : 'lower';
  return { previous, current, difference: current - previous, z: test.z, p: test.p, verdict };
}

const SORT_VALUE: Record<Exclude<SortKey, 'cta'>, (row: CtaRow) => number> = {
  impressions: (row) => row.impressions,
  clicks: (row) => row.clicks,
  ctr: (row) => row.ctr ?? -1,
  conversions: (row) => row.conversions,
  'conversions-per-click': (row) => row.conversionsPerClick ?? -1,
  'conversions-per-impression': (row) => row.conversionsPerImpression ?? -1,
};

/** CTAs by the sort key (high to low, then by name); each CTA's per-page rows right after it, in the same order. */
function order(rows: CtaRow[], sort: SortKey): CtaRow[] {
  const byName = (a: CtaRow, b: CtaRow) => compareText(a.cta, b.cta) || compareText(a.page ?? '', b.page ?? '');
  const compare =
    sort === 'cta' ? byName : (a: CtaRow, b: CtaRow) => SORT_VALUE[sort](b) - SORT_VALUE[sort](a) || byName(a, b);
  const pagesOf = new Map<string, CtaRow[]>();
  const totals: CtaRow[] = [];
  for (const row of rows) {
    if (row.kind === 'cta') totals.push(row);
    else {
      const list = pagesOf.get(row.cta) ?? [];
      list.push(row);
      pagesOf.set(row.cta, list);
    }
  }
  totals.sort(compare);
  const ordered: CtaRow[] = [];
  for (const total of totals) {
    ordered.push(total);
    const pages = pagesOf.get(total.cta);
    // A loop, not push(...pages): a CTA on hundreds of thousands of pages would overflow the call stack.
    if (pages) for (const page of pages.sort(compare)) ordered.push(page);
  }
  return ordered;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function* pageRows(range: DayRange): Steps<PageRow[]> {
  const rows = yield* query<{ page: string; visits: number; bounces: number }>(
    `SELECT page, SUM(visits) AS visits, SUM(bounces) AS bounces
     FROM landing_daily WHERE day >= ? AND day < ? GROUP BY page`,
    range.from,
    range.to,
  );
  return rows
    .filter(({ visits }) => visits > 0)
    .map(({ page, visits, bounces }) => {
      const bounceRate = rate(bounces, visits);
      return {
        page,
        visits,
        bounces,
        bounceRate: bounceRate.value,
        bounceRateLow: bounceRate.low,
        bounceRateHigh: bounceRate.high,
      };
    })
    .sort((a, b) => b.visits - a.visits || compareText(a.page, b.page));
}

function* eventTotals(range: DayRange): Steps<EventTotals> {
  // Lost events: sequence numbers start at 0 in every page view, so a missing number below the highest one received
  // is a lost event (events lost after the last one received cannot be seen). Kept per day by the rollup, each page
  // view's claim capped at MAX_GAP_PER_PAGE_VIEW.
  const [totals] = yield* query<EventTotals>(
    `SELECT COALESCE(SUM(events), 0) AS events, COALESCE(SUM(page_views), 0) AS "pageViews",
            COALESCE(SUM(click_events), 0) AS clicks, COALESCE(SUM(impression_events), 0) AS impressions,
            COALESCE(SUM(custom_events), 0) AS "customEvents", COALESCE(SUM(conversion_events), 0) AS conversions,
            COALESCE(SUM(page_views_with_gaps), 0) AS "pageViewsWithGaps",
            COALESCE(SUM(sequence_gaps), 0) AS "sequenceGaps"
     FROM daily_totals WHERE day >= ? AND day < ?`,
    range.from,
    range.to,
  );
  return { ...totals! };
}

interface EventTotals {
  events: number;
  pageViews: number;
  clicks: number;
  impressions: number;
  customEvents: number;
  conversions: number;
  pageViewsWithGaps: number;
  sequenceGaps: number;
}

function* series(range: DayRange, by: Bucket, rows: CtaRow[], conversionDays: Map<string, number[]>): Steps<Series> {
  const daily = yield* query<{ cta: string; day: number; impressions: number; clicks: number }>(
    `SELECT cta, day, SUM(impressions) AS impressions, SUM(clicks) AS clicks
     FROM cta_daily WHERE day >= ? AND day < ? GROUP BY cta, day`,
    range.from,
    range.to,
  );
  const starts = new Set<number>();
  for (const { day } of daily) starts.add(bucketStart(day, by));
  for (const days of conversionDays.values()) for (const day of days) starts.add(bucketStart(day, by));
  const buckets = [...starts].sort((a, b) => a - b);
  const index = new Map(buckets.map((start, position) => [start, position]));
  const perCta = new Map<string, Series['ctas'][number]>();
  const entry = (cta: string) => {
    let found = perCta.get(cta);
    if (!found) {
      const zeros = () => new Array<number>(buckets.length).fill(0);
      perCta.set(cta, (found = { cta, impressions: zeros(), clicks: zeros(), conversions: zeros() }));
    }
    return found;
  };
  for (const { cta, day, impressions, clicks } of daily) {
    const at = index.get(bucketStart(day, by))!;
    const found = entry(cta);
    found.impressions[at]! += impressions;
    found.clicks[at]! += clicks;
  }
  for (const [cta, days] of conversionDays) {
    const found = entry(cta);
    for (const day of days) found.conversions[index.get(bucketStart(day, by))!]! += 1;
  }
  const ctas = rows.filter((row) => row.kind === 'cta').map((row) => entry(row.cta));
  return { by, buckets: buckets.map(dayLabel), ctas };
}
