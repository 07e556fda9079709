import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { twoProportionZTest } from './z-test.ts';

// Reference values: R's prop.test(c(x2, x1), c(n2, n1), correct = FALSE) gives X-squared = z² and the same p; the
// two-sided figures were also computed independently with Python's math.erfc. (15/50 vs 25/50: X-squared 4.1667,
// p 0.04123.)
describe('twoProportionZTest', () => {
  it.each([
    [15, 50, 25, 50, 2.041241452, 0.041226833],
    [100, 1000, 120, 1000, 1.42930085, 0.152917782],
    [30, 1000, 52, 1000, 2.480883959, 0.013105703],
    [1, 10, 2, 10, 0.626224291, 0.531167837],
    [500, 10000, 560, 10000, 1.893752976, 0.058257806],
  ])('%i/%i → %i/%i: z = %f, p = %f', (x1, n1, x2, n2, z, p) => {
    const test = twoProportionZTest(x1, n1, x2, n2)!;
    expect(test.z).toBeCloseTo(z, 6);
    expect(test.p).toBeCloseTo(p, 6);
    // The direction follows the change; the p-value does not.
    const reverse = twoProportionZTest(x2, n2, x1, n1)!;
    expect(reverse.z).toBeCloseTo(-z, 6);
    expect(reverse.p).toBeCloseTo(p, 6);
  });

  it('one-sided: prop.test(c(60, 240), c(2000, 2000), alternative = "less", correct = FALSE)', () => {
    // X-squared = 116.76, z = −10.81, one-sided p < 2.2e-16: B (60 of 2000) below A (240 of 2000).
    const test = twoProportionZTest(240, 2000, 60, 2000, 'less')!;
    expect(test.z ** 2).toBeCloseTo(116.76, 1);
    expect(test.z).toBeLessThan(0);
    expect(test.p).toBeLessThan(1e-15);
    // prop.test(c(95, 110), c(1000, 1000), alternative = "less", correct = FALSE): p-value = 0.1344.
    expect(twoProportionZTest(110, 1000, 95, 1000, 'less')!.p).toBeCloseTo(0.1344, 4);
    // … and "greater" asks the other way round: 1 − 0.1344.
    expect(twoProportionZTest(110, 1000, 95, 1000, 'greater')!.p).toBeCloseTo(0.8656, 4);
  });

  it('has nothing to test without trials, and no variation is no evidence', () => {
    expect(twoProportionZTest(0, 0, 1, 10)).toBeUndefined();
    expect(twoProportionZTest(0, 10, 0, 20)).toEqual({ z: 0, p: 1 });
    expect(twoProportionZTest(7, 7, 3, 3, 'less')).toEqual({ z: 0, p: 1 });
  });

  it('refuses counts that are not proportions, naming the side', () => {
    expect(() => twoProportionZTest(11, 10, 1, 10)).toThrow(
      /\(A\) needs integers 0 <= successes <= trials, got 11 of 10/,
    );
    expect(() => twoProportionZTest(1, 10, -1, 10)).toThrow(/\(B\)/);
    expect(() => twoProportionZTest(1.5, 10, 1, 10)).toThrow(RangeError);
  });
});

/** Pearson's X² of the 2×2 table (successes, failures) × (A, B): Σ (observed − expected)² / expected. */
function pearsonChiSquared(sA: number, nA: number, sB: number, nB: number): number {
  const total = nA + nB;
  const successes = sA + sB;
  const cells = [
    [sA, nA, successes],
    [nA - sA, nA, total - successes],
    [sB, nB, successes],
    [nB - sB, nB, total - successes],
  ] as const;
  return cells.reduce((sum, [observed, row, column]) => {
    const expected = (row * column) / total;
    return sum + (observed - expected) ** 2 / expected;
  }, 0);
}

describe('twoProportionZTest: properties', () => {
  const side = fc
    .integer({ min: 1, max: 5000 })
    .chain((trials) => fc.record({ successes: fc.integer({ min: 0, max: trials }), trials: fc.constant(trials) }));

  it('z² is Pearson’s chi-squared of the 2×2 table (prop.test without continuity correction)', () => {
    fc.assert(
      fc.property(side, side, (a, b) => {
        const pooled = (a.successes + b.successes) / (a.trials + b.trials);
        fc.pre(pooled > 0 && pooled < 1);
        const { z } = twoProportionZTest(a.successes, a.trials, b.successes, b.trials)!;
        const chiSquared = pearsonChiSquared(a.successes, a.trials, b.successes, b.trials);
        expect(Math.abs(z * z - chiSquared)).toBeLessThanOrEqual(1e-9 * Math.max(1, chiSquared));
      }),
    );
  });

  it('the one-sided p-values add up to 1, and the two-sided one is twice the smaller', () => {
    fc.assert(
      fc.property(side, side, (a, b) => {
        // (Without any variation every p-value is 1: no evidence either way.)
        fc.pre(a.successes + b.successes > 0 && a.successes + b.successes < a.trials + b.trials);
        const less = twoProportionZTest(a.successes, a.trials, b.successes, b.trials, 'less')!;
        const greater = twoProportionZTest(a.successes, a.trials, b.successes, b.trials, 'greater')!;
        const both = twoProportionZTest(a.successes, a.trials, b.successes, b.trials)!;
        expect(Math.abs(less.p + greater.p - 1)).toBeLessThanOrEqual(1.2e-7);
        expect(both.p).toBeCloseTo(Math.min(1, 2 * Math.min(less.p, greater.p)), 12);
        expect(Math.sign(both.z)).toBe(Math.sign(b.successes / b.trials - a.successes / a.trials));
      }),
    );
  });

  it('swapping A and B flips z and "less" with "greater"', () => {
    fc.assert(
      fc.property(side, side, (a, b) => {
        const forward = twoProportionZTest(a.successes, a.trials, b.successes, b.trials, 'less')!;
        const backward = twoProportionZTest(b.successes, b.trials, a.successes, a.trials, 'greater')!;
        expect(backward.z).toBeCloseTo(-forward.z, 12);
        expect(backward.p).toBeCloseTo(forward.p, 12);
      }),
    );
  });
});
