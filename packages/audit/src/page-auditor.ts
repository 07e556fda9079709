import { hash } from 'node:crypto';
import { auditPage, AUDIT_ERROR, describeError, helpUrl } from './engine.ts';
import { createPage } from './page.ts';
import { decodePage, readPageBytes, type ReadPage } from './read-page.ts';
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

  constructor(rules: readonly Rule[], routes: ReadonlySet<string>, now: Date) {
    this.#rules = rules;
    this.#site = { routes, now };
  }

  /** The routes of the build, once they are known for sure (they were predicted while it rendered). */
  setRoutes(routes: ReadonlySet<string>): void {
    this.#site = { ...this.#site, routes };
  }

  audit(job: PageJob): PageResult {
    const { index, route, file } = job;
    let bytes: Uint8Array;
    try {
      bytes = job.bytes ?? readPageBytes(job.path!);
    } catch (error) {
      return { index, findings: [auditError(route, file, `This page was not audited: ${(error as Error).message}.`, 'warning')], kept: [], hash: '' };
    }
    // Only a page audited while it rendered needs its hash: its file is compared with it after the build.
    return { index, ...this.#auditBytes(bytes, job), hash: job.bytes ? pageHash(bytes) : '' };
  }

  #auditBytes(bytes: Uint8Array, { route, file, skip }: PageJob): { findings: Finding[]; kept: Kept[] } {
    const read: ReadPage = decodePage(bytes);
    if (!read.ok) return { findings: [auditError(route, file, `This page was not audited: ${read.reason}.`, 'warning')], kept: [] };
    const findings: Finding[] = [];
    if (read.note) findings.push(auditError(route, file, `This page ${read.note}.`, 'info'));
    try {
      const page = createPage(read.html, route, file);
      const result = auditPage(page, this.#site, skip.length === 0 ? this.#rules : this.#rules.filter((rule) => !skip.includes(rule.meta.id)));
      findings.push(...result.findings);
      return { findings, kept: result.kept };
    } catch (error) {
      findings.push(auditError(route, file, `Could not audit this page (${describeError(error)}). This is a bug in astro-cta, not in your page: please report it with the page's HTML.`));
      return { findings, kept: [] };
    }
  }
}

export function auditError(route: string, file: string, message: string, severity: Severity = 'error'): Finding {
  return { ruleId: AUDIT_ERROR, severity, message, route, file, helpUrl: helpUrl(AUDIT_ERROR) };
}
