/**
 * The visit id lives in the core (`startBeacon({ visits: true })`), where it costs the fewest bytes; this is its
 * rule, written out there and tied to this name by the tests. The core keeps one random id per tab in sessionStorage
 * under TAB_KEY and sends it as `vi`; the collector splits a tab's events into visits after 30 minutes without
 * events (@astro-cta/collector, db/tab-visits.ts), so the browser keeps no clock.
 */
export const TAB_KEY = 'ctaTab';
