import { describe, expect, it } from 'vitest';
import type { ValidEvent } from '../validate.ts';
import { formatReport } from './index.ts';
import { click, collector, conversion, crossCheckOnPostgres, impression, MINUTE, T0 } from './test-support.ts';

crossCheckOnPostgres();

const DAY_MS = 86_400_000;
const DAY = T0 / DAY_MS; // 2026-11-26

/** `trials` page views of a CTA received on `day`, the first `clicked` of them clicked. */
function views(prefix: string, cta: string, trials: number, clicked: number): ValidEvent[] {
  return Array.from({ length: trials }, (_, index) => [
    impression(`${prefix}${index}`, 0, cta),
    ...(index < clicked ? [click(`${prefix}${index}`, 1, cta)] : []),
  ]).flat();
}

describe('bounce rate per landing page', () => {
  it('a visit that viewed one page, clicked nothing, converted nothing and was never engaged is a bounce', async () => {
    const { at, report: build } = collector();
    await at(T0, impression('a1', 0, 'hero', { vi: 'A' })); // bounce
    await at(T0, impression('b1', 0, 'hero', { vi: 'B' }), click('b1', 1, 'hero', { vi: 'B' })); // clicked
    await at(T0, impression('c1', 0, 'hero', { vi: 'C' }));
    await at(T0 + MINUTE, { ...impression('c2', 0, 'docs', { vi: 'C' }), p: '/docs/' }); // a second page
    await at(T0, { ...conversion('d1', 0, 'signup', { vi: 'D' }), p: '/offer/' }); // converted on its landing page
    const stay = { p: '/stay/', vi: 'E' };
    await at(
      T0,
      { ...impression('e1', 0, 'hero', stay), p: '/stay/' },
      { t: 'engaged', id: '10s', pv: 'e1', s: 1, ...stay },
    );
    await at(T0, { ...impression('f1', 0, 'hero', { vi: 'F' }), p: '/stay/' }); // left before 10 s: a bounce
    const report = await build(new Date(T0));
    expect(
      report.pages.map(({ page, visits, bounces, bounceRate }) => ({ page, visits, bounces, bounceRate })),
    ).toEqual([
      { page: '/', visits: 3, bounces: 1, bounceRate: 1 / 3 },
      { page: '/stay/', visits: 2, bounces: 1, bounceRate: 1 / 2 }, // one visit engaged (10 s visible), one not
      { page: '/offer/', visits: 1, bounces: 0, bounceRate: 0 },
    ]);
    expect(report.pages[0]!.bounceRateLow).toBeCloseTo(0.0615, 3); // Wilson 1 of 3
    expect(report.totals).toMatchObject({ visits: 6, bounces: 2 });
    const table = formatReport(report, 'table');
    expect(table).toMatch(/^\/\s+3\s+1\s+33\.3%\s+6\.1%–79\.2%$/m);
    expect(table).toContain('converted nothing and was never engaged (no page view visible for 10 s in total');
    expect(table).toContain('GA4 calls a session engaged after 10 s in the foreground, 2 page views or a key event');
  });
});

describe('--since/--until, --by and the change against the previous period', () => {
  async function twoWeeks() {
    const { at, report: build } = collector();
    // Previous week (Nov 12–18): hero 10 of 100, footer 10 of 100. This week (Nov 19–25): hero 30 of 100 (beyond
    // noise), footer 12 of 100 (noise). Nov 26 is outside --until.
    await at(T0 - 14 * DAY_MS, ...views('ph', 'hero', 100, 10), ...views('pf', 'footer', 100, 10));
    await at(T0 - 7 * DAY_MS, ...views('h', 'hero', 50, 20), ...views('f', 'footer', 100, 12));
    await at(T0 - 2 * DAY_MS, ...views('hh', 'hero', 50, 10));
    await at(T0, ...views('late', 'hero', 500, 0));
    return await build(new Date(T0 + 12 * 3_600_000), { since: DAY - 7, until: DAY, by: 'day' });
  }

  it('counts only the days asked for and compares each CTA with the period just before', async () => {
    const report = await twoWeeks();
    expect(report.period).toEqual({ since: '2026-11-19', until: '2026-11-25' });
    expect(report.previousPeriod).toEqual({ since: '2026-11-12', until: '2026-11-18' });
    const hero = report.rows.find((row) => row.cta === 'hero')!;
    const footer = report.rows.find((row) => row.cta === 'footer')!;
    expect(hero).toMatchObject({
      impressions: 100,
      clicks: 30,
      change: { previous: { impressions: 100, clicks: 10 } },
    });
    expect(hero.change!.ctr).toMatchObject({ previous: 0.1, current: 0.3, verdict: 'higher' });
    expect(hero.change!.ctr.p!).toBeLessThan(0.001);
    expect(footer.change!.ctr).toMatchObject({ previous: 0.1, current: 0.12, verdict: 'noise' });
    expect(footer.change!.ctr.p!).toBeCloseTo(0.6515, 3);
    const table = formatReport(report, 'table');
    expect(table).toMatch(/^footer .*\+2\.0 pp, not distinguishable from noise \(p=0\.651\)$/m);
    expect(table).toMatch(/^hero .*\+20\.0 pp \(p<0\.001\)$/m);
  });

  it('a series per CTA by day or by ISO week (weeks start on Monday)', async () => {
    const report = await twoWeeks();
    expect(report.series!.buckets).toEqual(['2026-11-19', '2026-11-24']);
    const hero = report.series!.ctas.find((cta) => cta.cta === 'hero')!;
    expect(hero).toEqual({ cta: 'hero', impressions: [50, 50], clicks: [20, 10], conversions: [0, 0] });

    const { at, report: build } = collector();
    await at(T0 - 7 * DAY_MS, ...views('a', 'hero', 4, 1)); // Thursday Nov 19
    await at(T0 - 4 * DAY_MS, ...views('b', 'hero', 4, 2)); // Sunday Nov 22: same ISO week
    await at(T0 - 3 * DAY_MS, ...views('c', 'hero', 4, 3)); // Monday Nov 23
    const weekly = await build(new Date(T0), { by: 'week' });
    expect(weekly.series).toEqual({
      by: 'week',
      buckets: ['2026-11-16', '2026-11-23'],
      ctas: [{ cta: 'hero', impressions: [8, 4], clicks: [3, 3], conversions: [0, 0] }],
    });
  });

  it('html: a sparkline per CTA and the funnel, each with a text alternative and a table', async () => {
    const { at, report: build } = collector();
    await at(T0 - DAY_MS, ...views('a', 'hero', 10, 4).map((event) => ({ ...event, vi: `v${event.pv}`, g: 'signup' })));
    await at(T0, ...views('b', 'hero', 10, 2).map((event) => ({ ...event, vi: `v${event.pv}`, g: 'signup' })));
    await at(T0 + MINUTE, conversion('b0-2', 0, 'signup', { vi: 'vb0' }));
    const html = formatReport(await build(new Date(T0), { by: 'day' }), 'html');
    expect(html).toContain('aria-label="Funnel: 20 impressions, then 6 clicks, then 1 conversions"');
    expect(html).toMatch(
      /<tr><td>conversions \(attributed\)<\/td><td class="n">1<\/td><td class="n">16\.7%<\/td><\/tr>/,
    );
    expect(html).toContain(
      'aria-label="CTR by day, 2026-11-25 to 2026-11-26: lowest 20.0%, highest 40.0%, last 20.0%"',
    );
    expect(html).toMatch(/<polyline class="spark" points="0\.0,2\.0 120\.0,12\.0"\/>/);
    expect(html).toMatch(
      /<tr><td>hero<\/td><td>2026-11-26<\/td><td class="n">10<\/td><td class="n">2<\/td><td class="n">20\.0%<\/td><td class="n">1<\/td><\/tr>/,
    );
    expect(html).not.toContain('<script');
  });
});
