import { normalQuantile, normalUpperTail } from './normal.ts';

/**
 * Sample sizes and detectable effects of a two-sided two-proportion test, as R's `power.prop.test` (strict = FALSE)
 * computes them. Defaults: significance level 0.05 (R's default) and power 0.8 (the usual planning target).
 */

/** The power of a two-sided two-proportion test with n per group. */
export function power(n: number, p1: number, p2: number, alpha = 0.05): number {
  const critical = normalQuantile(1 - alpha / 2);
  const pooledSpread = Math.sqrt(((p1 + p2) * (2 - p1 - p2)) / 2);
  const spread = Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return 1 - normalUpperTail((Math.sqrt(n) * Math.abs(p1 - p2) - critical * pooledSpread) / spread);
}

/** Observations per group needed to tell p2 from p1 (power.prop.test solved for n); Infinity when p1 = p2. */
export function sampleSizePerGroup(p1: number, p2: number, alpha = 0.05, wanted = 0.8): number {
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
export function detectableRate(n: number, p1: number, alpha = 0.05, wanted = 0.8): number | null {
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
