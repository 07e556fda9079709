/**
 * A one-sided two-proportion z-test (pooled): is rate A below rate B? The same test as the collector's report
 * (@astro-cta/collector's z-test.ts, which the audit does not depend on), one-sided because the question asked is
 * "significantly below", and Holm's adjustment for asking it of several CTAs of one page.
 */
export interface BelowTest {
  z: number;
  /** One-sided p-value: P(Z <= z) under "no difference". */
  p: number;
}

export function belowTest(successesA: number, trialsA: number, successesB: number, trialsB: number): BelowTest {
  const pooled = (successesA + successesB) / (trialsA + trialsB);
  const variance = pooled * (1 - pooled) * (1 / trialsA + 1 / trialsB);
  if (variance === 0) return { z: 0, p: 1 };
  const z = (successesA / trialsA - successesB / trialsB) / Math.sqrt(variance);
  return { z, p: normalCdf(z) };
}

/** Holm's step-down adjustment (R's `p.adjust(p, "holm")`), in the order given. */
export function holm(pValues: readonly number[]): number[] {
  const order = pValues.map((p, index) => ({ p, index })).sort((a, b) => a.p - b.p);
  const adjusted = new Array<number>(pValues.length);
  let running = 0;
  order.forEach(({ p, index }, rank) => {
    running = Math.max(running, Math.min(1, (pValues.length - rank) * p));
    adjusted[index] = running;
  });
  return adjusted;
}

/** P(Z <= x) for a standard normal Z, from erfc (Numerical Recipes' `erfcc`, fractional error below 1.2e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const COEFFICIENTS = [
    -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223,
    0.17087277,
  ];
  let polynomial = 0;
  for (let index = COEFFICIENTS.length - 1; index >= 0; index--) polynomial = COEFFICIENTS[index]! + t * polynomial;
  const upper = (t * Math.exp(-z * z + polynomial)) / 2; // P(Z > |x|)
  return x >= 0 ? 1 - upper : upper;
}
