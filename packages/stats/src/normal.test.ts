import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, normalUpperTail } from './normal.ts';

// Reference values: R 4.x `pnorm` and `qnorm`.
describe('normalCdf and normalUpperTail (R pnorm)', () => {
  it('the 95% critical values', () => {
    expect(2 * normalUpperTail(1.959963984540054)).toBeCloseTo(0.05, 7);
    expect(normalUpperTail(0)).toBeCloseTo(0.5, 7);
    expect(normalUpperTail(-1.959963984540054)).toBeCloseTo(0.975, 7);
    expect(normalCdf(-1.959963984540054)).toBeCloseTo(0.025, 7);
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.644853626951472)).toBeCloseTo(0.95, 7);
  });

  it.each([
    [1, 0.8413447460685429],
    [-3, 0.001349898031630095],
    [-6, 9.865876450376946e-10],
    [-10, 7.619853024160527e-24],
  ])('pnorm(%s) = %s, to 1e-6 of itself in the far tail too', (x, expected) => {
    expect(Math.abs(normalCdf(x) - expected) / expected).toBeLessThan(1e-6);
    expect(Math.abs(normalUpperTail(-x) - expected) / expected).toBeLessThan(1e-6);
  });
});

describe('normalQuantile (R qnorm)', () => {
  it.each([
    [0.975, 1.959963984540054],
    [0.8, 0.8416212335729143],
    [0.5, 0],
    [0.0125, -2.241402727604947],
    [0.995, 2.5758293035489],
    [1e-10, -6.361340902404056],
  ])('qnorm(%s) = %s', (p, expected) => {
    expect(normalQuantile(p)).toBeCloseTo(expected, 7);
  });

  it('refuses probabilities outside (0, 1)', () => {
    expect(() => normalQuantile(0)).toThrow(/0 < p < 1, got 0/);
    expect(() => normalQuantile(1)).toThrow(RangeError);
    expect(() => normalQuantile(Number.NaN)).toThrow(RangeError);
  });
});

describe('the normal distribution: properties', () => {
  const x = fc.double({ min: -8, max: 8, noNaN: true });

  // erfcc's fitted polynomial gives erfc(0) = 1.00000003, so both tails read 0.500000015 at exactly 0, and the CDF
  // steps down by 3e-8 just after it: within the accuracy stated (1.2e-7), which is what these properties allow.
  const ACCURACY = 1.2e-7;

  it('the two tails are mirror images and add up to 1', () => {
    fc.assert(
      fc.property(x, (value) => {
        expect(normalCdf(-value)).toBe(normalUpperTail(value));
        expect(Math.abs(normalCdf(value) + normalUpperTail(value) - 1)).toBeLessThanOrEqual(ACCURACY);
      }),
    );
  });

  it('the CDF never decreases (beyond its accuracy), and strictly increases between distinct points 0.01 apart', () => {
    fc.assert(
      fc.property(x, x, (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(normalCdf(low)).toBeLessThanOrEqual(normalCdf(high) + ACCURACY);
        if (high - low >= 0.01 && low > -5) expect(normalCdf(low)).toBeLessThan(normalCdf(high));
      }),
    );
  });

  it('the quantile function inverts the CDF', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
        const back = normalCdf(normalQuantile(p));
        // Relative to the smaller tail: both functions are accurate to ~1e-7 of it.
        expect(Math.abs(back - p)).toBeLessThanOrEqual(1e-6 * Math.min(p, 1 - p));
      }),
    );
  });
});
