/**
 * CTAs of the markup contract that did not opt out (`data-cta-notrack`). Written out rather than built from the
 * contract's constants because every byte of the core counts; `names.test.ts` ties it to the contract.
 */
export const TRACKED = '[data-cta]:not([data-cta-notrack])';
