import type { APIContext, APIRoute } from 'astro';
import { readWebBody } from './http/read-body.ts';
import { type CollectorOptions, type CollectorService, createCollectorService } from './service.ts';

// One service per database (file or PostgreSQL URL) for the life of the server process: opening it per request would
// be slow and would defeat group commit.
const services = new Map<string, Promise<CollectorService>>();

/**
 * An Astro endpoint (server output, e.g. with @astrojs/node) that stores beacon events, exactly like
 * `cta-collect serve`. Mount it in `src/pages/api/cta.ts`:
 *
 * ```ts
 * import { createCtaEndpoint } from '@astro-cta/collector/astro';
 * export const prerender = false;
 * export const POST = createCtaEndpoint({ db: './data/cta.sqlite' });
 * ```
 *
 * On a serverless host (no durable disk, many short-lived instances) give a PostgreSQL URL instead, through the
 * provider's pooler with prepared statements off: `createCtaEndpoint({ db: process.env.DATABASE_URL, pool: 1 })`
 * with `?prepare=false` on the URL for a pooler in transaction mode.
 */
export function createCtaEndpoint(options: CollectorOptions): APIRoute {
  const service = () => {
    let existing = services.get(options.db);
    if (!existing) {
      existing = createCollectorService(options);
      services.set(options.db, existing);
      // A database that failed to open is retried on the next request rather than failing forever.
      existing.catch(() => services.delete(options.db));
    }
    return existing;
  };
  return async (context: APIContext) => {
    const { request } = context;
    let collector: CollectorService['collector'];
    try {
      ({ collector } = await service());
    } catch (error) {
      // The database cannot be opened (PostgreSQL unreachable, a bad path): nothing is stored, the beacon retries.
      console.error(`cta-collect: ${(error as Error).message}`);
      return new Response(JSON.stringify({ error: 'the database is unavailable: the events were not stored' }), {
        status: 503,
        headers: { 'content-type': 'application/json; charset=utf-8', 'retry-after': '5', 'cache-control': 'no-store' },
      });
    }
    const result = await collector.handle({
      method: request.method,
      contentType: request.headers.get('content-type') ?? undefined,
      contentLength: request.headers.get('content-length') ?? undefined,
      origin: request.headers.get('origin') ?? undefined,
      referer: request.headers.get('referer') ?? undefined,
      userAgent: request.headers.get('user-agent') ?? undefined,
      requestOrigin: context.url.origin,
      clientIp: clientAddress(context),
      readBody: (limit) => readWebBody(request.body, limit),
    });
    const headers = new Headers(result.headers);
    if (result.closeConnection) headers.set('connection', 'close');
    return new Response(result.status === 204 ? null : result.body, { status: result.status, headers });
  };
}

/**
 * The ready-made endpoint: `export { POST } from '@astro-cta/collector/astro'`. Its database is the file named by
 * the CTA_COLLECTOR_DB environment variable (a file or a postgres:// URL), or `./data/cta.sqlite`;
 * CTA_COLLECTOR_ACCEPT_LOCAL=1 and CTA_COLLECTOR_ACCEPT_AUTOMATION=1 set acceptLocal and acceptAutomation.
 */
export const POST: APIRoute = (context) => defaultEndpoint()(context);

let defaultRoute: APIRoute | undefined;
function defaultEndpoint(): APIRoute {
  defaultRoute ??= createCtaEndpoint({
    db: process.env.CTA_COLLECTOR_DB ?? './data/cta.sqlite',
    acceptLocal: process.env.CTA_COLLECTOR_ACCEPT_LOCAL === '1',
    acceptAutomation: process.env.CTA_COLLECTOR_ACCEPT_AUTOMATION === '1',
  });
  return defaultRoute;
}

function clientAddress(context: APIContext): string {
  try {
    return context.clientAddress;
  } catch {
    // Adapters without client addresses: everyone shares one bucket, which still caps a flood.
    return 'unknown';
  }
}
