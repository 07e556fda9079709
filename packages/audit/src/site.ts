import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { Parser } from 'htmlparser2';
import { auditPage, auditSite, AUDIT_ERROR, createSite, describeError, helpUrl } from './engine.ts';
import { createPage } from './page.ts';
import { decodePage, readPage, type ReadPage } from './read-page.ts';
import { rules as allRules } from './rules/index.ts';
import type { Finding, Rule, Severity } from './types.ts';

export interface SiteAuditOptions {
  rules?: readonly Rule[];
  /** What counts as "now" for deadlines; defaults to the moment the audit starts. */
  now?: Date;
  /**
   * Route globs of the pages that must have a CTA (`page-no-cta`), e.g. `['/', '/landing/**']`. Default: every
   * page. Legal pages, error pages and blog or tag indexes are always excluded.
   */
  requireCta?: readonly string[];
  /** The source file a built page came from, for the report (`src/pages/pricing.astro`). */
  sourceFor?: (route: string, file: string) => string | undefined;
  /** Rules a page opted out of (e.g. from MDX frontmatter), or 'all' to leave the page out of the audit. */
  ignoredRules?: (route: string, file: string) => readonly string[] | 'all' | undefined;
  /** Called after each page, for progress bars. */
  onProgress?: (done: number, total: number) => void;
}

export interface SiteAuditResult {
  findings: Finding[];
  pages: number;
  durationMs: number;
}

/** Legal pages, error pages and blog or tag indexes are not meant to convert. */
const NOT_CONVERTING = /^\/(?:404|500)(?:\.html|\/)?$|\/(?:privacy|terms|imprint|impressum|legal|cookies?|datenschutz|agb)(?:[-/.]|$)|^\/(?:blog|tags?|categories)\/(?:page\/\d+\/)?$/i;

export function ctaExpectedOn(requireCta: readonly string[] = ['/**']): (route: string) => boolean {
  const matches = picomatch([...requireCta], { dot: true });
  return (route) => !NOT_CONVERTING.test(route) && (matches(route) || matches(route.replace(/\/$/, '')));
}

/** `about/index.html` → `/about/`, `index.html` → `/`, `404.html` → `/404.html`. */
export function routeForFile(file: string): string {
  const posix = file.split(path.sep).join('/');
  if (posix === 'index.html') return '/';
  if (posix.endsWith('/index.html')) return `/${posix.slice(0, -'index.html'.length)}`;
  return `/${posix}`;
}

export async function listHtmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => !entry.isDirectory() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

function auditError(route: string, file: string, message: string, severity: Severity = 'error'): Finding {
  return { ruleId: AUDIT_ERROR, severity, message, route, file, helpUrl: helpUrl(AUDIT_ERROR) };
}

/**
 * Audits every `.html` file under `dir`. Pages are read, parsed and checked one at a time, and only their
 * findings are kept, so memory stays flat however large the site. Nothing a page contains makes this throw:
 * unreadable, binary or oversized files and rules that fail become `audit-error` findings.
 */
export async function auditDirectory(dir: string, options: SiteAuditOptions = {}): Promise<SiteAuditResult> {
  const started = performance.now();
  const files = await listHtmlFiles(dir);
  const routes = new Set(files.map(routeForFile));
  const fileByRoute = new Map(files.map((file) => [routeForFile(file), file]));
  const site = createSite(routes, options.now ?? new Date(), idsOnDemand(dir, fileByRoute));
  const ctaExpected = ctaExpectedOn(options.requireCta);
  const rules = options.rules ?? allRules;
  const findings: Finding[] = [];
  let done = 0;
  for await (const [file, read] of readAhead(dir, files)) {
    const route = routeForFile(file);
    const source = safely(() => options.sourceFor?.(route, file));
    const pageFindings: Finding[] = [];
    const ignored = safely(() => options.ignoredRules?.(route, file)) ?? [];
    if (ignored !== 'all') {
      if (!read.ok) {
        pageFindings.push(auditError(route, file, `This page was not audited: ${read.reason}.`, 'warning'));
      } else {
        if (read.note) pageFindings.push(auditError(route, file, `This page ${read.note}.`, 'info'));
        try {
          const page = createPage(read.html, route, file);
          const pageRules = rules.filter(
            (rule) => !ignored.includes(rule.meta.id) && (rule.meta.id !== 'page-no-cta' || ctaExpected(route)),
          );
          pageFindings.push(...auditPage(page, site, pageRules));
        } catch (error) {
          pageFindings.push(auditError(route, file, `Could not audit this page (${describeError(error)}). This is a bug in astro-cta, not in your page: please report it with the page's HTML.`));
        }
      }
    }
    for (const finding of pageFindings) findings.push(source ? { ...finding, sourceHint: source } : finding);
    options.onProgress?.(++done, files.length);
  }
  for (const finding of auditSite(site, rules)) {
    const source = finding.file ? safely(() => options.sourceFor?.(finding.route, finding.file)) : undefined;
    findings.push(source ? { ...finding, sourceHint: source } : finding);
  }
  return { findings, pages: files.length, durationMs: performance.now() - started };
}

/** Files read ahead while the current page is parsed and checked: disk waits overlap with work, memory stays flat. */
const READ_AHEAD = 8;

/** Reads pages in order, keeping a few reads in flight ahead of the one being consumed. */
async function* readAhead(dir: string, files: readonly string[]): AsyncGenerator<[string, ReadPage]> {
  const pending: Promise<ReadPage>[] = [];
  let next = 0;
  const fill = () => {
    while (pending.length < READ_AHEAD && next < files.length) pending.push(readPage(path.join(dir, files[next++]!)));
  };
  for (let i = 0; i < files.length; i++) {
    fill();
    const read = await pending.shift()!;
    yield [files[i]!, read];
  }
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
function idsOnDemand(dir: string, fileByRoute: ReadonlyMap<string, string>): (route: string) => ReadonlySet<string> | undefined {
  const cache = new Map<string, Set<string>>();
  return (route) => {
    const file = fileByRoute.get(route);
    if (file === undefined) return undefined;
    let found = cache.get(route);
    if (found) return found;
    found = new Set<string>();
    const ids = found;
    const read = safely(() => decodePage(readFileSync(path.join(dir, file))));
    // Unreadable pages are reported by the main pass; they have no ids.
    if (read?.ok) {
      const parser = new Parser({
        onopentag(name, attributes) {
          if (attributes.id) ids.add(attributes.id);
          // <a name> is a fragment target too (old-style anchors).
          if (name === 'a' && attributes.name) ids.add(attributes.name);
        },
      });
      safely(() => parser.end(read.html));
    }
    cache.set(route, found);
    return found;
  };
}
