import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holm } from './holm.ts';

// Reference values: R 4.x `p.adjust(…, "holm")`.
describe('holm (R p.adjust(p, "holm"))', () => {
  it('p.adjust(c(0.01, 0.02, 0.03, 0.04, 0.05), "holm") = 0.05 0.08 0.09 0.09 0.09', () => {
    const adjusted = holm([0.01, 0.02, 0.03, 0.04, 0.05]);
    [0.05, 0.08, 0.09, 0.09, 0.09].forEach((value, index) => expect(adjusted[index]).toBeCloseTo(value, 12));
  });

  it('keeps the order given and caps at 1', () => {
    expect(holm([0.04, 0.001, 0.6])).toEqual([0.08, 0.003, 0.6]);
    expect(holm([0.7, 0.9])).toEqual([1, 1]);
    expect(holm([0.03])).toEqual([0.03]);
    expect(holm([])).toEqual([]);
    // The audit's cta-underperforming case: p.adjust(c(0.01, 0.04, 0.03), "holm") = 0.03 0.06 0.06.
    expect(holm([0.01, 0.04, 0.03])).toEqual([0.03, 0.06, 0.06]);
  });

  it('refuses values that are not p-values', () => {
    expect(() => holm([0.2, 1.5])).toThrow(/between 0 and 1, got 1.5/);
    expect(() => holm([Number.NaN])).toThrow(RangeError);
  });
});

/** Holm (1979) as he states it: reject in order of p while p(i) <= alpha / (m − i + 1); stop at the first that fails. */
function holmRejects(pValues: readonly number[], alpha: number): boolean[] {
  const order = pValues.map((p, index) => ({ p, index })).sort((a, b) => a.p - b.p);
  const rejected = pValues.map(() => false);
  for (const [rank, { p, index }] of order.entries()) {
    if (p > alpha / (pValues.length - rank)) break;
    rejected[index] = true;
  }
  return rejected;
}

describe('holm: properties', () => {
  const pValues = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 });

  it('rejects exactly what Holm’s step-down procedure rejects, at any alpha', () => {
    fc.assert(
      fc.property(pValues, fc.double({ min: 0.001, max: 0.2, noNaN: true }), (ps, alpha) => {
        expect(holm(ps).map((adjusted) => adjusted <= alpha)).toEqual(holmRejects(ps, alpha));
      }),
    );
  });

  it('never lowers a p-value, never exceeds Bonferroni or 1, and keeps the p-values’ order', () => {
    fc.assert(
      fc.property(pValues, (ps) => {
        const adjusted = holm(ps);
        ps.forEach((p, index) => {
          expect(adjusted[index]).toBeGreaterThanOrEqual(p);
          expect(adjusted[index]).toBeLessThanOrEqual(Math.min(1, ps.length * p));
          ps.forEach((q, other) => {
            if (p < q) expect(adjusted[index]).toBeLessThanOrEqual(adjusted[other]!);
          });
        });
      }),
    );
  });
});
