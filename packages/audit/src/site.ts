import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { type AuditRun, auditError, createAuditRun, type PageMeta } from './engine.ts';
import { fragmentTargets } from './fragment-targets.ts';
import { auditJob, type PageJob, type PageResult } from './page-auditor.ts';
import { decodePage, readPageBytes } from './read-page.ts';
import type { RenderedPages } from './rendered-pages.ts';
import { settingsOf } from './rules/settings.ts';
import { addWrittenSources, SourceIndex } from './source-match.ts';
import type { Finding, Rule } from './types.ts';
import { WorkerPool, workersFor } from './worker-pool.ts';

export interface SiteAuditOptions {
  rules?: readonly Rule[];
  /** What counts as "now" for deadlines; defaults to the moment the audit starts. */
  now?: Date;
  /**
   * Route globs of the pages that must have a CTA, e.g. `['/', '/landing/**']`: handed to the rules that take a
   * `requireCta` option (page-no-cta). Default: the pages meant to convert, by their page kind (page-kind.ts).
   */
  requireCta?: readonly string[];
  /**
   * Route patterns served without a built page (on-demand pages and endpoints, redirects): links to them are not
   * dead (cta-dead-target's `onDemandRoutes`). The integration knows them; the CLI reads what it recorded.
   */
  onDemandRoutes?: readonly string[];
  /** The source file a built page came from, for the report (`src/pages/pricing.astro`). */
  sourceFor?: (route: string, file: string) => string | undefined;
  /**
   * The project's source folder and root: each finding is then given where its element is written (source-match.ts),
   * when the built page does not say so itself (Astro annotates elements in `astro dev` only).
   */
  sources?: { srcDir: string; root: string };
  /** Rules a page opted out of (e.g. from MDX frontmatter), or 'all' to leave the page out of the audit. */
  ignoredRules?: (route: string, file: string) => readonly string[] | 'all' | undefined;
  /** Called after each page, for progress bars. */
  onProgress?: (done: number, total: number) => void;
  /** Worker threads to audit pages on; 0 audits on this thread. Default: one per core when the site is large enough. */
  workers?: number;
  /** Pages audited while `astro build` rendered them: used where the built file is exactly what was rendered. */
  rendered?: RenderedPages;
}

export interface SiteAuditResult {
  findings: Finding[];
  pages: number;
  durationMs: number;
  /** Pages whose audit while `astro build` rendered them was used (their files held exactly what was rendered). */
  auditedWhileRendering: number;
}

/** `about/index.html` → `/about/`, `index.html` → `/`, `404.html` → `/404.html`. */
export function routeForFile(file: string): string {
  const posix = file.split(path.sep).join('/');
  if (posix === 'index.html') return '/';
  if (posix.endsWith('/index.html')) return `/${posix.slice(0, -'index.html'.length)}`;
  return `/${posix}`;
}

export async function listHtmlFiles(dir: string): Promise<string[]> {
  return (await listSite(dir)).files;
}

/** A folder or entry of the audited site that could not be listed, with the reason: it becomes a finding. */
export interface UnlistedEntry {
  /** Relative to the audited folder, with forward slashes. */
  path: string;
  reason: string;
}

/**
 * Every `.html` file under `dir` (sorted, relative, forward slashes), and the entries that could not be listed: an
 * unreadable subfolder or a path longer than the system allows is reported, and the rest is still listed. Links
 * to folders are not followed (they could lead out of the site or in a circle); links to files are listed, and the
 * reader refuses those that lead outside `dir`.
 */
export async function listSite(dir: string): Promise<{ files: string[]; unlisted: UnlistedEntry[] }> {
  const files: string[] = [];
  const unlisted: UnlistedEntry[] = [];
  const folders = [''];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    let entries: Dirent[];
    try {
      entries = await readdir(path.join(dir, folder), { withFileTypes: true });
    } catch (error) {
      // The audited folder itself is checked by the caller; below it, one bad folder must not stop the audit.
      if (folder === '') throw error;
      unlisted.push({ path: folder, reason: `this folder could not be read (${describeFsError(error)})` });
      continue;
    }
    for (const entry of entries) {
      const relative = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) folders.push(relative);
      else if (entry.name.endsWith('.html')) files.push(relative);
      else if (entry.isSymbolicLink() && (await isFolder(path.join(dir, relative)))) {
        const reason = 'this is a symbolic link to a folder, which the audit does not follow';
        unlisted.push({ path: relative, reason });
      }
    }
  }
  return { files: files.sort(), unlisted: unlisted.sort((a, b) => a.path.localeCompare(b.path)) };
}

async function isFolder(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isDirectory();
  } catch {
    return false;
  }
}

/** `EACCES: permission denied, scandir '/x'` → `permission denied`: the path is already in the finding. */
export function describeFsError(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const known: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENAMETOOLONG: 'the path is longer than the system allows',
    ELOOP: 'too many symbolic links',
    ENOENT: 'it no longer exists',
    ENOTDIR: 'it is not a folder',
  };
  return (code && known[code]) ?? String(message);
}

/**
 * Pages in flight per worker: enough that no worker waits for its next page while this thread is busy (reading and
 * hashing the files of pages audited while they rendered), few enough to keep memory flat (a job is a path; a
 * result is the page's findings).
 */
const IN_FLIGHT_PER_WORKER = 32;

/**
 * Audits every `.html` file under `dir`. Pages are read, parsed and checked one at a time per thread (on worker
 * threads for larger sites) and only their findings are kept, so memory stays flat however large the site.
 * Findings come in page order whichever thread audits a page. Nothing a page contains makes this throw:
 * unreadable, binary or oversized files and rules that fail become `audit-error` findings.
 */
export async function auditDirectory(dir: string, options: SiteAuditOptions = {}): Promise<SiteAuditResult> {
  const started = performance.now();
  const { files, unlisted } = await listSite(dir);
  const routeOf = new Map(files.map((file) => [file, routeForFile(file)]));
  const routes = new Set(routeOf.values());
  const fileByRoute = new Map([...routeOf].map(([file, route]) => [route, file]));
  const run = createAuditRun({
    ...(options.rules ? { rules: options.rules } : {}),
    options: { requireCta: options.requireCta, onDemandRoutes: options.onDemandRoutes },
    site: { routes, ...(options.now ? { now: options.now } : {}), idsOf: idsOnDemand(dir, fileByRoute) },
  });
  const rendered = options.rendered?.usableFor(routes) ? options.rendered : undefined;
  // Threads for the pages still to audit: those audited while they rendered only need their hash checked.
  const toAudit = rendered ? files.filter((file) => !rendered.has(file)).length : files.length;
  const pages = pageAuditor(run, routes, options.workers ?? workersFor(toAudit), options.rendered);

  const notListed: Finding[] = unlisted.map((entry) =>
    auditError(routeForFile(`${entry.path}/`), entry.path, `Not audited: ${entry.reason}.`, 'warning'),
  );
  const jobs: Array<{ meta: PageMeta; result: Promise<PageResult> | undefined }> = [];
  let done = 0;
  let auditedWhileRendering = 0;
  const finishPage = async ({ meta, result }: (typeof jobs)[number]) => {
    const audit = await result;
    if (audit) run.add(audit, meta);
    options.onProgress?.(++done, files.length);
  };
  try {
    for (const [index, file] of files.entries()) {
      const route = routeOf.get(file)!;
      const ignored = safely(() => options.ignoredRules?.(route, file)) ?? [];
      const sourceHint = safely(() => options.sourceFor?.(route, file));
      const skip = ignored === 'all' ? [] : ignored;
      const meta: PageMeta = { route, file, skip, ...(sourceHint ? { sourceHint } : {}) };
      let result: Promise<PageResult> | undefined;
      if (ignored !== 'all') {
        const filePath = path.join(dir, file);
        // A page audited while it rendered is not audited again when the file holds exactly what was rendered.
        const early = await rendered?.resultIfUnchanged(file, filePath, dir);
        if (early) auditedWhileRendering += 1;
        result = early ? Promise.resolve(early) : pages.audit({ index, route, file, path: filePath, root: dir, skip });
      }
      jobs.push({ meta, result });
      if (jobs.length >= pages.inFlight) await finishPage(jobs.shift()!);
    }
    while (jobs.length > 0) await finishPage(jobs.shift()!);
  } finally {
    await pages.close();
  }
  const { findings } = run.finish();
  const all = notListed.length === 0 ? findings : notListed.concat(findings);
  const located = options.sources ? (safely(() => withWrittenSources(all, dir, options.sources!)) ?? all) : all;
  return { findings: located, pages: files.length, durationMs: performance.now() - started, auditedWhileRendering };
}

/** Findings with where their elements are written; the built pages with findings are read once more for it. */
function withWrittenSources(findings: readonly Finding[], dir: string, sources: { srcDir: string; root: string }) {
  // The build is never its own source (a CLI run may audit a folder inside the source folder).
  const index = new SourceIndex(sources.srcDir, sources.root, [dir]);
  const readBuilt = (file: string) => {
    const read = safely(() => decodePage(readPageBytes(path.join(dir, file), dir)));
    return read?.ok ? read.html : undefined;
  };
  return addWrittenSources(findings, readBuilt, index);
}

/** Where the pages of one run are audited: worker threads, or this thread when that is faster or not possible. */
function pageAuditor(run: AuditRun, routes: ReadonlySet<string>, workers: number, rendered: RenderedPages | undefined) {
  const settings = settingsOf(run.rules);
  const pool =
    rendered?.pool ??
    (settings && workers > 0
      ? new WorkerPool(workers, { rules: settings, routes: [...routes], now: run.now.getTime() })
      : undefined);
  if (pool) {
    pool.setRoutes(routes);
    // The build's pool left a core to Astro while it rendered; now every core may audit what is left.
    pool.grow(workers);
    return {
      audit: (job: PageJob) => pool.audit(job),
      inFlight: pool.size * IN_FLIGHT_PER_WORKER,
      close: () => (rendered ? Promise.resolve() : pool.close()),
    };
  }
  // A copy, as a worker's answer is: findings quote the page (excerpts, CTA names), and strings cut from the page's
  // HTML would otherwise keep every page's whole HTML in memory until the run ends.
  return {
    audit: (job: PageJob) => Promise.resolve(structuredClone(auditJob(run, job))),
    inFlight: 1,
    close: () => Promise.resolve(),
  };
}

/** Hooks given by the caller (source maps, frontmatter) must not break the audit either. */
function safely<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}

/**
 * Element ids of a page, for links to `#fragments` on other pages. Read on demand (a DOM-free scan of the target
 * page, cached) rather than in a pass over every page first: only pages that are fragment targets cost anything.
 */
function idsOnDemand(
  dir: string,
  fileByRoute: ReadonlyMap<string, string>,
): (route: string) => ReadonlySet<string> | undefined {
  const cache = new Map<string, Set<string>>();
  return (route) => {
    const file = fileByRoute.get(route);
    if (file === undefined) return undefined;
    let found = cache.get(route);
    if (found) return found;
    // The same reader as for audited pages: a link to a FIFO or to a file outside the site reads nothing.
    const read = safely(() => decodePage(readPageBytes(path.join(dir, file), dir)));
    // Unreadable pages are reported by the main pass; they have no ids.
    found = read?.ok ? fragmentTargets(read.html) : new Set<string>();
    cache.set(route, found);
    return found;
  };
}
