import { fileURLToPath } from 'node:url';
import { listHtmlFiles, RenderedPages, type ResolvedAuditConfig, routeForFile } from '@astro-cta/audit';
import type { AstroConfig, AstroPrerenderer, RouteData } from 'astro';

/**
 * Wraps Astro's prerenderer so that every page is audited on a worker thread as soon as it is rendered, while the
 * build renders the next ones on the main thread. By `astro:build:done` most of the audit is done: the run there
 * only checks that each built file holds exactly what was audited (a content hash) and audits what differs.
 *
 * Only for static sites without an adapter: an adapter may install its own prerenderer (in another runtime), and
 * Astro keeps only the last one set. Without this head start the audit still runs in full after the build.
 */
export function auditWhileRendering(
  inner: AstroPrerenderer,
  config: AstroConfig,
  audit: ResolvedAuditConfig & { now: Date },
  onStart: (rendered: RenderedPages) => void,
): AstroPrerenderer {
  let rendered: RenderedPages | undefined;
  const wrapped: AstroPrerenderer = {
    name: `${inner.name}+astro-cta-audit`,
    async getStaticPaths() {
      const paths = await inner.getStaticPaths();
      // Our head start must never fail the user's build: if it cannot start, the audit after the build does it all.
      try {
        const files = paths
          .map(({ pathname, route }) => builtFileFor(pathname, route, config))
          .filter((file): file is string => file !== undefined);
        rendered = RenderedPages.create({
          rules: audit.rules,
          now: audit.now,
          ...(audit.requireCta ? { requireCta: audit.requireCta } : {}),
          routes: [...files, ...(await publicHtmlFiles(config))].map(routeForFile),
        });
        if (rendered) onStart(rendered);
      } catch {
        rendered = undefined;
      }
      return paths;
    },
    async render(request, options) {
      const result = await inner.render(request, options);
      if (rendered) {
        try {
          await handOver(
            rendered,
            config,
            request,
            options.routeData,
            result instanceof Response ? result : result.response,
          );
        } catch {
          // A page we could not take is audited from its file after the build; the user's build goes on.
        }
      }
      return result;
    },
  };
  // Optional steps stay optional: Astro checks for their presence.
  if (inner.setup) wrapped.setup = () => inner.setup!();
  if (inner.collectStaticImages) wrapped.collectStaticImages = () => inner.collectStaticImages!();
  if (inner.teardown) wrapped.teardown = () => inner.teardown!();
  return wrapped;
}

/** Gives a rendered HTML page to the audit, with the file Astro will write it to. */
async function handOver(
  rendered: RenderedPages,
  config: AstroConfig,
  request: Request,
  route: RouteData,
  response: Response,
): Promise<void> {
  // Astro writes the body of any response but a redirect (a 404 page renders with status 404).
  const written = response.status < 300 || response.status >= 400;
  if (!written || !/^text\/html/i.test(response.headers.get('content-type') ?? 'text/html')) return;
  const file = builtFileForUrl(request.url, route, config);
  // A copy of the body: Astro reads the response itself to write the file.
  if (file) rendered.add(file, new Uint8Array(await response.clone().arrayBuffer()));
}

/**
 * HTML files in public/: copied into the build as they are, so they are pages links may point to. Listed as the
 * audit lists the built site, so the predicted routes and the built ones are read the same way.
 */
async function publicHtmlFiles(config: AstroConfig): Promise<string[]> {
  try {
    return await listHtmlFiles(fileURLToPath(config.publicDir));
  } catch {
    return []; // no public/ folder
  }
}

const STATUS_CODE_PAGES = new Set(['/404', '/500']);

/**
 * The file Astro writes a page to, relative to the output directory, as its build formats lay pages out
 * (`/about` → `about/index.html`, `about.html` or as the source file was named). Undefined for anything that is
 * not an HTML page (a redirect is one, unless `build.redirects` is off). A wrong guess costs only the head start:
 * the built file is audited after the build then.
 */
export function builtFileFor(
  pathname: string,
  route: Pick<RouteData, 'type' | 'isIndex'>,
  config: Pick<AstroConfig, 'build'>,
): string | undefined {
  const clean = pathname.replace(/^\/+|\/+$/g, '');
  if (route.type === 'endpoint') return clean.endsWith('.html') ? clean : undefined;
  if (route.type === 'redirect' && config.build.redirects === false) return undefined;
  if (route.type !== 'page' && route.type !== 'fallback' && route.type !== 'redirect') return undefined;
  const format = config.build.format === 'preserve' ? (route.isIndex ? 'directory' : 'file') : config.build.format;
  if (clean === '') return 'index.html';
  if (format === 'file' || STATUS_CODE_PAGES.has(`/${clean}`)) return `${clean}.html`;
  return `${clean}/index.html`;
}

/** `builtFileFor` from the URL Astro renders a page at (it carries the base path and the format's ending). */
export function builtFileForUrl(
  url: string,
  route: Pick<RouteData, 'type' | 'isIndex'>,
  config: Pick<AstroConfig, 'build' | 'base'>,
): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURI(new URL(url).pathname);
  } catch {
    return undefined;
  }
  const base = `/${config.base.replace(/^\/+|\/+$/g, '')}`;
  if (base !== '/' && (pathname === base || pathname.startsWith(`${base}/`)))
    pathname = pathname.slice(base.length) || '/';
  if (route.type === 'endpoint') return builtFileFor(pathname, route, config);
  // The file format renders /about at /about.html, and the home page at /index.html.
  return builtFileFor(pathname.replace(/(?:\/index)?\.html$/, ''), route, config);
}
