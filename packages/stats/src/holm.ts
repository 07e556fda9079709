/**
 * Holm's step-down adjustment of p-values (R's `p.adjust(p, "holm")`), returned in the order given: rejecting where
 * the adjusted p-value is below alpha keeps the chance of any false rejection among all of them at alpha or less,
 * whatever their number, and is never less powerful than Bonferroni's.
 */
export function holm(pValues: readonly number[]): number[] {
  for (const p of pValues) {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`holm needs p-values between 0 and 1, got ${p}`);
  }
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
