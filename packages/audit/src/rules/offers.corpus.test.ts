import { describe, expect, it } from 'vitest';
import { evaluateFindings } from '../../../../tests/fixtures/corpus/evaluate.ts';
import { OFFER_RULES, WITH_ALTERNATIVES } from '../../../../tests/fixtures/corpus/offer-rules.ts';
import { auditHtml } from '../engine.ts';
import { parseHtml } from '../parse.ts';
import { rules } from './index.ts';

const NOW = new Date('2026-11-30T12:00:00Z');

describe('offers and experiments on the labelled corpus', () => {
  const score = evaluateFindings(
    (html) => auditHtml(html, rules, { route: '/', site: { now: NOW } }),
    (html) => (html.includes('data-cta-choose') ? WITH_ALTERNATIVES : OFFER_RULES),
    parseHtml,
  );

  it('has pages with offers and experiments, labelled findings among them', () => {
    expect(score.pages.filter((page) => page.expected > 0).length).toBeGreaterThanOrEqual(3);
    expect(score.expected).toBeGreaterThanOrEqual(10);
  });

  it('finds every labelled finding and nothing else (npm run corpus:audit lists the differences)', () => {
    const differences = score.pages.flatMap((page) => [
      ...page.missed.map((miss) => `${page.page}: missed ${miss}`),
      ...page.unexpected.map((extra) => `${page.page}: unexpected ${extra}`),
    ]);
    expect(differences).toEqual([]);
  });
});
