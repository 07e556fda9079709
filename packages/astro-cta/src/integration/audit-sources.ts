import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentFileFinder, frontmatterReader } from '@astro-cta/audit';
import type { IntegrationResolvedRoute } from 'astro';

/**
 * Maps built pages back to their sources: route patterns to components (from `astro:routes:resolved`), built
 * files to route patterns (from `astro:build:done`'s `assets`). The `ctaAudit` frontmatter of Markdown/MDX sources
 * is read from the files themselves: Astro 7's default Markdown processor runs no remark plugins, and content
 * collections may come from a cache without rendering.
 */
export class AuditSources {
  readonly #root: string;
  readonly #componentByPattern = new Map<string, string>();
  readonly #sourceByFile = new Map<string, string>();
  /** The Markdown/MDX file a route renders, for content pages built by dynamic routes (the CLI does the same). */
  readonly #contentFileFor: (route: string) => string | undefined;
  readonly #srcDir: string;
  readonly #optOut: ReturnType<typeof frontmatterReader>;
  #onDemand: readonly string[] = [];

  constructor(root: URL | string, srcDir?: URL | string) {
    this.#root = typeof root === 'string' ? root : fileURLToPath(root);
    this.#srcDir =
      srcDir === undefined ? path.join(this.#root, 'src') : typeof srcDir === 'string' ? srcDir : fileURLToPath(srcDir);
    this.#optOut = frontmatterReader((source) => path.resolve(this.#root, source));
    this.#contentFileFor = contentFileFinder(this.#srcDir, this.#root);
  }

  /** The project root and source folder, for finding where elements are written (the audit's source-match.ts). */
  get folders(): { root: string; srcDir: string } {
    return { root: this.#root, srcDir: this.#srcDir };
  }

  recordRoutes(routes: readonly IntegrationResolvedRoute[]): void {
    this.#onDemand = onDemandPatterns(routes);
    for (const route of routes) {
      if (route.type === 'page') this.#componentByPattern.set(route.pattern, route.entrypoint);
    }
  }

  /** Route patterns with no built page (rendered on demand, redirects): links to them are not dead. */
  get onDemandRoutes(): readonly string[] {
    return this.#onDemand;
  }

  /** `assets` maps each route pattern to the files built for it. */
  recordBuild(dir: URL, assets: Map<string, URL[]>): void {
    const out = fileURLToPath(dir);
    for (const [pattern, urls] of assets) {
      const component = this.#componentByPattern.get(pattern);
      if (!component) continue;
      for (const url of urls) {
        const file = path.relative(out, fileURLToPath(url)).split(path.sep).join('/');
        if (file.endsWith('.html')) this.#sourceByFile.set(file, component);
      }
    }
  }

  /**
   * The source of a built page: a Markdown/MDX file that produced this route when one matches (content
   * collections rendered through a dynamic route, Starlight pages), otherwise the route's component.
   */
  sourceFor(route: string, file: string): string | undefined {
    const component = this.#sourceByFile.get(file);
    if (component && !/\[.+\]/.test(component) && !component.includes('node_modules')) return component;
    return this.#contentFileFor(route) ?? component;
  }

  /** Rules the page's frontmatter turns off: 'all' for `ctaAudit: false`, a list for `ctaAudit: { ignore }`. */
  ignoredRules(route: string, file: string): readonly string[] | 'all' | undefined {
    return this.#optOut(this.sourceFor(route, file));
  }
}

/**
 * The patterns of the project's routes that no built page answers: pages and endpoints rendered on demand
 * (`isPrerendered` false: `prerender = false`, or `output: 'server'`) and redirects (which an adapter serves without
 * a file). Astro's own internal routes (`/_image`, server islands) are left out. `astro:routes:resolved` gives these
 * fields from Astro 5.0 on, unchanged in 6 and 7.
 */
export function onDemandPatterns(routes: readonly IntegrationResolvedRoute[]): string[] {
  const patterns = routes
    .filter((route) => route.origin !== 'internal' && (route.type === 'redirect' || route.isPrerendered === false))
    .map((route) => route.pattern);
  return [...new Set(patterns)].sort();
}
