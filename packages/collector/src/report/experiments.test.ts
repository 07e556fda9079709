import { power, sampleSizePerGroup } from '@astro-cta/stats';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ValidEvent } from '../validate.ts';
import { type ExperimentRow, formatReport, type Report } from './index.ts';
import { collector, crossCheckOnPostgres, MINUTE, T0 } from './test-support.ts';

// Every report here is also built on a real PostgreSQL server (where one is installed) and expected equal.
crossCheckOnPostgres();

/**
 * Generated visits stored through the collector's real SQLite writer (rollup triggers and all), then reported; the
 * same writes on PostgreSQL give the same report (crossCheckOnPostgres).
 * Each visit sees one arm's CTA; some click it; some of those reach the goal on another page a minute later.
 */
interface ArmPlan {
  experiment: string;
  arm?: string;
  visits: number;
  clicks: number;
  conversions: number;
  cta?: string;
}

let serial = 0;
function visitsOf({ experiment, arm, visits, clicks, conversions, cta = 'hero' }: ArmPlan) {
  const events: { at: number; event: ValidEvent }[] = [];
  for (let index = 0; index < visits; index++) {
    const vi = `v${serial++}`;
    const tags = { vi, x: experiment, g: 'signup', ...(arm === undefined ? {} : { a: arm }) };
    events.push({ at: T0, event: { t: 'impression', id: cta, p: '/', pv: `${vi}p`, s: 0, ...tags } });
    if (index < clicks) events.push({ at: T0, event: { t: 'click', id: cta, p: '/', pv: `${vi}p`, s: 1, ...tags } });
    if (index < conversions) {
      events.push({
        at: T0 + MINUTE,
        event: { t: 'conversion', id: 'signup', g: 'signup', p: '/welcome/', pv: `${vi}c`, s: 0, vi },
      });
    }
  }
  return events;
}

async function reportOf(plans: ArmPlan[], extra: ValidEvent[] = []): Promise<Report> {
  const { at, report } = collector();
  const events = plans.flatMap(visitsOf);
  await at(T0, ...events.filter((entry) => entry.at === T0).map((entry) => entry.event), ...extra);
  await at(T0 + MINUTE, ...events.filter((entry) => entry.at === T0 + MINUTE).map((entry) => entry.event));
  return report(new Date(T0 + 60 * MINUTE));
}

const byName = (report: Report, name: string): ExperimentRow => {
  const found = report.experiments.find((experiment) => experiment.experiment === name);
  if (!found) throw new Error(`no experiment ${name} in the report`);
  return found;
};

describe('experiment report (real SQLite and PostgreSQL, generated events)', () => {
  let report: Report;
  beforeAll(async () => {
    report = await reportOf(
      [
        // B converts clearly better: 3.0% vs 5.5% of visits (z ≈ 3.9), and gets more clicks: 10% vs 13% (z ≈ 3.0).
        { experiment: 'hero-copy', arm: 'A', visits: 2000, clicks: 200, conversions: 60 },
        { experiment: 'hero-copy', arm: 'B', visits: 2000, clicks: 260, conversions: 110 },
        // Three arms with identical rates: nothing to tell apart; the control is the arm named "control".
        { experiment: 'pricing', arm: 'B', visits: 500, clicks: 50, conversions: 10, cta: 'buy' },
        { experiment: 'pricing', arm: 'control', visits: 500, clicks: 50, conversions: 10, cta: 'buy' },
        { experiment: 'pricing', arm: 'C', visits: 500, clicks: 50, conversions: 10, cta: 'buy' },
        // The control gets more clicks than the challenger: 20% vs 12%.
        { experiment: 'footer', arm: 'long', visits: 1000, clicks: 120, conversions: 0, cta: 'footer' },
        { experiment: 'footer', arm: 'A', visits: 1000, clicks: 200, conversions: 0, cta: 'footer' },
        // Only one arm seen so far, and CTAs that name an experiment but no arm.
        { experiment: 'solo', arm: 'A', visits: 30, clicks: 3, conversions: 0, cta: 'solo' },
        { experiment: 'solo', visits: 5, clicks: 1, conversions: 0, cta: 'solo' },
      ],
      // A CTA outside any experiment: not in the experiment report.
      [{ t: 'impression', id: 'plain', p: '/', pv: 'plainpv', s: 0, vi: 'plainvi' }],
    );
    // 9,000 visits stored twice (SQLite, then PostgreSQL) on a shared machine.
  }, 120_000);

  it('lists every experiment, most visits first, with per-arm counts from the events', () => {
    expect(report.experiments.map((experiment) => experiment.experiment)).toEqual([
      'hero-copy',
      'footer',
      'pricing',
      'solo',
    ]);
    const hero = byName(report, 'hero-copy');
    expect(hero.control).toBe('A');
    expect(
      hero.arms.map(({ arm, visits, clicks, conversions, convertedVisits }) => ({
        arm,
        visits,
        clicks,
        conversions,
        convertedVisits,
      })),
    ).toEqual([
      { arm: 'A', visits: 2000, clicks: 200, conversions: 60, convertedVisits: 60 },
      { arm: 'B', visits: 2000, clicks: 260, conversions: 110, convertedVisits: 110 },
    ]);
    expect(hero.arms[1]).toMatchObject({ ctr: 0.13, conversionsPerImpression: 0.055 });
    expect(hero.arms[1]!.conversionsPerClick).toBeCloseTo(110 / 260, 12);
  });

  it('arm B converts better, 95% confident: z-test values as R prop.test(c(60, 110), c(2000, 2000))', () => {
    const hero = byName(report, 'hero-copy');
    const test = hero.arms[1]!.vsControl!.conversionsPerImpression!;
    // prop.test(c(60, 110), c(2000, 2000), correct = FALSE): X-squared = 15.359, p-value = 8.891e-05.
    expect(test.z ** 2).toBeCloseTo(15.359, 2);
    expect(test.p).toBeCloseTo(8.891e-5, 7);
    expect(test.adjustedP).toBe(test.p); // one comparison: nothing to adjust
    expect(test.significant).toBe(true);
    expect(test.lift).toBeCloseTo(0.055 / 0.03 - 1, 12);
    expect(hero.verdict).toMatchObject({ metric: 'conversionsPerImpression', outcome: 'better', arm: 'B' });
    expect(hero.verdict.text).toBe(
      'arm B converts better than A: 5.5% vs 3.0% of visits (+83%), 95% confident (p < 0.001)',
    );
    expect(hero.verdicts.ctr).toMatchObject({ outcome: 'better', arm: 'B' });
  });

  it('no difference beyond noise: keep running, with the visits per arm power.prop.test asks for', () => {
    const pricing = byName(report, 'pricing');
    expect(pricing.control).toBe('control');
    expect(pricing.arms.map((arm) => arm.arm)).toEqual(['control', 'B', 'C']);
    const verdict = pricing.verdict;
    expect(verdict.outcome).toBe('noise');
    // Two comparisons share alpha 0.05: planned at 0.025 each, for a 10% lift on the control's 2%.
    const needed = Math.ceil(sampleSizePerGroup(0.02, 0.022, 0.025, 0.8));
    expect(needed).toBeGreaterThan(90_000);
    expect(verdict.moreVisitsPerArm).toBe(needed - 500);
    expect(verdict.text).toBe(
      `no difference beyond noise (Holm-adjusted p = 1.000); keep running: about ${(needed - 500).toLocaleString('en-US')} ` +
        'more visits per arm needed to detect a 10% lift',
    );
    // What 500 visits per arm can detect on a 2% control at alpha 0.025: a lift of about 188%.
    expect(verdict.detectableLift).toBeCloseTo(1.88, 2);
    expect(power(500, 0.02, 0.02 * (1 + verdict.detectableLift!), 0.025)).toBeCloseTo(0.8, 6);
    for (const arm of pricing.arms.slice(1)) expect(arm.vsControl!.ctr!.adjustedP).toBe(1);
  });

  it('the control wins: said so, naming the losing arm', () => {
    const footer = byName(report, 'footer');
    expect(footer.control).toBe('A');
    // No conversions in this experiment: the decision is on CTR.
    expect(footer.verdict).toMatchObject({ metric: 'ctr', outcome: 'worse', arm: 'long' });
    expect(footer.verdict.text).toMatch(/^arm A \(control\) gets more clicks than long: 20\.0% vs 12\.0% of visits/);
    expect(footer.verdicts.conversionsPerImpression.text).toMatch(/no conversions in A \(control\) yet: keep running/);
  });

  it('one arm, and CTAs without an arm: shown, never compared', () => {
    const solo = byName(report, 'solo');
    expect(solo.arms.map((arm) => [arm.arm, arm.visits, arm.vsControl])).toEqual([
      ['A', 30, null],
      [null, 5, null],
    ]);
    expect(solo.verdict).toMatchObject({
      outcome: 'no data',
      text: 'only arm A was seen: nothing to compare it with yet',
    });
  });

  it('table, JSON, CSV and HTML all carry the experiments and their verdicts', () => {
    const table = formatReport(report, 'table');
    expect(table).toContain('Experiment hero-copy: arm B converts better than A');
    expect(table).toMatch(/^B\s+2000\s+260\s+13\.0%\s+11\.6%–14\.5%\s+\+3\.0 pp \(\+30%\), p=0\.003 \*/m);
    expect(table).toContain("p-values adjusted with Holm's method");
    const hero = byName(report, 'hero-copy');
    const lift = (value: number | null) => Math.round(value! * 100);
    expect(table).toContain(
      'Smallest lift over the control detectable at this sample size (power 80%): ' +
        `CTR +${lift(hero.verdicts.ctr.detectableLift)}%, ` +
        `conversions per visit +${lift(hero.verdicts.conversionsPerImpression.detectableLift)}%.`,
    );
    // 2,000 visits per arm on a 3% control: power.prop.test(n = 2000, p1 = 0.03, power = 0.8) gives p2 = 0.04705.
    expect(hero.verdicts.conversionsPerImpression.detectableLift).toBeCloseTo(0.04705 / 0.03 - 1, 3);
    expect(JSON.parse(formatReport(report, 'json')).experiments).toEqual(
      JSON.parse(JSON.stringify(report.experiments)),
    );
    const csv = parse(formatReport(report, 'csv'), { columns: true }) as Record<string, string>[];
    const arms = csv.filter((line) => line.kind === 'experiment-arm');
    expect(arms).toHaveLength(9);
    expect(arms.find((line) => line.experiment === 'hero-copy' && line.arm === 'B')).toMatchObject({
      control: 'no',
      visits: '2000',
      clicks: '260',
      conversions: '110',
      conv_per_impression: '0.055000',
      conv_per_impression_vs_control: '0.025000',
      verdict: 'arm B converts better than A: 5.5% vs 3.0% of visits (+83%), 95% confident (p < 0.001)',
    });
    const html = formatReport(report, 'html');
    expect(html).toContain('<h3>Experiment hero-copy</h3>');
    expect(html).toContain('<p class="verdict better">arm B converts better than A');
    expect(html).toContain('aria-label="conversions per visit per arm of hero-copy with 95% intervals');
    expect(html).toContain('<p class="verdict worse">arm A (control) gets more clicks than long');
  });
});

describe('experiment report edge cases', () => {
  it('an experiment name from a visitor is escaped in HTML and its invisible characters shown', async () => {
    const report = await reportOf([
      { experiment: '<b>x</b>\u202e', arm: 'A', visits: 3, clicks: 1, conversions: 0 },
      { experiment: '<b>x</b>\u202e', arm: '<i>', visits: 3, clicks: 1, conversions: 0 },
    ]);
    const html = formatReport(report, 'html');
    expect(html).not.toContain('<b>x</b>');
    expect(html).not.toContain('<i>');
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;\\u{202e}');
  });

  it('conversions credited to clicks outside any experiment do not count for an arm', async () => {
    const report = await reportOf(
      [{ experiment: 'e', arm: 'A', visits: 10, clicks: 5, conversions: 0 }],
      [
        { t: 'impression', id: 'plain', p: '/', pv: 'x1', s: 0, vi: 'w1', g: 'signup' },
        { t: 'click', id: 'plain', p: '/', pv: 'x1', s: 1, vi: 'w1', g: 'signup' },
        { t: 'conversion', id: 'signup', g: 'signup', p: '/welcome/', pv: 'x2', s: 0, vi: 'w1' },
      ],
    );
    expect(report.totals.attributedConversions).toBe(1);
    expect(byName(report, 'e').arms[0]).toMatchObject({ conversions: 0, convertedVisits: 0 });
  });

  it('no experiments: an empty list, and no experiment section in the formats', async () => {
    const report = await reportOf([], [{ t: 'impression', id: 'plain', p: '/', pv: 'x1', s: 0 }]);
    expect(report.experiments).toEqual([]);
    expect(formatReport(report, 'table')).not.toContain('Experiment');
    expect(formatReport(report, 'html')).not.toContain('Experiments and offers');
  });
});
