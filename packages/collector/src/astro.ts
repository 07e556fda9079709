import type { APIContext, APIRoute } from 'astro';
import { readWebBody } from './http/read-body.ts';
import { type CollectorOptions, type CollectorService, createCollectorService } from './service.ts';

// One service per database file for the life of the server process: opening SQLite per request would be slow and
// would defeat group commit.
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
    const { collector } = await service();
    const result = await collector.handle({
      method: request.method,
      contentType: request.headers.get('content-type') ?? undefined,
      contentLength: request.headers.get('content-length') ?? undefined,
      origin: request.headers.get('origin') ?? undefined,
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
 * the CTA_COLLECTOR_DB environment variable, or `./data/cta.sqlite`.
 */
export const POST: APIRoute = (context) => defaultEndpoint()(context);

let defaultRoute: APIRoute | undefined;
function defaultEndpoint(): APIRoute {
  defaultRoute ??= createCtaEndpoint({ db: process.env.CTA_COLLECTOR_DB ?? './data/cta.sqlite' });
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
