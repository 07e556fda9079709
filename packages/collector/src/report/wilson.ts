/** z for a two-sided 95% interval: the 97.5th percentile of the standard normal distribution. */
export const Z_95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/**
 * Wilson score interval for a binomial proportion (successes out of trials). Unlike the normal approximation it
 * stays inside [0, 1] and behaves at 0 and n successes and for small n, which is where most CTAs live.
 * Undefined for zero trials: no data is not a rate of 0.
 */
export function wilsonInterval(successes: number, trials: number, z = Z_95): Interval | undefined {
  if (!Number.isInteger(successes) || !Number.isInteger(trials) || successes < 0 || trials < 0 || successes > trials) {
    throw new RangeError(`wilsonInterval needs integers 0 <= successes <= trials, got ${successes} of ${trials}`);
  }
  if (trials === 0) return undefined;
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  // Clamp rounding noise at the edges (e.g. 0 successes gives a low of -1e-17).
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
