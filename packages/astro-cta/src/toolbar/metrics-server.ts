import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadMetrics, MetricsError, metricsOfPage, parseMetrics, type SiteMetrics } from '@astro-cta/audit';
import type { AstroIntegrationLogger } from 'astro';
import { METRICS_REQUEST, METRICS_RESPONSE, type MetricsRequest, type MetricsResponse } from './protocol.ts';
import type { ToolbarChannel } from './server.ts';

/** Where the dev toolbar's numbers come from: an exported report file, or a collector's report endpoint. */
export type MetricsSource = { file: string } | { url: string; token?: string | undefined };

/** How long a collector's answer is reused: every page of a dev session would otherwise ask it again. */
const URL_CACHE_MS = 30_000;
/** A collector that has not answered by then is reported as not answering. */
const FETCH_TIMEOUT_MS = 5_000;

/**
 * The dev server's side of the metrics overlay: reads the numbers for the page the app is on and sends them back.
 * A file is read again on every request (export a new one and reload the page); a collector is asked at most every
 * 30 s. Every failure becomes a message in the app, never an exception in the dev server.
 */
export class ToolbarMetrics {
  #source: MetricsSource;
  #root: string;
  #base = '/';
  #cached: { at: number; metrics: SiteMetrics } | undefined;

  constructor(source: MetricsSource, root: URL | string = process.cwd()) {
    this.#source = source;
    this.#root = typeof root === 'string' ? root : fileURLToPath(root);
  }

  /** From `astro:config:done`: the base path, stripped so that pages match the report's page paths. */
  useConfig(config: { base: string; root: URL }): void {
    this.#base = config.base.endsWith('/') ? config.base : `${config.base}/`;
    this.#root = fileURLToPath(config.root);
  }

  listen(toolbar: ToolbarChannel, logger: Pick<AstroIntegrationLogger, 'warn'>): void {
    toolbar.on<unknown>(METRICS_REQUEST, (payload) => {
      void this.respond(payload).then((response) => {
        if (response) toolbar.send<MetricsResponse>(METRICS_RESPONSE, response);
        else logger.warn('Ignored a CTA metrics request without a requestId: reload the page.');
      });
    });
  }

  async respond(payload: unknown): Promise<MetricsResponse | undefined> {
    const { requestId, pathname } = (typeof payload === 'object' && payload !== null ? payload : {}) as Partial<
      Record<keyof MetricsRequest, unknown>
    >;
    if (typeof requestId !== 'string' || requestId === '') return undefined;
    if (typeof pathname !== 'string' || !pathname.startsWith('/')) {
      return { requestId, ok: false, message: 'The request named no page path: reload the page.' };
    }
    try {
      const metrics = await this.#metrics();
      const route =
        this.#base !== '/' && pathname.startsWith(this.#base) ? `/${pathname.slice(this.#base.length)}` : pathname;
      const ctas = metricsOfPage(metrics, route).map(({ page: _, ...figures }) => figures);
      return { requestId, ok: true, source: metrics.source, period: metrics.period, ctas };
    } catch (error) {
      return { requestId, ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }

  async #metrics(): Promise<SiteMetrics> {
    const source = this.#source;
    // Named as the option gives it (relative to the project), the full path only in messages about the file.
    if ('file' in source)
      return { ...loadMetrics(path.resolve(this.#root, source.file), 'metrics'), source: source.file };
    if (this.#cached && Date.now() - this.#cached.at < URL_CACHE_MS) return this.#cached.metrics;
    const shown = new URL(source.url);
    shown.search = '';
    let response: Response;
    try {
      response = await fetch(source.url, {
        headers: { accept: 'application/json', ...(source.token ? { authorization: `Bearer ${source.token}` } : {}) },
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      });
    } catch (error) {
      const reason =
        (error as Error).name === 'TimeoutError'
          ? `no answer in ${FETCH_TIMEOUT_MS / 1000} s`
          : (error as Error).message;
      throw new MetricsError(`metrics: the collector at ${shown} could not be reached (${reason}). Is it running?`);
    }
    if (response.status === 401 || response.status === 403 || response.status === 404) {
      throw new MetricsError(
        `metrics: the collector at ${shown} answered ${response.status}: start it with CTA_REPORT_TOKEN set and give the ` +
          'same token in the metrics option ({ url, token }).',
      );
    }
    if (!response.ok) throw new MetricsError(`metrics: the collector at ${shown} answered ${response.status}.`);
    let json: unknown;
    try {
      json = await response.json();
    } catch (error) {
      throw new MetricsError(`metrics: the collector at ${shown} did not answer JSON (${(error as Error).message}).`);
    }
    const metrics = parseMetrics(json, String(shown), 'metrics');
    this.#cached = { at: Date.now(), metrics };
    return metrics;
  }
}
