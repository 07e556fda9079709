import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { Parser } from 'htmlparser2';
import { auditPage, auditSite, AUDIT_ERROR, createSite, describeError, helpUrl } from './engine.ts';
import { createPage } from './page.ts';
import { rules as allRules } from './rules/index.ts';
import type { Finding, Rule } from './types.ts';

export interface SiteAuditOptions {
  rules?: readonly Rule[];
  /** What counts as "now" for deadlines; defaults to the moment the audit starts. */
  now?: Date;
  /**
   * Route globs of the pages that must have a CTA (`page-no-cta`), e.g. `['/', '/landing/**']`. Default: every
   * page. Legal pages, error pages and blog or tag indexes are always excluded.
   */
  requireCta?: readonly string[];
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

async function listHtmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * Audits every `.html` file under `dir`. Pages are read, parsed and checked one at a time, and only their
 * findings are kept, so memory stays flat however large the site.
 */
export async function auditDirectory(dir: string, options: SiteAuditOptions = {}): Promise<SiteAuditResult> {
  const started = performance.now();
  const files = await listHtmlFiles(dir);
  const routes = new Set(files.map(routeForFile));
  const ids = await collectIds(dir, files);
  const site = createSite(routes, options.now ?? new Date(), (route) => ids.get(route));
  const ctaExpected = ctaExpectedOn(options.requireCta);
  const rules = options.rules ?? allRules;
  const findings: Finding[] = [];
  for (const file of files) {
    const route = routeForFile(file);
    const posixFile = file.split(path.sep).join('/');
    try {
      const html = await readFile(path.join(dir, file), 'utf8');
      const page = createPage(html, route, posixFile);
      const pageRules = ctaExpected(route) ? rules : rules.filter((rule) => rule.meta.id !== 'page-no-cta');
      findings.push(...auditPage(page, site, pageRules));
    } catch (error) {
      findings.push({
        ruleId: AUDIT_ERROR,
        severity: 'error',
        message: `Could not audit this page (${describeError(error)}).`,
        route,
        file: posixFile,
        helpUrl: helpUrl(AUDIT_ERROR),
      });
    }
  }
  findings.push(...auditSite(site, rules));
  return { findings, pages: files.length, durationMs: performance.now() - started };
}

/**
 * A first, DOM-free pass that records every page's element ids, so that links to `#fragments` on other pages can
 * be checked while pages are audited one at a time.
 */
async function collectIds(dir: string, files: readonly string[]): Promise<Map<string, Set<string>>> {
  const ids = new Map<string, Set<string>>();
  for (const file of files) {
    const found = new Set<string>();
    const parser = new Parser({
      onopentag(name, attributes) {
        if (attributes.id) found.add(attributes.id);
        // <a name> is a fragment target too (old-style anchors).
        if (name === 'a' && attributes.name) found.add(attributes.name);
      },
    });
    try {
      parser.end(await readFile(path.join(dir, file), 'utf8'));
    } catch {
      // Unreadable pages are reported by the main pass.
    }
    ids.set(routeForFile(file), found);
  }
  return ids;
}
