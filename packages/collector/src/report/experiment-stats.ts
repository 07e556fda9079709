import { normalUpperTail } from './z-test.ts';

/**
 * The statistics of an experiment's report: each arm against the control arm with a two-proportion z-test
 * (z-test.ts), the p-values of the k − 1 comparisons adjusted with Holm's step-down method (so that "95% confident"
 * holds for the experiment as a whole, however many arms it has), and the sample sizes and minimum detectable
 * effects of R's `power.prop.test` (two-sided, strict = FALSE) at alpha 0.05, split Bonferroni-wise over the
 * comparisons, and power 0.8.
 *
 * This is a fixed-horizon test: it is valid when the result is read once, at a sample size decided beforehand. Read
 * daily and stopped at the first "95% confident", it is wrong more often than 5% of the time; the report says so.
 */

/** Family-wise error rate of an experiment's comparisons: "95% confident". */
export const ALPHA = 0.05;
/** The chance that a real effect of the minimum detectable size shows as significant. */
export const POWER = 0.8;

/**
 * The standard normal quantile function (inverse CDF): Acklam's rational approximation (relative error below
 * 1.15e-9), enough for the critical values of tests shown to 3 digits.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile needs 0 < p < 1, got ${p}`);
  if (p > 1 - LOWER_REGION) return -normalQuantile(1 - p);
  if (p < LOWER_REGION) {
    const q = Math.sqrt(-2 * Math.log(p));
    return horner(C, q) / (horner(D, q) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (horner(A, r) * q) / (horner(B, r) * r + 1);
}

// Acklam's coefficients: the central region's numerator (A) and denominator (B), the tails' (C, D).
const A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
];
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
const LOWER_REGION = 0.02425;

/** c0·x^(n−1) + … + c(n−1), highest power first. */
const horner = (coefficients: readonly number[], x: number): number =>
  coefficients.reduce((sum, coefficient) => sum * x + coefficient, 0);

/** The power of a two-sided two-proportion test with n per group (R's `power.prop.test`, strict = FALSE). */
export function power(n: number, p1: number, p2: number, alpha = ALPHA): number {
  const critical = normalQuantile(1 - alpha / 2);
  const pooledSpread = Math.sqrt(((p1 + p2) * (2 - p1 - p2)) / 2);
  const spread = Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return 1 - normalUpperTail((Math.sqrt(n) * Math.abs(p1 - p2) - critical * pooledSpread) / spread);
}

/** Observations per group needed to tell p2 from p1 (power.prop.test solved for n); Infinity when p1 = p2. */
export function sampleSizePerGroup(p1: number, p2: number, alpha = ALPHA, wanted = POWER): number {
  if (p1 === p2) return Infinity;
  const critical = normalQuantile(1 - alpha / 2);
  const needed = normalQuantile(wanted);
  const pooledSpread = Math.sqrt(((p1 + p2) * (2 - p1 - p2)) / 2);
  const spread = Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return ((critical * pooledSpread + needed * spread) / Math.abs(p1 - p2)) ** 2;
}

/**
 * The smallest rate above `p1` that a test with n per group detects with the given power (power.prop.test solved
 * for p2 > p1): the minimum detectable effect is this minus p1. Null when no rate up to 100% is detectable.
 */
export function detectableRate(n: number, p1: number, alpha = ALPHA, wanted = POWER): number | null {
  if (!(n > 0) || p1 >= 1 || power(n, p1, 1, alpha) < wanted) return null;
  let low = p1;
  let high = 1;
  // Power grows with p2 above p1: bisect to far below the digits shown.
  for (let step = 0; step < 60; step++) {
    const middle = (low + high) / 2;
    if (power(n, p1, middle, alpha) < wanted) low = middle;
    else high = middle;
  }
  return high;
}

/** Holm's step-down adjustment of p-values (R's `p.adjust(p, "holm")`), in the order given. */
export function holm(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, index) => ({ p, index })).sort((a, b) => a.p - b.p);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(({ p, index }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[index] = running;
  });
  return adjusted;
}
