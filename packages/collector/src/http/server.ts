import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CollectResponse } from '../collector.ts';
import { type CollectorOptions, type CollectorService, createCollectorService } from '../service.ts';
import { DEFAULT_ANSWER_DEADLINE_MS } from './answer-deadline.ts';
import { type ConnectionLimits, DEFAULT_CONNECTION_LIMITS, limitConnections } from './connection-limit.ts';
import { readNodeBody } from './read-body.ts';
import { createReportHandler, REPORT_SUBPATH, readSqliteReport } from './report-endpoint.ts';
import { createStaticHandler, type StaticHandler } from './static-files.ts';
import { ThrottledLog } from './throttled-log.ts';
import { clientAddress, isTrustedPeer, nearestValue, parseTrustProxy, type TrustProxy } from './trust-proxy.ts';

export interface ServerOptions extends CollectorOptions {
  host?: string;
  port?: number;
  /** URL path of the collector endpoint. */
  path?: string;
  /** Folder of a built site to serve on the same origin, e.g. docs-site/dist. */
  staticDir?: string;
  /**
   * The reverse proxies in front of the collector: a hop count (`1` for one proxy; `true` means 1) or a
   * comma-separated list of proxy addresses and CIDR ranges. Their X-Forwarded-For entries give the client
   * address (walked from the right: the client-written left part is never believed), and their X-Forwarded-Proto
   * and X-Forwarded-Host the origin requests were addressed to. See trust-proxy.ts.
   */
  trustProxy?: boolean | number | string;
  /** Open connections in total and per client (default 1000 and 50). */
  connections?: Partial<ConnectionLimits>;
  /** Time a client has to send its request headers (ms, default 10 s). */
  headersTimeoutMs?: number;
  /** Time a client has to send a whole request (ms, default 30 s). */
  requestTimeoutMs?: number;
  /**
   * A connection with no traffic for this long is closed (ms, default 15 s; idle keep-alive closes after 10 s). A
   * request waiting on the database sends nothing: `answerDeadlineMs` must be below this (unset, it is at most half).
   */
  idleTimeoutMs?: number;
  /** Where to report unexpected errors, refused origins and limits (never request bodies). */
  log?: (message: string) => void;
  /**
   * Serves the JSON report at `<path>/report` to requests carrying `Authorization: Bearer <reportToken>`
   * (report-endpoint.ts). Without it there is no report endpoint: reports are not public by default.
   */
  reportToken?: string;
}

export interface RunningServer {
  server: Server;
  service: CollectorService;
  url: string;
  /** Stops accepting connections, commits what is queued and closes the database. */
  close(): Promise<void>;
}

export const DEFAULT_PATH = '/api/cta';

/** Starts `cta-collect serve`: the collector endpoint, plus a static site when `staticDir` is given. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { host = '127.0.0.1', port = 4350, path = DEFAULT_PATH, log = (m) => console.error(m) } = options;
  const trust = parseTrustProxy(
    options.trustProxy === true ? 1 : options.trustProxy === false ? undefined : options.trustProxy,
  );
  const serveStatic: StaticHandler | undefined = options.staticDir ? createStaticHandler(options.staticDir) : undefined;
  const idleTimeoutMs = options.idleTimeoutMs ?? 15_000;
  // Unset, the deadline is the default or half a shorter idle timeout; set, it must be below the idle timeout.
  const answerDeadlineMs = options.answerDeadlineMs ?? Math.min(DEFAULT_ANSWER_DEADLINE_MS, idleTimeoutMs / 2);
  checkDeadlineBelowIdleTimeout(answerDeadlineMs, idleTimeoutMs);
  const service = await createCollectorService({ writerThread: true, ...options, answerDeadlineMs, log });
  let report: ReturnType<typeof createReportHandler> | undefined;
  try {
    report = options.reportToken ? reportHandler(service, options.reportToken, options.now) : undefined;
  } catch (error) {
    await service.close();
    throw error;
  }
  const throttled = new ThrottledLog(log);

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const pathname = (request.url ?? '/').split('?')[0];
    if (report && pathname === `${path}${REPORT_SUBPATH}`) {
      return send(response, await report(request.method ?? 'GET', request.url ?? '/', request.headers.authorization));
    }
    if (pathname !== path) {
      if (serveStatic) return serveStatic(request, response);
      return send(response, {
        status: 404,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: `Not found: the collector listens on ${path}`,
      });
    }
    const result = await service.collector.handle({
      method: request.method ?? 'GET',
      contentType: request.headers['content-type'],
      contentLength: request.headers['content-length'],
      origin: request.headers.origin,
      referer: request.headers.referer,
      userAgent: request.headers['user-agent'],
      requestOrigin: requestOrigin(request, trust),
      clientIp: clientAddress(trust, request.socket.remoteAddress, joined(request.headers['x-forwarded-for'])),
      readBody: (limit) => readNodeBody(request, limit),
    });
    send(response, result);
  };

  const server = createServer(
    {
      headersTimeout: options.headersTimeoutMs ?? 10_000,
      requestTimeout: options.requestTimeoutMs ?? 30_000,
      keepAliveTimeout: 10_000,
      // How often node looks for connections past headersTimeout/requestTimeout (its default is 30 s).
      connectionsCheckingInterval: Math.min(1000, options.headersTimeoutMs ?? 1000),
    },
    (request, response) => {
      handle(request, response).catch((error: unknown) => {
        if (isClientAbort(request, error)) {
          // The client hung up mid-request (a closed tab, a flaky network): nothing to fix here, one line a minute.
          throttled.note('aborted', 'cta-collect: a client closed its connection before sending its whole request');
          response.destroy();
          return;
        }
        // Our own failures keep their stack, still at most one a minute (with a count of the rest).
        throttled.note('failed', `cta-collect: request failed: ${(error as Error).stack ?? String(error)}`);
        if (response.headersSent) return response.destroy();
        const body = '{"error":"internal error"}';
        send(response, { status: 500, headers: { 'content-type': 'application/json' }, body });
      });
    },
  );
  // Idle sockets (connected, sending nothing) are closed after this long; node's default is never.
  server.timeout = idleTimeoutMs;
  limitConnections(server, { ...DEFAULT_CONNECTION_LIMITS, ...options.connections }, trust, throttled);
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    // Destroyed once the answer is out: a half-closed socket from a client that keeps sending would stay open.
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`, () => socket.destroy());
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      void service.close();
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`port ${port} on ${host} is already in use: stop the other server or pick another --port`)
          : error,
      );
    });
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  // A shared limiter sweeps in the database; a failed sweep (database down) is simply tried again next minute.
  const sweep = setInterval(() => {
    Promise.resolve()
      .then(() => service.rateLimiter.sweep())
      .catch(() => {});
  }, 60_000).unref();

  return {
    server,
    service,
    url,
    close: () =>
      new Promise((resolve) => {
        clearInterval(sweep);
        server.close(() => {
          void service.close().then(resolve);
        });
        server.closeIdleConnections();
      }),
  };
}

/**
 * A request waiting on the database sends nothing, so its socket is idle: with a deadline at or past the idle
 * timeout the server would close it without an answer (the client sees a reset, not the 503 it could act on).
 */
function checkDeadlineBelowIdleTimeout(answerDeadlineMs: number, idleTimeoutMs: number): void {
  if (answerDeadlineMs >= idleTimeoutMs) {
    throw new RangeError(
      `the answer deadline (${answerDeadlineMs} ms) must be below the idle timeout (${idleTimeoutMs} ms): a request ` +
        'waiting on the database past the idle timeout has its socket closed without an answer; lower the deadline',
    );
  }
}

function send(response: ServerResponse, { status, headers, body, closeConnection }: CollectResponse): void {
  if (closeConnection) response.setHeader('connection', 'close');
  const payload = status === 204 ? '' : body;
  response.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(payload)) });
  response.end(payload);
}

/** A header node gave as several values, as one comma-separated list. */
function joined(header: string | string[] | undefined): string | undefined {
  return Array.isArray(header) ? header.join(',') : header;
}

/**
 * The origin this request was addressed to: the scheme of our own connection (plain HTTP unless a TLS socket) and
 * the Host header, or, from a trusted proxy, its X-Forwarded-Proto and X-Forwarded-Host. Behind a TLS-terminating
 * proxy the connection is plain HTTP while the page is HTTPS, so without the proxy's word same-origin pages would
 * be refused. Only used when no origin is configured (see OriginPolicy).
 */
function requestOrigin(request: IncomingMessage, trust: TrustProxy): string | undefined {
  const trusted = isTrustedPeer(trust, request.socket.remoteAddress);
  const forwardedProto = trusted ? nearestValue(request.headers['x-forwarded-proto'])?.toLowerCase() : undefined;
  const scheme =
    forwardedProto === 'https' || forwardedProto === 'http'
      ? forwardedProto
      : 'encrypted' in request.socket
        ? 'https'
        : 'http';
  const host = (trusted ? nearestValue(request.headers['x-forwarded-host']) : undefined) ?? request.headers.host;
  if (!host) return undefined;
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return undefined;
  }
}

/** SQLite: a read-only connection per request; PostgreSQL: the collector's own pool (the same report queries). */
function reportHandler(service: CollectorService, token: string, now: (() => number) | undefined) {
  const { storage } = service;
  const read = storage.engine === 'postgres' ? storage.report.bind(storage) : readSqliteReport(storage.name);
  return createReportHandler({ read, token, ...(now ? { now } : {}) });
}

function isClientAbort(request: IncomingMessage, error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ECONNRESET' || code === 'ECONNABORTED' || code === 'EPIPE' || request.destroyed;
}
