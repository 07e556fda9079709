import { hash } from 'node:crypto';
import { AUDIT_ERROR, auditPage, describeError, helpUrl } from './engine.ts';
import { createPage } from './page.ts';
import { decodePage, type ReadPage, readPageBytes } from './read-page.ts';
import type { Finding, Kept, Rule, Severity } from './types.ts';

/** One page to audit, as the run hands it to this thread or to a worker thread. */
export interface PageJob {
  /** The page's place in the run: results are put together in this order, whichever thread finishes first. */
  index: number;
  route: string;
  /** The built file, relative to the audited directory (for findings). */
  file: string;
  /** Where to read the page; or `bytes`, the page as rendered, when it was handed over during `astro build`. */
  path?: string;
  /** The audited folder: a `path` whose real location is outside it is not read (see readPageBytes). */
  root?: string;
  bytes?: Uint8Array;
  /** Rule ids not to run on this page (frontmatter opt-outs). */
  skip: readonly string[];
}

export interface PageResult {
  index: number;
  findings: Finding[];
  kept: Kept[];
  /** Of the page's bytes when they were handed over (audited while it rendered), else ''. */
  hash: string;
}

/** A content hash of a page, to tell whether the file on disk is the page that was audited while it rendered. */
/**
 * How long one page may take, reading and parsing included. Every step is linear in the page's size, so a page
 * under the size cap takes seconds (800,000 nested elements, 8.8 MB: about 33 s measured on 2 cores at a load
 * average of 25, i.e. shared with 12 other busy processes); more means a bug of ours or a page built to stall it.
 */
export const PAGE_TIME_BUDGET_MS = 60_000;

export function pageHash(bytes: Uint8Array): string {
  return hash('sha1', bytes, 'base64');
}

/**
 * Audits one page at a time with a fixed set of rules and site facts. The same code runs on the main thread and in
 * worker threads. Nothing a page contains makes it throw: unreadable, binary or oversized files and rules that fail
 * become `audit-error` findings.
 */
export class PageAuditor {
  readonly #rules: readonly Rule[];
  #site: { routes: ReadonlySet<string>; now: Date };
  readonly #budgetMs: number;

  constructor(rules: readonly Rule[], routes: ReadonlySet<string>, now: Date, budgetMs = PAGE_TIME_BUDGET_MS) {
    this.#rules = rules;
    this.#site = { routes, now };
    this.#budgetMs = budgetMs;
  }

  /** The routes of the build, once they are known for sure (they were predicted while it rendered). */
  setRoutes(routes: ReadonlySet<string>): void {
    this.#site = { ...this.#site, routes };
  }

  audit(job: PageJob): PageResult {
    const { index, route, file } = job;
    const deadline = performance.now() + this.#budgetMs;
    let bytes: Uint8Array;
    try {
      bytes = job.bytes ?? readPageBytes(job.path!, job.root);
    } catch (error) {
      return {
        index,
        findings: [auditError(route, file, `This page was not audited: ${(error as Error).message}.`, 'warning')],
        kept: [],
        hash: '',
      };
    }
    // Only a page audited while it rendered needs its hash: its file is compared with it after the build.
    return { index, ...this.#auditBytes(bytes, job, deadline), hash: job.bytes ? pageHash(bytes) : '' };
  }

  #auditBytes(bytes: Uint8Array, job: PageJob, deadline: number): { findings: Finding[]; kept: Kept[] } {
    const { route, file, skip } = job;
    const read: ReadPage = decodePage(bytes);
    if (!read.ok)
      return { findings: [auditError(route, file, `This page was not audited: ${read.reason}.`, 'warning')], kept: [] };
    const findings: Finding[] = [];
    if (read.note) findings.push(auditError(route, file, `This page ${read.note}.`, 'info'));
    try {
      const page = createPage(read.html, route, file);
      const rules = skip.length === 0 ? this.#rules : this.#rules.filter((rule) => !skip.includes(rule.meta.id));
      const result = auditPage(page, this.#site, rules, deadline);
      // Not push(...result.findings): a page with 100,000 findings would overflow the call stack with arguments.
      const all = findings.length === 0 ? result.findings : findings.concat(result.findings);
      return { findings: all, kept: result.kept };
    } catch (error) {
      findings.push(
        auditError(
          route,
          file,
          `Could not audit this page (${describeError(error)}). This is a bug in astro-cta, not in your page: please report it with the page's HTML.`,
        ),
      );
      return { findings, kept: [] };
    }
  }
}

export function auditError(route: string, file: string, message: string, severity: Severity = 'error'): Finding {
  return { ruleId: AUDIT_ERROR, severity, message, route, file, helpUrl: helpUrl(AUDIT_ERROR) };
}
