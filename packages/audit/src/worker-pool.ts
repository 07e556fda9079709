import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { WorkerMessage, WorkerSetup } from './audit-worker.ts';
import { type AuditRun, auditError, createAuditRun, describeError } from './engine.ts';
import { auditJob, type PageJob, type PageResult } from './page-auditor.ts';
import { rulesFrom } from './rules/settings.ts';

/** More threads than this cost memory (each holds its own copy of the rules and a page's DOM) for little gain. */
export const MAX_WORKERS = 4;
/**
 * Pages a worker must have to pay off. A thread starts cold: loading and warming up the audit's code costs about
 * as much as 300 pages on a warm thread. Measured with `npm run bench:audit` on 2 cores: 1,000 pages were audited
 * faster on the main thread than on 2 workers, 5,000 pages about 1.6 times faster on 2 workers.
 */
const PAGES_PER_WORKER = 1000;

/** Worker threads for a run of `pages` pages: one per core, as many as the pages are worth; 0 when one would do. */
export function workersFor(pages: number, cores = availableParallelism()): number {
  const threads = Math.min(cores, MAX_WORKERS, Math.floor(pages / PAGES_PER_WORKER));
  // A single worker would only move the work off the main thread, which waits for it anyway.
  return threads >= 2 ? threads : 0;
}

/** The worker entry point next to this module: compiled JavaScript, or TypeScript when run from source (tests). */
const WORKER_URL = new URL(
  import.meta.url.endsWith('.ts') ? './audit-worker.ts' : './audit-worker.js',
  import.meta.url,
);

interface Pending {
  job: PageJob;
  resolve: (result: PageResult) => void;
}

interface Thread {
  worker: Worker;
  /** Jobs sent and not answered yet, in the order they were sent (a worker answers in that order). */
  pending: Pending[];
  alive: boolean;
  /** Pages it answered: a worker that stops before its first answer could not start, and did no harm. */
  answered: number;
}

/**
 * Audits pages on worker threads. `audit` never rejects, and nothing is lost or silently skipped: when a worker
 * stops (a bug of ours, or memory), the page it was auditing becomes an `audit-error` finding and its other pages
 * go to the other workers; a worker that cannot start at all hands all its pages on; with no worker left, pages
 * are audited on this thread.
 */
export class WorkerPool {
  readonly #threads: Thread[] = [];
  readonly #setup: WorkerSetup;
  readonly #entry: URL;
  #fallback: AuditRun | undefined;

  /** `entry` is the worker's module: tests give one that fails on purpose. */
  constructor(size: number, setup: WorkerSetup, entry: URL = WORKER_URL) {
    this.#setup = setup;
    this.#entry = entry;
    for (let i = 0; i < size; i++) this.#start();
  }

  get size(): number {
    return this.#threads.filter((thread) => thread.alive).length;
  }

  /** Starts more workers, up to `size` live ones (the build needs a core for itself; the audit after it does not). */
  grow(size: number): void {
    for (let live = this.size; live < size; live++) this.#start();
  }

  audit(job: PageJob): Promise<PageResult> {
    const live = this.#threads.filter((thread) => thread.alive);
    if (live.length === 0) return Promise.resolve(this.#auditHere(job));
    // The least busy worker: pages differ in size, so a round robin would leave one worker waiting on another.
    const thread = live.reduce((best, candidate) =>
      candidate.pending.length < best.pending.length ? candidate : best,
    );
    return new Promise((resolve) => {
      // A busy worker keeps the process alive until it answers; an idle one must not (see #start).
      if (thread.pending.length === 0) thread.worker.ref();
      thread.pending.push({ job, resolve });
      const message: WorkerMessage = { job };
      // A page's bytes handed over from the build move to the worker instead of being copied (see #stopped), when
      // they are a whole buffer of their own: moving a view would take the rest of its buffer away from its owner.
      const { bytes } = job;
      const movable =
        bytes &&
        bytes.buffer instanceof ArrayBuffer &&
        bytes.byteOffset === 0 &&
        bytes.byteLength === bytes.buffer.byteLength;
      thread.worker.postMessage(message, movable ? [bytes.buffer as ArrayBuffer] : []);
    });
  }

  /** Tells every worker the build's final routes (they were predicted while it rendered). */
  setRoutes(routes: ReadonlySet<string>): void {
    this.#setup.routes = [...routes];
    this.#fallback?.setRoutes(routes);
    const message: WorkerMessage = { routes: this.#setup.routes };
    for (const thread of this.#threads) if (thread.alive) thread.worker.postMessage(message);
  }

  /**
   * Asks every thread to finish: it closes its port and ends on its own once idle. Only a thread still running a
   * second later is terminated: terminating a thread while V8 compiles code can abort the whole process (V8's
   * "Check failed: jit_page.has_value()", seen with Node 24 on a loaded machine), which would end the user's build.
   */
  async close(): Promise<void> {
    await Promise.all(
      this.#threads.map(async ({ worker, alive }) => {
        if (!alive) return;
        const exited = once(worker, 'exit').catch(() => undefined);
        worker.postMessage({ close: true } satisfies WorkerMessage);
        const late = setTimeout(() => void worker.terminate(), 1000);
        await exited;
        clearTimeout(late);
      }),
    );
  }

  #start(): void {
    const worker = new Worker(this.#entry, { workerData: this.#setup });
    const thread: Thread = { worker, pending: [], alive: true, answered: 0 };
    worker.on('message', (result: PageResult) => {
      thread.answered += 1;
      thread.pending.shift()?.resolve(result);
      if (thread.pending.length === 0) thread.worker.unref();
    });
    worker.on('error', (error) => this.#stopped(thread, describeError(error)));
    worker.on('exit', (code) => this.#stopped(thread, `it exited with code ${code}`));
    // A worker waiting for pages (during a build, between rendered pages) must not keep the process alive.
    worker.unref();
    this.#threads.push(thread);
  }

  #stopped(thread: Thread, why: string): void {
    if (!thread.alive) return;
    thread.alive = false;
    const pending = thread.pending.splice(0);
    // The page being audited when a working worker stopped may be what stopped it: report it, do not retry it.
    const culprit = thread.answered > 0 ? pending.shift() : undefined;
    if (culprit) {
      const { job } = culprit;
      const message = `Could not audit this page: the audit's worker thread stopped while auditing it (${why}). This is a bug in astro-cta, not in your page: please report it with the page's HTML.`;
      culprit.resolve({ index: job.index, findings: [auditError(job.route, job.file, message)], kept: [], hash: '' });
    }
    for (const { job, resolve } of pending) {
      // Bytes moved to the dead worker are gone (detached: length 0): no early result for that page, whose file is
      // audited after the build (an empty hash never matches). Anything else can go to another thread.
      if (job.bytes?.byteLength === 0) resolve({ index: job.index, findings: [], kept: [], hash: '' });
      else void this.audit(job).then(resolve);
    }
  }

  #auditHere(job: PageJob): PageResult {
    this.#fallback ??= createAuditRun({
      rules: rulesFrom(this.#setup.rules),
      site: { routes: this.#setup.routes, now: new Date(this.#setup.now) },
    });
    return auditJob(this.#fallback, job);
  }
}
