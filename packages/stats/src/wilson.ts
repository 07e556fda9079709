import { checkCounts } from './counts.ts';

/** z for a two-sided 95% interval: the 97.5th percentile of the standard normal distribution (R's `qnorm(0.975)`). */
export const Z_95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/**
 * Wilson score interval for a binomial proportion (successes out of trials), R's `prop.test(x, n, correct =
 * FALSE)$conf.int`. Unlike the normal approximation it stays inside [0, 1] and behaves at 0 and n successes and for
 * small n, which is where most CTAs live. Undefined for zero trials: no data is not a rate of 0.
 */
export function wilsonInterval(successes: number, trials: number, z = Z_95): Interval | undefined {
  checkCounts('wilsonInterval', successes, trials);
  if (trials === 0) return undefined;
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  // With no successes the interval starts at exactly 0, with all it ends at exactly 1 (the formula gives ±1e-17 of
  // rounding noise there); elsewhere clamp the same noise.
  return {
    low: successes === 0 ? 0 : Math.max(0, centre - half),
    high: successes === trials ? 1 : Math.min(1, centre + half),
  };
}
