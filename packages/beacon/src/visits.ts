/**
 * The visit id lives in the core (`startBeacon({ visits: true })`), where it costs the fewest bytes; these are its
 * rules, written out there, tied to these names by the tests. sessionStorage keys: the visit id, and the time (ms
 * since epoch) of the visit's last event.
 */
export const VISIT_KEY = 'ctaVisit';
export const SEEN_KEY = 'ctaSeen';
/** A visit ends after 30 minutes without events, as in Google Analytics, Plausible and Umami. */
export const VISIT_TIMEOUT_MS = 30 * 60 * 1000;
