import type { EventWriter, StoreResult } from './db/event-store.ts';
import { StoreUnavailableError } from './db/store-errors.ts';
import {
  AnswerDeadline,
  checkAnswerDeadline,
  DEFAULT_ANSWER_DEADLINE_MS,
  type DeadlineClock,
  DeadlineExceeded,
} from './http/answer-deadline.ts';
import type { Quota, RateLimit } from './http/limits.ts';
import type { OriginPolicy } from './http/origins.ts';
import { ThrottledLog } from './http/throttled-log.ts';
import { NOT_TRAFFIC_HINT, type NotTraffic, notTraffic, type TrafficFilterOptions } from './http/traffic-filter.ts';
import { LIMITS } from './limits.ts';
import { parseBatch } from './validate.ts';

/** One request as every host (node:http, an Astro endpoint) can describe it. */
export interface CollectRequest {
  method: string;
  contentType: string | undefined;
  contentLength: string | undefined;
  origin: string | undefined;
  /**
   * The origin the request was addressed to, e.g. `http://127.0.0.1:4321` (Host header, scheme of the connection or
   * of a trusted proxy). Same-origin pages are allowed by it only when no origin is configured (see OriginPolicy).
   */
  requestOrigin: string | undefined;
  /** The Referer header: names the page when Origin does not (the local-traffic filter); never stored. */
  referer?: string | undefined;
  /** The User-Agent header: tells automated browsers apart (the automation filter); never stored. */
  userAgent?: string | undefined;
  /** Used only to pick rate-limit and quota entries through a salted hash; never stored. */
  clientIp: string;
  /** Reads the body, giving up with 'too-large' as soon as it exceeds `limit` bytes. */
  readBody: (limit: number) => Promise<Uint8Array | 'too-large'>;
}

export interface CollectResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The request body was not read to its end: the connection should not be reused. */
  closeConnection?: boolean;
}

export interface CollectorParts {
  store: EventWriter;
  origins: OriginPolicy;
  /** ClientKeys (one process) or SharedClientKeys (processes sharing a PostgreSQL database). */
  clientKeys: { keyFor(ip: string): string | Promise<string> };
  rateLimiter: RateLimit;
  quota: Quota;
  /** Where a client reaching a daily limit is reported (once per client, limit and day). */
  log?: (message: string) => void;
  maxBodyBytes?: number;
  /** Which development and automated visits to store anyway (default: neither; see traffic-filter.ts). */
  traffic?: TrafficFilterOptions;
  /**
   * How long one request may wait on the database in all (default 5 s): past it the request gets 503 with
   * Retry-After, never a 2xx, and a write that commits later is counted once when the client sends it again.
   */
  answerDeadlineMs?: number;
  /** The deadline's clock and timers (tests pass fake ones). */
  clock?: DeadlineClock;
}

// sendBeacon and fetch with a string body send text/plain (no CORS preflight); JSON is accepted from same-origin code.
const ACCEPTED_TYPES = new Set(['text/plain', 'application/json']);

/**
 * Validates one request and stores its events. Checks run cheapest first (method, origin, rate, size, type) so a
 * hostile request costs as little as possible; every refusal is a 4xx with a JSON `{ error }` saying why, and a
 * 2xx is sent only after the events are committed. Waits on the database share one deadline per request
 * (AnswerDeadline): a database that is down, or slow to say so, costs a 503 within it, not a hung request.
 */
export class Collector {
  readonly #parts: Required<Omit<CollectorParts, 'clock'>> & Pick<CollectorParts, 'clock'>;
  /** Database outages: one line a minute, however many requests get 503. */
  readonly #outages: ThrottledLog;
  /** Events answered 2xx but not stored, by reason, since the collector started (also in the log). */
  readonly #dropped: Record<NotTraffic, number> = { local: 0, automation: 0 };

  constructor(parts: CollectorParts) {
    this.#parts = {
      maxBodyBytes: LIMITS.maxBodyBytes,
      log: () => {},
      traffic: { acceptLocal: false, acceptAutomation: false },
      answerDeadlineMs: DEFAULT_ANSWER_DEADLINE_MS,
      ...parts,
    };
    checkAnswerDeadline(this.#parts.answerDeadlineMs);
    this.#outages = new ThrottledLog(this.#parts.log);
  }

  async handle(request: CollectRequest): Promise<CollectResponse> {
    const { origins, clientKeys, rateLimiter, quota, store, maxBodyBytes, log, answerDeadlineMs, clock } = this.#parts;
    const originCheck = origins.check(request.origin, request.requestOrigin);
    const cors: Record<string, string> = originCheck.corsOrigin
      ? { 'access-control-allow-origin': originCheck.corsOrigin }
      : {};
    const reply = (
      status: number,
      body: object,
      extra: Record<string, string> = {},
      closeConnection = false,
    ): CollectResponse => ({
      status,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
        vary: 'Origin',
        ...cors,
        ...extra,
      },
      body: JSON.stringify(body),
      closeConnection,
    });

    if (!originCheck.allowed) {
      return reply(403, { error: `origin ${request.origin} is not allowed: add it with --allow-origin` });
    }
    if (request.method === 'OPTIONS') {
      // Not needed for text/plain, but a JSON sender on an allowed origin gets a proper preflight answer.
      return reply(
        204,
        {},
        {
          'access-control-allow-methods': 'POST',
          'access-control-allow-headers': 'content-type',
          'access-control-max-age': '86400',
        },
      );
    }
    if (request.method !== 'POST') {
      return reply(
        405,
        { error: `${request.method} is not allowed: the beacon POSTs a JSON array of events` },
        { allow: 'POST, OPTIONS' },
      );
    }
    // The shared limits live in the database: when it is down, or silent past the deadline, say so (503) as the
    // write would.
    const deadline = new AnswerDeadline(answerDeadlineMs, clock);
    let clientKey: string;
    let rate: Awaited<ReturnType<RateLimit['allow']>>;
    try {
      clientKey = await deadline.within(clientKeys.keyFor(request.clientIp));
      rate = await deadline.within(rateLimiter.allow(clientKey));
    } catch (error) {
      if (error instanceof StoreUnavailableError || error instanceof DeadlineExceeded) {
        return this.#unavailable(reply, error);
      }
      throw error;
    }
    if (!rate.allowed) {
      return reply(
        429,
        { error: 'too many requests from this client: slow down' },
        { 'retry-after': String(rate.retryAfterSeconds) },
        true,
      );
    }
    const declaredLength = request.contentLength === undefined ? undefined : Number(request.contentLength);
    if (declaredLength !== undefined && declaredLength > maxBodyBytes) {
      return reply(
        413,
        { error: `the body is larger than ${maxBodyBytes} bytes: send fewer events per request` },
        {},
        true,
      );
    }
    const mediaType = parseMediaType(request.contentType);
    if (mediaType === undefined) {
      return reply(415, {
        error: `content type ${request.contentType ?? '(none)'} is not accepted: send text/plain (UTF-8) or application/json`,
      });
    }
    const body = await request.readBody(maxBodyBytes);
    if (body === 'too-large') {
      return reply(
        413,
        { error: `the body is larger than ${maxBodyBytes} bytes: send fewer events per request` },
        {},
        true,
      );
    }
    const parsed = parseBatch(body);
    if (!parsed.ok) return reply(parsed.status, { error: parsed.error });
    // Development and automated visits: acknowledged (the beacon must not send them again), counted, not stored.
    // Checked after validation, so a developer on localhost still sees what is wrong with an event.
    const dropped = notTraffic(
      { origin: request.origin, referer: request.referer, userAgent: request.userAgent },
      this.#parts.traffic,
    );
    if (dropped) {
      const total = (this.#dropped[dropped] += parsed.events.length);
      this.#outages.note(
        dropped,
        `cta-collect: not stored: ${parsed.events.length} event(s) from ${NOT_TRAFFIC_HINT[dropped]} ` +
          `(${total} such events since the start)`,
      );
      return reply(200, { ok: true, stored: 0, duplicates: 0, dropped: parsed.events.length, reason: dropped });
    }
    let quotaCheck: Awaited<ReturnType<Quota['take']>>;
    const taking = quota.take(
      clientKey,
      parsed.events.map((event) => event.id),
    );
    try {
      quotaCheck = await deadline.within(taking);
    } catch (error) {
      if (error instanceof DeadlineExceeded) {
        // A grant that arrives after the 503 is handed back: nothing of this request will be written.
        Promise.resolve(taking).then(
          (late) => (late.allowed ? settleQuietly(late.settle, undefined, this.#quotaLog) : undefined),
          () => {},
        );
      }
      if (error instanceof StoreUnavailableError || error instanceof DeadlineExceeded) {
        return this.#unavailable(reply, error);
      }
      throw error;
    }
    if (!quotaCheck.allowed) {
      if (quotaCheck.firstTime) {
        const client = `client ${clientKey.slice(0, 8)} (a daily hash, not its address)`;
        log(`cta-collect: ${client}: ${quotaCheck.error}; its requests get 429`);
      }
      return reply(429, { error: quotaCheck.error }, { 'retry-after': String(quotaCheck.retryAfterSeconds) });
    }
    // The quota is settled by what the write really did, whenever it ends: a write the deadline gave up on may
    // still commit (its events are then charged, and the client's resend is a duplicate, charged nothing).
    const withdraw = new AbortController();
    const writing = store.write(parsed.events, { signal: withdraw.signal });
    const settle = quotaCheck.settle;
    const settled = writing.then(
      (result) => settleQuietly(settle, result.stored, this.#quotaLog),
      () => settleQuietly(settle, undefined, this.#quotaLog),
    );
    let result: StoreResult;
    try {
      result = await deadline.within(writing);
    } catch (error) {
      if (error instanceof DeadlineExceeded) {
        // Not yet sent to the database: taken out of the next transaction. Already sent: it may commit later,
        // and this request is answered now, once, with 503 (the late outcome only settles the quota).
        withdraw.abort();
        return this.#unavailable(reply, error);
      }
      await deadline.within(settled).catch(() => {});
      if (error instanceof StoreUnavailableError) return this.#unavailable(reply, error);
      throw error;
    }
    // The events are committed: the quota's bookkeeping gets what is left of the deadline, then goes on alone.
    await deadline.within(settled).catch(() => {});
    return reply(200, { ok: true, ...result });
  }

  /** Events acknowledged but not stored since the start, by reason: development pages and automated browsers. */
  get dropped(): Readonly<Record<NotTraffic, number>> {
    return { ...this.#dropped };
  }

  /** A shared quota's bookkeeping failing (its database down) is worth one line a minute, not one per request. */
  readonly #quotaLog = (message: string) => this.#outages.note('quota', message);

  /**
   * Nothing of the request is acknowledged: 503 and a short Retry-After, so the client sends the batch again (a
   * batch whose write did commit after the deadline is then a duplicate, not counted twice). The body does not
   * repeat the database's error (it names internal hosts); the log does.
   */
  #unavailable(
    reply: (status: number, body: object, extra?: Record<string, string>) => CollectResponse,
    error: StoreUnavailableError | DeadlineExceeded,
  ): CollectResponse {
    if (error instanceof DeadlineExceeded) {
      this.#outages.note('deadline', `cta-collect: answering 503: ${error.message}`);
      return reply(
        503,
        {
          error:
            `the database did not answer within ${this.#parts.answerDeadlineMs} ms: the events may not be stored; ` +
            'send them again later (a batch sent twice is counted once)',
        },
        { 'retry-after': '1' },
      );
    }
    this.#outages.note('unavailable', `cta-collect: answering 503: ${error.message}`);
    return reply(
      503,
      { error: 'the database is unavailable: the events were not stored; send them again later' },
      { 'retry-after': '1' },
    );
  }
}

/** The quota's bookkeeping after a write must not turn a stored batch into an error: log its failure instead. */
async function settleQuietly(
  settle: (stored: number | undefined) => void | Promise<void>,
  stored: number | undefined,
  log: (message: string) => void,
): Promise<void> {
  try {
    await settle(stored);
  } catch (error) {
    log(`cta-collect: could not update the daily quota: ${(error as Error).message}`);
  }
}

/** `text/plain;charset=UTF-8` → `text/plain`; undefined for types or charsets we do not accept. */
function parseMediaType(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const [type = '', ...parameters] = header.split(';');
  const mediaType = type.trim().toLowerCase();
  if (!ACCEPTED_TYPES.has(mediaType)) return undefined;
  for (const parameter of parameters) {
    const [name, value = ''] = parameter.split('=');
    if (name?.trim().toLowerCase() === 'charset' && value.trim().replace(/"/g, '').toLowerCase() !== 'utf-8')
      return undefined;
  }
  return mediaType;
}
