import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wilsonInterval, Z_95 } from './wilson.ts';

// Reference values: R's prop.test(x, n, correct = FALSE)$conf.int and Wilson (1927), as tabulated by Newcombe (1998).
describe('wilsonInterval', () => {
  it.each([
    [5, 10, 0.2365931, 0.7634069],
    [0, 10, 0, 0.2775328],
    [10, 10, 0.7224672, 1],
    [1, 1, 0.2065493, 1],
    [81, 263, 0.2553, 0.3662],
    [20, 100, 0.1333669, 0.2888292],
    [1, 1000, 0.0001765, 0.0056372],
    // Newcombe (1998), Table I, method 3 (score interval without continuity correction).
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i of %i → [%f, %f]', (successes, trials, low, high) => {
    const interval = wilsonInterval(successes, trials)!;
    expect(interval.low).toBeCloseTo(low, 4);
    expect(interval.high).toBeCloseTo(high, 4);
  });

  it('contains the observed rate and stays within [0, 1]', () => {
    for (let trials = 1; trials <= 60; trials++) {
      for (let successes = 0; successes <= trials; successes++) {
        const { low, high } = wilsonInterval(successes, trials)!;
        expect(low).toBeGreaterThanOrEqual(0);
        expect(high).toBeLessThanOrEqual(1);
        expect(low).toBeLessThanOrEqual(successes / trials + 1e-12);
        expect(high).toBeGreaterThanOrEqual(successes / trials - 1e-12);
      }
    }
  });

  it('narrows as the sample grows', () => {
    const small = wilsonInterval(10, 100)!;
    const large = wilsonInterval(1000, 10_000)!;
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
  });

  it('has no interval without trials, and refuses impossible counts', () => {
    expect(wilsonInterval(0, 0)).toBeUndefined();
    expect(() => wilsonInterval(3, 2)).toThrow(/successes <= trials/);
    expect(() => wilsonInterval(-1, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(0.5, 2)).toThrow(RangeError);
  });
});

describe('wilsonInterval: properties', () => {
  const counts = fc
    .integer({ min: 1, max: 100_000 })
    .chain((trials) => fc.tuple(fc.integer({ min: 0, max: trials }), fc.constant(trials)));

  it('its ends are the rates a score test at z only just rejects (Wilson 1927: the interval inverts that test)', () => {
    fc.assert(
      fc.property(counts, ([successes, trials]) => {
        const observed = successes / trials;
        const { low, high } = wilsonInterval(successes, trials)!;
        // With no successes the low end is 0 (and with all, the high end is 1): a bound, not a rejected rate.
        const ends = [...(successes > 0 ? [low] : []), ...(successes < trials ? [high] : [])];
        for (const end of ends) {
          const score = Math.abs(observed - end) / Math.sqrt((end * (1 - end)) / trials);
          expect(score).toBeCloseTo(Z_95, 6);
        }
      }),
    );
  });

  it('widens with the confidence asked for', () => {
    fc.assert(
      fc.property(counts, ([successes, trials]) => {
        const narrow = wilsonInterval(successes, trials, 1.644853626951472)!; // 90%
        const wide = wilsonInterval(successes, trials)!; // 95%
        expect(wide.low).toBeLessThanOrEqual(narrow.low);
        expect(wide.high).toBeGreaterThanOrEqual(narrow.high);
      }),
    );
  });
});
