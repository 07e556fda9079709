/**
 * Two-proportion z-test (pooled, two-sided), the test behind R's `prop.test(x, n, correct = FALSE)` (its X-squared
 * is z²). Used to tell a change between two periods from noise; with p >= 0.05 the report says so.
 */
export interface ZTest {
  z: number;
  /** Two-sided p-value. */
  p: number;
}

export function twoProportionZTest(
  successesA: number,
  trialsA: number,
  successesB: number,
  trialsB: number,
): ZTest | undefined {
  if (trialsA === 0 || trialsB === 0) return undefined;
  const pooled = (successesA + successesB) / (trialsA + trialsB);
  const variance = pooled * (1 - pooled) * (1 / trialsA + 1 / trialsB);
  // Both periods at 0% (or both at 100%): no variation at all, nothing to tell apart.
  if (variance === 0) return { z: 0, p: 1 };
  const z = (successesB / trialsB - successesA / trialsA) / Math.sqrt(variance);
  return { z, p: Math.min(1, 2 * normalUpperTail(Math.abs(z))) };
}

/** P(Z > x) for a standard normal Z: erfc(x / √2) / 2. */
export function normalUpperTail(x: number): number {
  return erfc(x / Math.SQRT2) / 2;
}

/**
 * The complementary error function with a fractional error below 1.2e-7 everywhere (Chebyshev fitting, as `erfcc`
 * in Numerical Recipes in C, 2nd ed., §6.2): enough for p-values shown to 3 digits.
 */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  // Horner form of the fitted polynomial in t.
  const COEFFICIENTS = [
    -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223,
    0.17087277,
  ];
  let polynomial = 0;
  for (let index = COEFFICIENTS.length - 1; index >= 0; index--) polynomial = COEFFICIENTS[index]! + t * polynomial;
  const r = t * Math.exp(-z * z + polynomial);
  return x >= 0 ? r : 2 - r;
}
