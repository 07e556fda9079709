import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditConfigError, resolveAuditConfig } from '../config.ts';
import type { CtaMetrics, SiteMetrics } from '../metrics.ts';
import { ctaUnderperforming } from './cta-underperforming.ts';
import { withOptions } from './settings.ts';
import { findingsFor } from './support/test-helpers.ts';

const row = (cta: string, impressions: number, clicks: number, convertedClicks = 0, page = '/pricing/') =>
  ({ kind: 'cta', cta, page, impressions, clicks, convertedClicks, ...nullRates }) as const;
const nullRates = {
  pages: 1,
  ctr: null,
  ctrLow: null,
  ctrHigh: null,
  conversionsPerImpression: null,
  conversionsPerImpressionLow: null,
  conversionsPerImpressionHigh: null,
  conversionsPerClick: null,
  conversionsPerClickLow: null,
  conversionsPerClickHigh: null,
};

/** A report as `cta-collect report --format json` writes it (only the fields the audit reads matter). */
const reportJson = (rows: ReturnType<typeof row>[]) => ({
  generatedAt: '2026-11-29T00:00:00.000Z',
  period: { since: '2026-11-01', until: null },
  attribution: { model: 'last-click', windowMinutes: 30, anyGoal: false },
  rows,
  pages: [],
  experiments: [],
});

function configured(rows: ReturnType<typeof row>[]) {
  const dir = mkdtempSync(path.join(tmpdir(), 'cta-metrics-'));
  writeFileSync(path.join(dir, 'metrics.json'), JSON.stringify(reportJson(rows)));
  const config = resolveAuditConfig({ metrics: 'metrics.json' }, { baseDir: dir, where: 'audit.' });
  return { config, rule: config.rules.find((rule) => rule.meta.id === 'cta-underperforming')!, dir };
}

const PAGE =
  '<a class="button" href="/signup" data-cta="hero">Start your free trial</a>' +
  '<a class="button" href="/demo" data-cta="demo">Book a demo</a>' +
  '<a class="button" href="/contact" data-cta="contact">Talk to sales</a>';

describe('cta-underperforming', () => {
  it('flags the CTA clicked significantly less than the rest of its page, with the numbers and the test', () => {
    const { rule, config } = configured([
      row('hero', 2000, 240),
      row('demo', 2000, 200),
      row('contact', 2000, 60),
      row('elsewhere', 5000, 5, 0, '/other/'),
    ]);
    expect(config.metrics?.period).toBe('2026-11-01 to now');
    const findings = findingsFor(rule, PAGE, { route: '/pricing/' });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe('info');
    expect(findings[0]!.message).toMatch(
      /^data-cta="contact" is clicked on 3\.0% of page views \(95% CI 2\.3%–3\.8%; 60 of 2000\), against 11\.0% for the other CTAs of this page: significantly lower \(one-sided two-proportion z-test, Holm-adjusted p < 0\.001; metrics from metrics\.json, 2026-11-01 to now\)/,
    );
  });

  it('flags a low conversion rate too, and matches /pricing and /pricing/ alike', () => {
    const { rule } = configured([row('hero', 2000, 240, 80), row('demo', 2000, 240, 10)]);
    const findings = findingsFor(rule, PAGE, { route: '/pricing' });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(
      /^data-cta="demo" converts 0\.5% of page views \(95% CI 0\.3%–0\.9%; 10 of 2000\)/,
    );
  });

  it('says nothing on small samples, however different the rates', () => {
    // 150 page views at 0% against 30%: below the 200 page views each side needs.
    expect(
      findingsFor(configured([row('hero', 150, 45), row('demo', 150, 0)]).rule, PAGE, { route: '/pricing/' }),
    ).toEqual([]);
    // Enough page views, but 1 click expected under "no difference": the normal approximation does not hold.
    expect(
      findingsFor(configured([row('hero', 300, 1), row('demo', 300, 0)]).rule, PAGE, { route: '/pricing/' }),
    ).toEqual([]);
  });

  it('says nothing when the difference is within noise, or the CTA is no longer on the page', () => {
    expect(
      findingsFor(configured([row('hero', 1000, 110), row('demo', 1000, 95)]).rule, PAGE, { route: '/pricing/' }),
    ).toEqual([]);
    const gone = configured([row('hero', 2000, 240), row('retired', 2000, 10)]).rule;
    expect(findingsFor(gone, PAGE, { route: '/pricing/' })).toEqual([]);
  });

  it('without metrics the rule does nothing', () => {
    expect(findingsFor(ctaUnderperforming, PAGE, { route: '/pricing/' })).toEqual([]);
    const rule = withOptions(ctaUnderperforming, { metrics: undefined });
    expect(findingsFor(rule, PAGE)).toEqual([]);
  });

  it('a CTA on several pages is judged on each page by its per-page row', () => {
    const metrics: SiteMetrics = {
      source: 'm.json',
      period: 'all time',
      generatedAt: '',
      pages: { '/a': [metric('hero', '/a', 1000, 100), metric('demo', '/a', 1000, 10)] },
    };
    const rule = withOptions(ctaUnderperforming, { metrics });
    expect(findingsFor(rule, PAGE, { route: '/a/' })).toHaveLength(1);
    expect(findingsFor(rule, PAGE, { route: '/b/' })).toEqual([]);
  });
});

function metric(cta: string, page: string, impressions: number, clicks: number): CtaMetrics {
  const { pages: _, ...rates } = nullRates;
  return { cta, page, impressions, clicks, convertedClicks: 0, ...rates };
}

describe('metrics option: a missing or malformed file is an error naming the field and the fix', () => {
  it('a missing file', () => {
    expect(() => resolveAuditConfig({ metrics: 'nope.json' }, { baseDir: tmpdir(), where: 'audit.' })).toThrow(
      /audit\.metrics: cannot read the metrics file .*nope\.json \(there is no such file\)\. Export one with `cta-collect report --format json > metrics\.json`/,
    );
  });

  it('not JSON, and not a report', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cta-metrics-'));
    writeFileSync(path.join(dir, 'bad.json'), '{ nope');
    writeFileSync(path.join(dir, 'other.json'), JSON.stringify({ generatedAt: 'x', period: {}, rows: [{ cta: 1 }] }));
    expect(() => resolveAuditConfig({ metrics: 'bad.json' }, { baseDir: dir })).toThrow(AuditConfigError);
    expect(() => resolveAuditConfig({ metrics: 'bad.json' }, { baseDir: dir })).toThrow(/bad\.json is not JSON/);
    expect(() => resolveAuditConfig({ metrics: 'other.json' }, { baseDir: dir })).toThrow(
      /other\.json is not a CTA report: period\.since: .*cta-collect report --format json/,
    );
  });

  it('counts that are not a proportion', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cta-metrics-'));
    writeFileSync(path.join(dir, 'm.json'), JSON.stringify(reportJson([row('hero', 10, 12)])));
    expect(() => resolveAuditConfig({ metrics: 'm.json' }, { baseDir: dir })).toThrow(
      /m\.json is not a CTA report: rows\.0\.clicks: more clicks than impressions/,
    );
  });

  it('an empty path', () => {
    expect(() => resolveAuditConfig({ metrics: '' }, { where: 'audit.' })).toThrow(
      /audit\.metrics: metrics is the path/,
    );
  });
});
