import { hash } from 'node:crypto';
import { type AuditRun, auditError, type PageAudit } from './engine.ts';
import { readPageBytes } from './read-page.ts';

/** One page to audit, as the directory audit hands it to this thread or to a worker thread. */
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

export interface PageResult extends PageAudit {
  index: number;
  /** Of the page's bytes when they were handed over (audited while it rendered), else ''. */
  hash: string;
}

/** A content hash of a page, to tell whether the file on disk is the page that was audited while it rendered. */
export function pageHash(bytes: Uint8Array): string {
  return hash('sha1', bytes, 'base64');
}

/**
 * Reads one job's page and checks it with the run's rules, without keeping anything in the run: the same code on
 * the main thread and in worker threads, whose results the main thread's run `add`s. Never throws: a file that
 * cannot be read is an `audit-error` finding.
 */
export function auditJob(run: Pick<AuditRun, 'check'>, job: PageJob): PageResult {
  const { index, route, file, skip } = job;
  let bytes: Uint8Array;
  try {
    bytes = job.bytes ?? readPageBytes(job.path!, job.root);
  } catch (error) {
    const message = `This page was not audited: ${(error as Error).message}.`;
    return { index, findings: [auditError(route, file, message, 'warning')], kept: [], hash: '' };
  }
  // Only a page audited while it rendered needs its hash: its file is compared with it after the build.
  return { index, ...run.check(bytes, { route, file, skip }), hash: job.bytes ? pageHash(bytes) : '' };
}
