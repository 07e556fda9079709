// A worker thread of the audit: it audits the pages the main thread sends, one at a time, and answers each with
// its findings and kept values. See worker-pool.ts for the other side.
import { parentPort, workerData } from 'node:worker_threads';
import { createAuditRun } from './engine.ts';
import { auditJob, type PageJob } from './page-auditor.ts';
import { type RuleSetting, rulesFrom } from './rules/settings.ts';

/** What a worker is started with: the rules (by id and severity, as functions cannot be sent) and the site. */
export interface WorkerSetup {
  rules: RuleSetting[];
  routes: string[];
  /** "Now" for deadline rules, in epoch milliseconds. */
  now: number;
}

/** A page to audit, the build's final routes (they were predicted while it rendered), or the end of the run. */
export type WorkerMessage = { job: PageJob } | { routes: string[] } | { close: true };

const setup = workerData as WorkerSetup;
const run = createAuditRun({ rules: rulesFrom(setup.rules), site: { routes: setup.routes, now: new Date(setup.now) } });
parentPort!.on('message', (message: WorkerMessage) => {
  if ('close' in message) parentPort!.close();
  else if ('routes' in message) run.setRoutes(message.routes);
  else parentPort!.postMessage(auditJob(run, message.job));
});
