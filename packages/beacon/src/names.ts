/**
 * CTAs of the markup contract that did not opt out (`data-cta-notrack`). Written out rather than built from the
 * contract's constants because every byte of the core counts; `names.test.ts` ties it to the contract.
 */
export const TRACKED = '[data-cta]:not([data-cta-notrack])';

/**
 * Dispatched on window by `@astro-cta/beacon/history` when the History API changed the page: the core then starts a
 * new page view if the path changed, as it does on Astro's astro:page-load.
 */
export const PAGE_EVENT = 'cta:page';
