import { holm, twoProportionZTest, wilsonInterval } from '@astro-cta/stats';
import { type CtaMetrics, metricsOfPage, type SiteMetrics } from '../metrics.ts';
import type { Cta, Rule } from '../types.ts';

/** Fewer page views than this on either side and the rule says nothing: too few to call anything low. */
export const MIN_IMPRESSIONS = 200;
/** The normal approximation behind the z-test needs this many successes and failures expected on each side. */
const MIN_EXPECTED = 5;
const ALPHA = 0.05;

/** The measured numbers an example runs with: the page `/` of a site whose footer CTA is rarely clicked. */
const EXAMPLE_METRICS: SiteMetrics = {
  source: 'metrics.json',
  period: '2026-11-01 to 2026-11-28',
  generatedAt: '2026-11-29T00:00:00.000Z',
  pages: {
    '/': [
      example('hero', 1000, 120, 30),
      example('footer', 1000, 20, 4),
      // Seen a handful of times: never judged.
      example('sidebar', 40, 0, 0),
    ],
  },
};

function example(cta: string, impressions: number, clicks: number, convertedClicks: number): CtaMetrics {
  return {
    cta,
    page: '/',
    impressions,
    clicks,
    convertedClicks,
    ctr: clicks / impressions,
    ctrLow: null,
    ctrHigh: null,
    conversionsPerImpression: convertedClicks / impressions,
    conversionsPerImpressionLow: null,
    conversionsPerImpressionHigh: null,
    conversionsPerClick: clicks ? convertedClicks / clicks : null,
    conversionsPerClickLow: null,
    conversionsPerClickHigh: null,
  };
}

const RATES = {
  ctr: { name: 'is clicked on', successes: (row: CtaMetrics) => row.clicks },
  conversion: {
    name: 'converts',
    successes: (row: CtaMetrics) => Math.min(row.convertedClicks, row.impressions),
  },
} as const;

export const ctaUnderperforming: Rule = {
  meta: {
    id: 'cta-underperforming',
    severity: 'info',
    category: 'structure',
    description: "A CTA whose measured CTR or conversion rate is significantly below the page's other CTAs.",
    rationale:
      'Reads the measured numbers the `metrics` audit option points to (a report exported with ' +
      "`cta-collect report --format json`). For each CTA of a page it compares the CTA with the page's other CTAs " +
      'taken together, on CTR (clicked page views per page view that showed it) and on conversions per page view: ' +
      "a one-sided two-proportion z-test, its p-values adjusted with Holm's method over the CTAs of the page, " +
      `flagged below ${ALPHA}. Small samples are never judged: each side needs ${MIN_IMPRESSIONS} page views and ` +
      `${MIN_EXPECTED} expected successes and failures, the textbook condition for the normal approximation. ` +
      "A low number is not a verdict on the CTA's worth (a secondary CTA is expected to be " +
      'clicked less), so the finding is information: look at its copy, placement and prominence, or whether it ' +
      "competes with the page's main action. The examples assume a page `/` measured at 12% CTR for `hero`, " +
      '2% for `footer` (1,000 page views each) and 40 page views for `sidebar`.',
    examples: {
      fail: [
        '<a class="button" href="/signup" data-cta="hero">Start your free trial</a>' +
          '<p>…</p><a class="button" href="/signup" data-cta="footer">Create your account</a>',
      ],
      pass: [
        '<a class="button" href="/signup" data-cta="hero">Start your free trial</a>',
        '<a class="button" href="/signup" data-cta="hero">Start your free trial</a>' +
          '<a class="button" href="/demo" data-cta="sidebar">Book a demo</a>',
      ],
    },
    exampleOptions: { metrics: EXAMPLE_METRICS },
    options: {
      metrics: {
        description:
          'The measured numbers (loaded from the file that the `metrics` audit option names); without them the ' +
          'rule does nothing.',
        default: undefined,
        setWith: '`metrics` in the audit options (the path of a `cta-collect report --format json` file)',
      },
    },
    messages: {
      low:
        'data-cta="{cta}" {rate} {value} of page views (95% CI {interval}; {successes} of {impressions}), against ' +
        '{others} for the other CTAs of this page: significantly lower (one-sided two-proportion z-test, ' +
        'Holm-adjusted p {p}; {source}, {period}). Look at its copy, placement and prominence, or whether it ' +
        "competes with the page's main action.",
    },
  },
  check(page, report, site) {
    const metrics = site.options.metrics as SiteMetrics | undefined;
    if (!metrics) return;
    const rows = metricsOfPage(metrics, page.route);
    if (rows.length < 2) return;
    const elements = new Map<string, Cta>();
    for (const cta of [...page.ctas, ...page.unsureCtas])
      if (cta.id && !elements.has(cta.id)) elements.set(cta.id, cta);

    for (const { name, successes } of Object.values(RATES)) {
      const total = rows.reduce((sum, row) => ({ s: sum.s + successes(row), n: sum.n + row.impressions }), {
        s: 0,
        n: 0,
      });
      const tests: { row: CtaMetrics; othersRate: number; p: number }[] = [];
      for (const row of rows) {
        const s = successes(row);
        const others = { s: total.s - s, n: total.n - row.impressions };
        if (row.impressions < MIN_IMPRESSIONS || others.n < MIN_IMPRESSIONS) continue;
        const pooled = total.s / total.n;
        const expected = [row.impressions, others.n].flatMap((n) => [n * pooled, n * (1 - pooled)]);
        if (expected.some((value) => value < MIN_EXPECTED)) continue;
        // Is this CTA's rate (B) below the other CTAs' (A)? Both sides have trials (MIN_IMPRESSIONS), so a test.
        const test = twoProportionZTest(others.s, others.n, s, row.impressions, 'less')!;
        tests.push({ row, othersRate: others.s / others.n, p: test.p });
      }
      const adjusted = holm(tests.map((test) => test.p));
      tests.forEach(({ row, othersRate }, index) => {
        const cta = elements.get(row.cta);
        if (adjusted[index]! >= ALPHA || !cta) return; // not low, or no longer on the page
        const s = successes(row);
        const { low, high } = wilsonInterval(s, row.impressions)!;
        report({
          element: cta.element,
          messageId: 'low',
          data: {
            cta: row.cta,
            rate: name,
            value: percent(s / row.impressions),
            interval: `${percent(low)}–${percent(high)}`,
            successes: String(s),
            impressions: String(row.impressions),
            others: percent(othersRate),
            p: adjusted[index]! < 0.001 ? '< 0.001' : `= ${adjusted[index]!.toFixed(3)}`,
            source: `metrics from ${metrics.source}`,
            period: metrics.period,
          },
        });
      });
    }
  },
};

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
