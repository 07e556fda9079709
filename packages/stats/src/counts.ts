/**
 * Refuses counts that are not a proportion (successes out of trials): every test here assumes one, and a rate above
 * 100% or a fraction of a visitor means the counts were mixed up upstream.
 */
export function checkCounts(what: string, successes: number, trials: number): void {
  if (!Number.isInteger(successes) || !Number.isInteger(trials) || successes < 0 || trials < 0 || successes > trials) {
    throw new RangeError(`${what} needs integers 0 <= successes <= trials, got ${successes} of ${trials}`);
  }
}
