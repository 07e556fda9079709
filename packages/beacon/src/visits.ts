import type { Gate } from './index.ts';

/** sessionStorage keys: the visit id, and the time (ms since epoch) of the visit's last event. */
export const VISIT_KEY = 'ctaVisit';
export const SEEN_KEY = 'ctaSeen';
/** A visit ends after 30 minutes without events, as in Google Analytics, Plausible and Umami. */
export const VISIT_TIMEOUT_MS = 30 * 60 * 1000;

/**
 * Wraps the gate (`startBeacon({ gate: visits(consentGate()) })`, or `visits()` alone) so that every event that
 * passed it carries the visit id `vi`: random, kept in `sessionStorage` (per tab and per site, gone when the tab
 * closes, never a cookie), renewed after 30 minutes without events. The id is drawn and stored only after the gate
 * let the event through, so nothing is stored while consent is pending or denied, and nothing at all when GPC, DNT
 * or the environment keep the beacon off. Storage that throws (disabled, sandboxed, full) leaves the event without
 * `vi`; content under our key that is not one of our ids starts a new visit.
 */
export function visits(gate: Gate = (deliver) => deliver): Gate {
  return (deliver) =>
    gate((event) => {
      try {
        const store = sessionStorage;
        const now = Date.now();
        const fresh = now - Number(store[SEEN_KEY]) < VISIT_TIMEOUT_MS && /^\w{1,64}$/.test(store[VISIT_KEY]);
        event.vi = store[VISIT_KEY] = fresh ? store[VISIT_KEY] : `${Math.random()}`.slice(2);
        store[SEEN_KEY] = now;
      } catch {
        // No visit id then: the event itself still goes out.
      }
      deliver(event);
    });
}
