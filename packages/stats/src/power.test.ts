import { describe, expect, it } from 'vitest';
import { detectableRate, power, sampleSizePerGroup } from './power.ts';

// Reference values: R 4.x `power.prop.test` (the three examples of its help page, whose results the help page states
// as "power = 0.740", "n = 76.7" and "p2 = 0.8026").
describe('power.prop.test', () => {
  it('power.prop.test(n = 50, p1 = .5, p2 = .75): power 0.7401659', () => {
    expect(power(50, 0.5, 0.75)).toBeCloseTo(0.7401659, 6);
  });

  it('power.prop.test(p1 = .5, p2 = .75, power = .9): n 76.7', () => {
    expect(sampleSizePerGroup(0.5, 0.75, 0.05, 0.9)).toBeCloseTo(76.7069, 3);
  });

  it('power.prop.test(p1 = .1, p2 = .12, power = .8): n 3840.8 (a 20% lift on a 10% conversion rate)', () => {
    expect(sampleSizePerGroup(0.1, 0.12)).toBeCloseTo(3840.85, 1);
  });

  it('power.prop.test(n = 50, p1 = .5, power = .9): p2 0.8026', () => {
    expect(detectableRate(50, 0.5, 0.05, 0.9)).toBeCloseTo(0.80263, 4);
  });

  it('the detectable rate is where the sample size formula lands', () => {
    const p2 = detectableRate(3841, 0.1)!;
    expect(p2).toBeCloseTo(0.12, 4);
    expect(power(3841, 0.1, p2)).toBeCloseTo(0.8, 6);
  });

  it('a stricter alpha (Bonferroni over 2 comparisons) needs more observations', () => {
    expect(sampleSizePerGroup(0.1, 0.12, 0.025)).toBeGreaterThan(sampleSizePerGroup(0.1, 0.12));
  });

  it('nothing is detectable with too few observations, and equal rates need infinitely many', () => {
    expect(detectableRate(3, 0.5)).toBeNull();
    expect(detectableRate(0, 0.1)).toBeNull();
    expect(sampleSizePerGroup(0.2, 0.2)).toBe(Infinity);
  });
});
