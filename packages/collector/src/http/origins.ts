/**
 * Which pages may post events. Browsers send `Origin` on every POST (fetch and sendBeacon), so an event from a page
 * of another site is refused with 403. A request without `Origin` does not come from a browser page (curl, a server)
 * and is accepted: the origin check stops other sites' visitors from skewing your figures, it is not authentication.
 */
export class OriginPolicy {
  readonly #allowAny: boolean;
  readonly #allowed: Set<string>;

  constructor(allowedOrigins: readonly string[]) {
    this.#allowAny = allowedOrigins.includes('*');
    this.#allowed = new Set(allowedOrigins.filter((origin) => origin !== '*').map(normalizeOrigin));
  }

  /**
   * Decides for one request. `selfOrigin` is the collector's own origin (same-origin pages are always allowed).
   * `corsOrigin` is what to send back in Access-Control-Allow-Origin (only for cross-origin browser requests).
   */
  check(origin: string | undefined, selfOrigin: string | undefined): { allowed: boolean; corsOrigin?: string } {
    if (origin === undefined) return { allowed: true };
    if (origin === selfOrigin) return { allowed: true };
    if (this.#allowAny || this.#allowed.has(origin)) return { allowed: true, corsOrigin: origin };
    return { allowed: false };
  }
}

/** `https://Example.com/` → `https://example.com`; throws with a fix for anything that is not an origin. */
export function normalizeOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`allowed origin "${value}" is not a URL: give scheme and host, e.g. https://example.com`);
  }
  if (url.origin === 'null' || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw new Error(`allowed origin "${value}" must be just scheme, host and port, e.g. https://example.com`);
  }
  return url.origin;
}
