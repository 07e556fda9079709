import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CollectResponse } from '../collector.ts';
import { createCollectorService, type CollectorOptions, type CollectorService } from '../service.ts';
import { readNodeBody } from './read-body.ts';
import { createStaticHandler, type StaticHandler } from './static-files.ts';

export interface ServerOptions extends CollectorOptions {
  host?: string;
  port?: number;
  /** URL path of the collector endpoint. */
  path?: string;
  /** Folder of a built site to serve on the same origin, e.g. docs-site/dist. */
  staticDir?: string;
  /** Take the client IP from the first X-Forwarded-For entry (only behind a proxy you run). */
  trustProxy?: boolean;
  /** Where to report unexpected errors (never request bodies). */
  log?: (message: string) => void;
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
  const { host = '127.0.0.1', port = 4350, path = DEFAULT_PATH, trustProxy = false, log = (m) => console.error(m) } = options;
  const serveStatic: StaticHandler | undefined = options.staticDir ? createStaticHandler(options.staticDir) : undefined;
  const service = await createCollectorService({ writerThread: true, ...options });

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const pathname = (request.url ?? '/').split('?')[0];
    if (pathname !== path) {
      if (serveStatic) return serveStatic(request, response);
      return send(response, { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: `Not found: the collector listens on ${path}` });
    }
    const result = await service.collector.handle({
      method: request.method ?? 'GET',
      contentType: request.headers['content-type'],
      contentLength: request.headers['content-length'],
      origin: request.headers.origin,
      selfOrigin: request.headers.host ? `http://${request.headers.host}` : undefined,
      clientIp: clientIp(request, trustProxy),
      readBody: (limit) => readNodeBody(request, limit),
    });
    send(response, result);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log(`cta-collect: request failed: ${(error as Error).stack ?? String(error)}`);
      if (!response.headersSent) send(response, { status: 500, headers: { 'content-type': 'application/json' }, body: '{"error":"internal error"}' });
      else response.destroy();
    });
  });
  server.keepAliveTimeout = 10_000;
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
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
  const sweep = setInterval(() => service.rateLimiter.sweep(), 60_000).unref();

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

function send(response: ServerResponse, { status, headers, body, closeConnection }: CollectResponse): void {
  if (closeConnection) response.setHeader('connection', 'close');
  const payload = status === 204 ? '' : body;
  response.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(payload)) });
  response.end(payload);
}

function clientIp(request: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = request.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return request.socket.remoteAddress ?? 'unknown';
}
