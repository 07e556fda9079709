import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAuditRun, type Finding, fragmentTargets, type Rule } from '@astro-cta/audit';
import type {
  AstroConfig,
  AstroIntegrationLogger,
  DevToolbarAppEntry,
  IntegrationResolvedRoute,
  ToolbarServerHelpers,
} from 'astro';
import { AUDIT_REQUEST, AUDIT_RESPONSE, type AuditRequest, type AuditResponse, TOOLBAR_APP_ID } from './protocol.ts';

/** The `toolbar` helper that Astro passes to `astro:server:setup` (only the two methods used here). */
export type ToolbarChannel = Pick<ToolbarServerHelpers, 'on' | 'send'>;

/** A cursor clicking a button: the app's icon in the toolbar. */
const icon =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 20" fill="none" aria-hidden="true"><rect x="1.5" y="3.5" width="17" height="8" rx="4" stroke="#fff" stroke-width="1.6"/><path fill="#fff" d="M9.4 9.2 16 11.8l-2.8 1 2.3 2.9-1.3 1-2.3-2.9-1.5 2.5-1-7.1Z"/></svg>';

/** Registered with `addDevToolbarApp` in `astro dev`. The entrypoint is a browser module that Vite serves from source. */
export const toolbarAppEntry: DevToolbarAppEntry = {
  id: TOOLBAR_APP_ID,
  name: 'CTA audit',
  icon,
  // From dist/toolbar/ and from src/toolbar/ alike, this is the source module in src/toolbar/.
  entrypoint: fileURLToPath(new URL('../../src/toolbar/app.ts', import.meta.url)),
};

/** The astro-cta package (from dist/toolbar/ and src/toolbar/ alike). */
const KIT_DIR = fileURLToPath(new URL('../../', import.meta.url));

/** Pages bigger than this are left to the build audit: the dev server must stay responsive. */
export const MAX_HTML_BYTES = 20 * 1024 * 1024;

export interface DevAuditOptions {
  rules?: readonly Rule[];
  /** What counts as "now" for deadline rules; defaults to the moment of each audit. */
  now?: Date;
  /** Route globs of the pages that must have a CTA, as in the build audit. */
  requireCta?: readonly string[];
}

/**
 * The routes the project defines, as the dev server knows them. Dynamic routes are only known as patterns (their
 * pages are generated on request), so a link to any path one of them matches counts as a page; files in `public/`
 * count too. Exact answers about other pages (is `/pricing/#faq` there?) need the build, so the build audit gives them.
 */
export class DevRoutes extends Set<string> {
  #routes: readonly RouteInfo[];
  #publicDir: string | undefined;

  constructor(routes: readonly RouteInfo[] = [], publicDir?: URL) {
    super();
    this.#routes = routes;
    this.#publicDir = publicDir ? fileURLToPath(publicDir) : undefined;
    for (const route of routes) if (route.pathname) super.add(route.pathname);
  }

  override has(route: string): boolean {
    return super.has(route) || this.routeFor(route) !== undefined || this.#inPublicDir(route);
  }

  /** The route that serves a path: its own, or the first pattern that matches it, with or without a trailing slash. */
  routeFor(path: string): RouteInfo | undefined {
    const withoutSlash = path.length > 1 ? path.replace(/\/$/, '') : path;
    const variants = [path, withoutSlash, `${withoutSlash}/`];
    return this.#routes.find((route) =>
      variants.some((variant) => route.pathname === variant || route.patternRegex.test(variant)),
    );
  }

  #inPublicDir(route: string): boolean {
    if (!this.#publicDir || route === '/') return false;
    let file: string;
    try {
      file = path.join(this.#publicDir, decodeURIComponent(route));
    } catch {
      return false; // a malformed %-escape is not a file
    }
    return file.startsWith(this.#publicDir) && existsSync(file);
  }
}

type RouteInfo = Pick<IntegrationResolvedRoute, 'pathname' | 'patternRegex' | 'entrypoint'>;

/**
 * Another page's HTML as the dev server renders it (by its build route), or undefined when it cannot be had. In
 * `astro dev` this requests the page from the dev server itself, as a browser would.
 */
export type PageSource = (route: string) => Promise<string | undefined>;

/** Other pages fetched for one audit at most: a page linking to dozens of pages must not stall the dev server. */
const MAX_LINKED_PAGES = 10;

/** Ids of a page the dev server could not render for this audit: unknown, so every `#fragment` counts as present. */
class UnknownIds extends Set<string> {
  override has(): boolean {
    return true;
  }
}

/** The dev server's side of the toolbar app: audits the HTML the app sends with the build audit's rules. */
export class ToolbarAudit {
  #options: DevAuditOptions;
  #base = '/';
  #resolvedRoutes: readonly IntegrationResolvedRoute[] = [];
  #publicDir: URL | undefined;
  #root: URL | undefined;
  #routes = new DevRoutes();

  constructor(options: DevAuditOptions) {
    this.#options = options;
  }

  /** From `astro:config:done`: the base path (stripped so routes match the build's) and `public/`. */
  useConfig(config: Pick<AstroConfig, 'base' | 'publicDir' | 'root'>): void {
    this.#root = config.root;
    this.#base = config.base.endsWith('/') ? config.base : `${config.base}/`;
    this.#publicDir = config.publicDir;
    this.#routes = new DevRoutes(this.#resolvedRoutes, this.#publicDir);
  }

  /** From `astro:routes:resolved`, which runs again whenever pages are added or removed in dev. */
  useRoutes(routes: readonly IntegrationResolvedRoute[]): void {
    this.#resolvedRoutes = routes;
    this.#routes = new DevRoutes(routes, this.#publicDir);
  }

  /**
   * From `astro:server:setup`: answers the app's requests; `pages` renders the pages a CTA links to, so that links
   * to their `#fragments` are checked too. Nothing here may throw into the dev server.
   */
  listen(toolbar: ToolbarChannel, logger: AstroIntegrationLogger, pages?: PageSource): void {
    toolbar.on<unknown>(AUDIT_REQUEST, (payload) => {
      void this.respond(payload, logger, pages).then((response) => {
        if (response) toolbar.send<AuditResponse>(AUDIT_RESPONSE, response);
      });
    });
  }

  /** One request in, one answer out (undefined when the request cannot be answered: it has no id). */
  async respond(
    payload: unknown,
    logger: Pick<AstroIntegrationLogger, 'error' | 'warn'>,
    pages?: PageSource,
  ): Promise<AuditResponse | undefined> {
    const requestId =
      typeof payload === 'object' && payload !== null && 'requestId' in payload ? payload.requestId : undefined;
    if (typeof requestId !== 'string' || requestId === '') {
      logger.warn(
        `Ignored a CTA toolbar message without a requestId: is an old version of the toolbar app open in another tab? Reload it.`,
      );
      return undefined;
    }
    const problem = requestProblem(payload as Partial<AuditRequest>);
    if (problem) return { requestId, ok: false, message: problem };
    const { pathname, html } = payload as AuditRequest;
    const route = this.routeOf(pathname);
    try {
      return {
        requestId,
        ok: true,
        route,
        ...(await this.audit(html, route, pages)),
        pageFile: this.pageFileOf(route),
        kitDir: KIT_DIR,
      };
    } catch (error) {
      logger.error(
        `The CTA audit of ${route} failed (${describeError(error)}). This is a bug in astro-cta: please report it.`,
      );
      return {
        requestId,
        ok: false,
        message: `The CTA audit failed on this page (${describeError(error)}). Your page is fine; this is a bug in astro-cta: please report it. The build audit runs separately.`,
      };
    }
  }

  /** `/docs/pricing/` under base `/docs` is `/pricing/` in the build output, and in the build audit. */
  routeOf(pathname: string): string {
    let route = pathname;
    try {
      route = decodeURI(pathname);
    } catch {
      // keep the encoded form
    }
    if (this.#base !== '/' && `${route}/`.startsWith(this.#base)) route = `/${route.slice(this.#base.length)}`;
    return route;
  }

  /** The project file that renders a route, e.g. `/blog/hello/` → `…/src/pages/blog/[slug].astro`. */
  pageFileOf(route: string): string | undefined {
    const entrypoint = this.#routes.routeFor(route)?.entrypoint;
    if (!entrypoint || !this.#root) return undefined;
    // Routes injected by packages name a module specifier rather than a project file: no file to show then.
    const file = fileURLToPath(new URL(entrypoint, this.#root));
    return existsSync(file) ? file : undefined;
  }

  /**
   * Audits one page's HTML with the build audit's rules and the routes the dev server knows. Links to `#fragments`
   * on other pages are checked against those pages as `pages` renders them; without it, or when a page cannot be
   * rendered, such links are not reported (no guessing).
   */
  async audit(html: string, route: string, pages?: PageSource): Promise<{ findings: Finding[]; durationMs: number }> {
    const started = performance.now();
    const markup = withoutDevAnnotations(html);
    const routes = this.#routes;
    // The rules ask for other pages' ids only in the site step (finish): a first finish learns which pages they
    // want, the dev server renders those, and the second answers with their ids.
    const linked = new Map<string, ReadonlySet<string>>();
    let ownIds: ReadonlySet<string> | undefined;
    const run = createAuditRun({
      ...(this.#options.rules ? { rules: this.#options.rules } : {}),
      // The same rule options as the build audit (requireCta decides which pages need a CTA).
      options: { requireCta: this.#options.requireCta },
      site: {
        routes,
        now: this.#options.now ?? new Date(),
        idsOf: (target) => {
          if (target === route) return (ownIds ??= fragmentTargets(markup));
          if (!routes.has(target)) return undefined;
          if (!linked.has(target)) linked.set(target, new UnknownIds());
          return linked.get(target);
        },
      },
    });
    run.page(markup, { route, file: route });
    const firstPass = run.finish();
    if (!pages || linked.size === 0) return { findings: firstPass.findings, durationMs: performance.now() - started };
    await Promise.all(
      [...linked.keys()].slice(0, MAX_LINKED_PAGES).map(async (target) => {
        const other = await pages(target).catch(() => undefined);
        if (other !== undefined) linked.set(target, fragmentTargets(other));
      }),
    );
    return { findings: run.finish().findings, durationMs: performance.now() - started };
  }
}

function requestProblem(request: Partial<AuditRequest>): string | undefined {
  if (typeof request.pathname !== 'string' || !request.pathname.startsWith('/'))
    return 'The audit request has no pathname (it must be the page\'s location.pathname, starting with "/").';
  if (typeof request.html !== 'string') return "The audit request has no html (the page's HTML as a string).";
  if (request.html.length > MAX_HTML_BYTES)
    return `This page's HTML is ${(request.html.length / 1024 / 1024).toFixed(1)} MB; the toolbar audits pages up to ${MAX_HTML_BYTES / 1024 / 1024} MB. Run the build audit (astro build) for this page.`;
  return undefined;
}

/**
 * In dev, Astro marks every element with its source file and position. The build output has no such attributes, so
 * they are removed to audit the same markup (and show the same excerpts) as the build audit.
 */
export function withoutDevAnnotations(html: string): string {
  return html.replace(/\sdata-astro-source-(?:file|loc)="[^"]*"/g, '');
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
