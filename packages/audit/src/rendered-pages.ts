import { availableParallelism } from 'node:os';
import { createAuditRun } from './engine.ts';
import { type PageResult, pageHash } from './page-auditor.ts';
import { readPageBytes } from './read-page.ts';
import { settingsOf } from './rules/settings.ts';
import { routeForFile } from './site.ts';
import type { Rule } from './types.ts';
import { MAX_WORKERS, WorkerPool } from './worker-pool.ts';

/**
 * Bytes of rendered pages waiting for a worker before further pages are left for the audit after the build: when
 * Astro renders faster than the workers audit (a worker starts cold), waiting pages must not pile up in memory
 * without bound. 32 MB holds about 800 typical pages, enough to ride out a worker's warm-up.
 */
const DEFAULT_MAX_BACKLOG_BYTES = 32 * 1024 * 1024;

export interface RenderedPagesOptions {
  rules: readonly Rule[];
  now: Date;
  requireCta?: readonly string[];
  /** The routes the build is expected to produce (its pages and the HTML files of public/). */
  routes: Iterable<string>;
  /** Worker threads; default: one core less than the machine has, since the build renders on the main thread. */
  workers?: number;
  /** Bytes of pages that may wait for a worker; default 32 MB. */
  maxBacklogBytes?: number;
}

/**
 * Pages audited while `astro build` renders them, on worker threads, so that the audit's work overlaps the build's
 * and little is left when the build is done. A result is only a head start: `auditDirectory` uses it when the
 * built file holds exactly the bytes that were audited and the build produced exactly the expected routes;
 * otherwise it audits the file as usual.
 */
export class RenderedPages {
  readonly pool: WorkerPool;
  readonly #routes: ReadonlySet<string>;
  readonly #results = new Map<string, Promise<PageResult>>();
  /** Bytes of pages handed to the workers and not audited yet. */
  #backlogBytes = 0;
  readonly #maxBacklogBytes: number;

  /** Undefined when the rules cannot run on worker threads (custom rules): then nothing is audited early. */
  static create(options: RenderedPagesOptions): RenderedPages | undefined {
    // The rules as the run after the build configures them, recreated in the worker threads.
    const { rules } = createAuditRun({ rules: options.rules, options: { requireCta: options.requireCta } });
    const settings = settingsOf(rules);
    if (!settings) return undefined;
    const routes = new Set(options.routes);
    const workers = options.workers ?? Math.max(1, Math.min(MAX_WORKERS, availableParallelism() - 1));
    const pool = new WorkerPool(workers, { rules: settings, routes: [...routes], now: options.now.getTime() });
    return new RenderedPages(pool, routes, options.maxBacklogBytes ?? DEFAULT_MAX_BACKLOG_BYTES);
  }

  private constructor(pool: WorkerPool, routes: ReadonlySet<string>, maxBacklogBytes: number) {
    this.pool = pool;
    this.#routes = routes;
    this.#maxBacklogBytes = maxBacklogBytes;
  }

  /**
   * A page as rendered, with the file it is expected to be written to (relative to the output directory). The bytes
   * move to a worker thread when they are a whole buffer of their own: do not use them afterwards.
   */
  add(file: string, bytes: Uint8Array): void {
    // The same file rendered twice (a route conflict): the file on disk decides, so keep no head start for it.
    if (this.#results.has(file)) {
      this.#results.set(file, Promise.resolve({ index: -1, findings: [], kept: [], hash: '' }));
      return;
    }
    // Left for the audit after the build, which reads the file: memory stays bounded and rendering never waits.
    const size = bytes.byteLength;
    if (this.#backlogBytes + size > this.#maxBacklogBytes) return;
    this.#backlogBytes += size;
    const route = routeForFile(file);
    const result = this.pool.audit({ index: this.#results.size, route, file, bytes, skip: [] });
    this.#results.set(file, result);
    void result.then(() => (this.#backlogBytes -= size));
  }

  /** True when the page to be written to this file was audited (or is being audited) while it rendered. */
  has(file: string): boolean {
    return this.#results.has(file);
  }

  /** True when the build produced exactly the expected routes, which the early audits were checked against. */
  usableFor(routes: ReadonlySet<string>): boolean {
    return routes.size === this.#routes.size && [...routes].every((route) => this.#routes.has(route));
  }

  /**
   * The result of the audit while rendering, when the built file holds exactly the bytes that were audited (read
   * and hashed here, on the calling thread, while the workers go on auditing); undefined otherwise.
   */
  async resultIfUnchanged(file: string, path: string, root?: string): Promise<PageResult | undefined> {
    const result = await this.#results.get(file);
    if (!result || result.hash === '') return undefined;
    try {
      return pageHash(readPageBytes(path, root)) === result.hash ? result : undefined;
    } catch {
      // Unreadable now: the audit of the file reports why.
      return undefined;
    }
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
