export interface OriginPolicyOptions {
  /** Origins of other sites whose pages may post events; `*` for any. */
  allowedOrigins?: readonly string[];
  /**
   * The collector's own public origin(s) (`--public-url`), e.g. `https://www.example.com` behind a TLS proxy. When
   * set, or when allowed origins are listed, the Host header is not trusted to say what "same origin" is.
   */
  publicOrigins?: readonly string[];
  /** Told once per refused origin, so a misconfiguration (every event refused) is visible in the log. */
  log?: (message: string) => void;
}

/** Distinct refused origins named in the log; a flood of made-up origins ends in one summary line. */
const MAX_LOGGED_ORIGINS = 1000;

/**
 * Which pages may post events. Browsers send `Origin` on every POST (fetch and sendBeacon), so an event from a page
 * of another site is refused with 403. A request without `Origin` does not come from a browser page (curl, a server)
 * and is accepted: the origin check stops other sites' visitors from skewing your figures, it is not authentication.
 *
 * "Same origin" comes from the configuration when there is any: `--public-url` names the collector's own origin and
 * `--allow-origin` the others. Only with neither (a local `cta-collect serve`) is an Origin equal to the request's
 * own Host accepted, since anyone can point a DNS name at the collector and so choose the Host (DNS rebinding).
 */
export class OriginPolicy {
  readonly #allowAny: boolean;
  readonly #allowed: Set<string>;
  readonly #public: Set<string>;
  readonly #log: (message: string) => void;
  readonly #logged = new Set<string>();
  #saidEnough = false;

  constructor({ allowedOrigins = [], publicOrigins = [], log = () => {} }: OriginPolicyOptions = {}) {
    this.#allowAny = allowedOrigins.includes('*');
    this.#allowed = new Set(allowedOrigins.filter((origin) => origin !== '*').map(normalizeOrigin));
    this.#public = new Set(publicOrigins.map(normalizeOrigin));
    this.#log = log;
  }

  /** Whether "same origin" is configured rather than read from the Host header. */
  get configured(): boolean {
    return this.#public.size > 0 || this.#allowed.size > 0;
  }

  /**
   * Decides for one request. `requestOrigin` is the origin the request was addressed to (scheme from the connection
   * or a trusted proxy, host from Host); it counts only when nothing is configured. `corsOrigin` is what to send
   * back in Access-Control-Allow-Origin (only for cross-origin browser requests).
   */
  check(origin: string | undefined, requestOrigin: string | undefined): { allowed: boolean; corsOrigin?: string } {
    if (origin === undefined) return { allowed: true };
    if (this.#public.has(origin)) return { allowed: true };
    if (!this.configured && origin === requestOrigin) return { allowed: true };
    if (this.#allowAny || this.#allowed.has(origin)) return { allowed: true, corsOrigin: origin };
    this.#noteRefusal(origin, requestOrigin);
    return { allowed: false };
  }

  #noteRefusal(origin: string, requestOrigin: string | undefined): void {
    if (this.#logged.has(origin) || this.#saidEnough) return;
    if (this.#logged.size >= MAX_LOGGED_ORIGINS) {
      this.#saidEnough = true;
      this.#log(
        `cta-collect: refused events from ${MAX_LOGGED_ORIGINS} distinct origins; ` +
          'further ones are refused without a log line',
      );
      return;
    }
    this.#logged.add(origin);
    const own = this.#public.size
      ? [...this.#public].join(', ')
      : `${requestOrigin ?? '(no Host)'} (from the Host header)`;
    const others = this.#allowed.size ? [...this.#allowed].join(', ') : 'none';
    this.#log(
      `cta-collect: refused events from origin ${safeOrigin(origin)} (403): own origin ${own}, ` +
        `allowed origins ${others}. If these are your pages, add --allow-origin ${safeOrigin(origin)}, or give ` +
        '--public-url (behind a TLS-terminating proxy) or --trust-proxy so the scheme is known. ' +
        'Logged once per origin.',
    );
  }
}

/** An origin for a log line: control characters escaped so a hostile header cannot forge log lines. */
function safeOrigin(origin: string): string {
  return JSON.stringify(origin).slice(1, -1);
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
