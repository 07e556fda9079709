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

/**
 * The global (`self.ctaTrack`) where track() and trackConversion() leave their events: an array until a beacon
 * starts, which takes what waits and then reports each push at once.
 */
export const TRACK_QUEUE = 'ctaTrack';

/** A page view visible this long in total (paused while hidden) reports itself engaged, once. */
export const ENGAGED_MS = 10_000;
/** The engagement event's `id`: the signal it stands for (visible 10 s in total). */
export const ENGAGED_ID = '10s';
