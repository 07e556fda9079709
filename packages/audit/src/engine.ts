import type { Element } from 'domhandler';
import { CTA_IGNORE, parseIgnoreList } from '@astro-cta/contract';
import { attr, closestAncestor } from './dom.ts';
import { createPage } from './page.ts';
import type { Finding, PageContext, ReportInput, Rule, SiteContext, SiteReportInput } from './types.ts';

export const DOCS_BASE = 'https://astro-cta.dev/rules/';
/** Findings about the audit itself (unreadable file, a rule that threw) carry this id: never a silent pass. */
export const AUDIT_ERROR = 'audit-error';

export function helpUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}/`;
}

function suppressed(element: Element | undefined, ruleId: string): boolean {
  if (!element) return false;
  return closestAncestor(element, (el) => {
    const ids = parseIgnoreList(attr(el, CTA_IGNORE));
    return ids.includes('all') || ids.includes(ruleId);
  }) !== undefined;
}

/** Runs the rules over one parsed page. A rule that throws turns into a finding; the other rules still run. */
export function auditPage(page: PageContext, site: SiteContext, rules: readonly Rule[]): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const report = (input: ReportInput) => {
      // Page-level findings are suppressed from the main content or any of its ancestors.
      if (suppressed(input.element ?? page.main, rule.meta.id)) return;
      findings.push(toFinding(rule.meta.id, rule.meta.severity, input, page));
    };
    try {
      rule.check(page, report, site);
    } catch (error) {
      findings.push(ruleFailed(rule, error, page.route, page.file));
    }
  }
  return findings;
}

/** Runs the `afterAll` step of rules that compare pages, once every page was checked. */
export function auditSite(site: SiteContext, rules: readonly Rule[]): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (!rule.afterAll) continue;
    const { id, severity } = rule.meta;
    try {
      rule.afterAll((input: SiteReportInput) => findings.push({ ruleId: id, severity, helpUrl: helpUrl(id), ...input }), site);
    } catch (error) {
      findings.push(ruleFailed(rule, error, '/', ''));
    }
  }
  return findings;
}

function ruleFailed(rule: Rule, error: unknown, route: string, file: string): Finding {
  return {
    ruleId: AUDIT_ERROR,
    severity: 'error',
    message: `Rule ${rule.meta.id} failed on this page (${describeError(error)}). This is a bug in astro-cta, not in your page: please report it with the page's HTML.`,
    route,
    file,
    helpUrl: helpUrl(AUDIT_ERROR),
  };
}

function toFinding(ruleId: string, severity: Finding['severity'], input: ReportInput, page: PageContext): Finding {
  const finding: Finding = { ruleId, severity, message: input.message, route: page.route, file: page.file, helpUrl: helpUrl(ruleId) };
  return input.element ? { ...finding, ...page.locate(input.element) } : finding;
}

/** The site-wide context one audit run shares between pages. */
export function createSite(routes: ReadonlySet<string>, now: Date, idsOf: SiteContext['idsOf'] = () => undefined): SiteContext {
  const stored = new Map<string, unknown>();
  return {
    routes,
    now,
    idsOf,
    store<T>(key: string, init: () => T): T {
      if (!stored.has(key)) stored.set(key, init());
      return stored.get(key) as T;
    },
  };
}

/** Describes anything a rule may throw, even values whose own `toString` throws. */
export function describeError(error: unknown): string {
  try {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } catch {
    return 'an error that cannot be described';
  }
}

/** Audits one HTML string: the convenient entry for tests and for hand-written HTML. */
export function auditHtml(html: string, rules: readonly Rule[], options: { route?: string; file?: string; site?: Partial<SiteContext> } = {}): Finding[] {
  const route = options.route ?? '/';
  const file = options.file ?? 'index.html';
  const site: SiteContext = { ...createSite(new Set([route]), new Date()), ...options.site };
  let page: PageContext;
  try {
    page = createPage(html, route, file);
  } catch (error) {
    return [{ ruleId: AUDIT_ERROR, severity: 'error', message: `Could not audit this page (${describeError(error)}). This is a bug in astro-cta, not in your page: please report it with the page's HTML.`, route, file, helpUrl: helpUrl(AUDIT_ERROR) }];
  }
  return [...auditPage(page, site, rules), ...auditSite(site, rules)];
}
