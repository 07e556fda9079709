import type { Element } from 'domhandler';
import { CTA_IGNORE, parseIgnoreList } from '@astro-cta/contract';
import { LineIndex } from './parse.ts';
import { attr, closestAncestor, cssPath, excerpt } from './dom.ts';
import { createPage } from './page.ts';
import type { Finding, PageContext, ReportInput, Rule, SiteContext } from './types.ts';

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
  const lines = new LineIndex(page.html);
  for (const rule of rules) {
    const report = (input: ReportInput) => {
      // Page-level findings are suppressed from the main content or any of its ancestors.
      if (suppressed(input.element ?? page.main, rule.meta.id)) return;
      findings.push(toFinding(rule.meta.id, rule.meta.severity, input, page, lines));
    };
    try {
      rule.check(page, report, site);
    } catch (error) {
      findings.push({
        ruleId: AUDIT_ERROR,
        severity: 'error',
        message: `Rule ${rule.meta.id} failed on this page (${describeError(error)}). This is a bug in astro-cta, not in your page: please report it with the page's HTML.`,
        route: page.route,
        file: page.file,
        helpUrl: helpUrl(AUDIT_ERROR),
      });
    }
  }
  return findings;
}

function toFinding(ruleId: string, severity: Finding['severity'], input: ReportInput, page: PageContext, lines: LineIndex): Finding {
  const finding: Finding = { ruleId, severity, message: input.message, route: page.route, file: page.file, helpUrl: helpUrl(ruleId) };
  if (input.element) {
    const { line, column } = lines.locate(input.element.startIndex ?? 0);
    finding.line = line;
    finding.column = column;
    finding.selector = cssPath(input.element);
    finding.excerpt = excerpt(input.element, page.html);
  }
  return finding;
}

export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Audits one HTML string: the convenient entry for tests and for hand-written HTML. */
export function auditHtml(html: string, rules: readonly Rule[], options: { route?: string; file?: string; site?: Partial<SiteContext> } = {}): Finding[] {
  const route = options.route ?? '/';
  const page = createPage(html, route, options.file ?? 'index.html');
  const site: SiteContext = { routes: new Set([route]), now: new Date(), ...options.site };
  return auditPage(page, site, rules);
}
