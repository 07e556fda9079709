import { describe, expect, it } from 'vitest';
import { compare } from './query.ts';
import { normalUpperTail, twoProportionZTest } from './z-test.ts';

// Reference values: R's prop.test(c(x1, x2), c(n1, n2), correct = FALSE) gives X-squared = z² and the same p; the
// figures here were computed independently with Python's math.erfc. (15/50 vs 25/50: X-squared 4.1667, p 0.04123.)
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

  it('the normal tail at the 95% critical value is 2.5%', () => {
    expect(2 * normalUpperTail(1.959963984540054)).toBeCloseTo(0.05, 7);
    expect(normalUpperTail(0)).toBeCloseTo(0.5, 7);
    expect(normalUpperTail(-1.959963984540054)).toBeCloseTo(0.975, 7);
  });

  it('has nothing to test without trials, and no variation is no evidence', () => {
    expect(twoProportionZTest(0, 0, 1, 10)).toBeUndefined();
    expect(twoProportionZTest(0, 10, 0, 20)).toEqual({ z: 0, p: 1 });
  });
});

describe('compare (the change a report shows)', () => {
  it('says "noise" when p >= 0.05, higher or lower otherwise', () => {
    expect(compare(100, 1000, 120, 1000)).toMatchObject({ previous: 0.1, current: 0.12, verdict: 'noise' });
    expect(compare(500, 10000, 560, 10000).verdict).toBe('noise');
    expect(compare(30, 1000, 52, 1000)).toMatchObject({ verdict: 'higher' });
    expect(compare(52, 1000, 30, 1000)).toMatchObject({ verdict: 'lower' });
    expect(compare(52, 1000, 30, 1000).difference).toBeCloseTo(-0.022, 10);
    expect(compare(0, 0, 3, 10)).toMatchObject({ previous: null, current: 0.3, verdict: 'no data', p: null });
  });
});
