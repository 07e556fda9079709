import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The measured numbers of a site's CTAs, from the collector's report (`cta-collect report --format json > f.json`,
 * or its read-only report endpoint): what the `cta-underperforming` rule and the dev toolbar's overlay read.
 * Only the fields used here are checked; everything else in the report is ignored, so newer reports still load.
 */

/** One CTA on one page, as measured. Counts are page views (see the collector's report). */
export interface CtaMetrics {
  cta: string;
  page: string;
  impressions: number;
  clicks: number;
  /** Clicked page views that earned a conversion. */
  convertedClicks: number;
  ctr: number | null;
  ctrLow: number | null;
  ctrHigh: number | null;
  conversionsPerImpression: number | null;
  conversionsPerImpressionLow: number | null;
  conversionsPerImpressionHigh: number | null;
  conversionsPerClick: number | null;
  conversionsPerClickLow: number | null;
  conversionsPerClickHigh: number | null;
}

/** Plain data (it is sent to worker threads with the rule's options). */
export interface SiteMetrics {
  /** Where the numbers came from (a file path or URL), for messages. */
  source: string;
  /** The report's period, e.g. "2026-11-01 to now". */
  period: string;
  generatedAt: string;
  /** Rows by page path without its trailing slash (see `pageKey`). */
  pages: Record<string, CtaMetrics[]>;
}

const count = z.number().int().min(0);
const rate = z.number().min(0).max(1).nullable();
const rowSchema = z
  .object({
    kind: z.enum(['cta', 'page']),
    cta: z.string(),
    page: z.string().startsWith('/', 'a page path starts with "/"').nullable(),
    impressions: count,
    clicks: count,
    convertedClicks: count,
    ctr: rate,
    ctrLow: rate,
    ctrHigh: rate,
    conversionsPerImpression: rate,
    conversionsPerImpressionLow: rate,
    conversionsPerImpressionHigh: rate,
    conversionsPerClick: rate,
    conversionsPerClickLow: rate,
    conversionsPerClickHigh: rate,
  })
  // The collector counts a click per page view that clicked (a proportion); the rule's tests assume one.
  .refine((row) => row.clicks <= row.impressions, {
    path: ['clicks'],
    message: 'more clicks than impressions (the collector counts each page view that clicked once)',
  });
const reportSchema = z.object({
  generatedAt: z.string(),
  period: z.object({ since: z.string().nullable(), until: z.string().nullable() }),
  rows: z.array(rowSchema),
});

/** Bad or missing metrics: the message names the source and the field, and says how to make a good one. */
export class MetricsError extends Error {
  override name = 'MetricsError';
}

const HOW =
  'Export one with `cta-collect report --format json > metrics.json` (the JSON report of @astro-cta/collector).';

/** A page path as the metrics key it: `/pricing/` and `/pricing` are one page. */
export const pageKey = (path: string): string => (path.length > 1 ? path.replace(/\/+$/, '') || '/' : path);

/** Reads a report JSON file; a missing, unreadable or malformed file is a MetricsError saying which and why. */
export function loadMetrics(file: string, where = 'metrics'): SiteMetrics {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file' : (error as Error).message;
    throw new MetricsError(`${where}: cannot read the metrics file ${file} (${why}). ${HOW}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new MetricsError(`${where}: ${file} is not JSON (${(error as Error).message}). ${HOW}`);
  }
  return parseMetrics(json, file, where);
}

/** Checks a parsed report (from a file or the collector's endpoint) and indexes its rows by page. */
export function parseMetrics(json: unknown, source: string, where = 'metrics'): SiteMetrics {
  const result = reportSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = issue.path.join('.') || '(the report)';
    throw new MetricsError(
      `${where}: ${source} is not a CTA report: ${field}: ${issue.message}. ` +
        `Is it the output of \`cta-collect report --format json\`? ${HOW}`,
    );
  }
  const report = result.data;
  const pages: Record<string, CtaMetrics[]> = {};
  // A CTA's own row carries its page when it is on one page only; on several, its per-page rows follow it.
  for (const { kind, page, ...row } of report.rows) {
    if (page === null) continue;
    if (kind === 'cta' || kind === 'page') {
      const key = pageKey(page);
      if (!Object.hasOwn(pages, key)) pages[key] = [];
      pages[key]!.push({ ...row, page });
    }
  }
  const { since, until } = report.period;
  const period = !since && !until ? 'all time' : `${since ?? 'the start'} to ${until ?? 'now'}`;
  return { source, period, generatedAt: report.generatedAt, pages };
}

/** The measured CTAs of a page (by its route, with or without the trailing slash). */
export function metricsOfPage(metrics: SiteMetrics, route: string): readonly CtaMetrics[] {
  const key = pageKey(route);
  return Object.hasOwn(metrics.pages, key) ? metrics.pages[key]! : [];
}
