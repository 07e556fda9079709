import { checkCounts } from './counts.ts';
import { normalCdf, normalUpperTail } from './normal.ts';

export interface ZTest {
  /** (rate B − rate A) / its standard error under "no difference": positive when B's rate is higher. */
  z: number;
  /** The p-value for the alternative asked. */
  p: number;
}

/**
 * What the test asks of B's rate against A's: that it differs either way (two-sided), that it is higher, or that it
 * is lower (one-sided).
 */
export type Alternative = 'two-sided' | 'greater' | 'less';

/**
 * The pooled two-proportion z-test of B against A: R's `prop.test(c(successesB, successesA), c(trialsB, trialsA),
 * alternative, correct = FALSE)`, whose X-squared is z². Undefined when either side has no trials (nothing to
 * compare); with no variation at all (both at 0% or both at 100%) there is no evidence either way: z 0, p 1.
 */
export function twoProportionZTest(
  successesA: number,
  trialsA: number,
  successesB: number,
  trialsB: number,
  alternative: Alternative = 'two-sided',
): ZTest | undefined {
  checkCounts('twoProportionZTest (A)', successesA, trialsA);
  checkCounts('twoProportionZTest (B)', successesB, trialsB);
  if (trialsA === 0 || trialsB === 0) return undefined;
  const pooled = (successesA + successesB) / (trialsA + trialsB);
  const variance = pooled * (1 - pooled) * (1 / trialsA + 1 / trialsB);
  if (variance === 0) return { z: 0, p: 1 };
  const z = (successesB / trialsB - successesA / trialsA) / Math.sqrt(variance);
  switch (alternative) {
    case 'two-sided':
      return { z, p: Math.min(1, 2 * normalUpperTail(Math.abs(z))) };
    case 'greater':
      return { z, p: normalUpperTail(z) };
    case 'less':
      return { z, p: normalCdf(z) };
  }
}
