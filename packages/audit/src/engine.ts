import { CTA_IGNORE, parseIgnoreList } from '@astro-cta/contract';
import type { Element } from 'domhandler';
import { attr, closestAncestor } from './dom.ts';
import { createPage } from './page.ts';
import type {
  Finding,
  Kept,
  PageContext,
  ReportInput,
  Rule,
  SiteContext,
  SiteFacts,
  SiteReportInput,
} from './types.ts';

export const DOCS_BASE = 'https://astro-cta.dev/rules/';
/** Findings about the audit itself (unreadable file, a rule that threw) carry this id: never a silent pass. */
export const AUDIT_ERROR = 'audit-error';

export function helpUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}/`;
}

function suppressed(element: Element | undefined, ruleId: string): boolean {
  if (!element) return false;
  return (
    closestAncestor(element, (el) => {
      const ids = parseIgnoreList(attr(el, CTA_IGNORE));
      return ids.includes('all') || ids.includes(ruleId);
    }) !== undefined
  );
}

/** One page's findings, and what its rules kept for their `afterAll` (plain data, in rule order). */
export interface PageAudit {
  findings: Finding[];
  kept: Kept[];
}

/**
 * Runs the rules over one parsed page. A rule that throws turns into a finding; the other rules still run. Past
 * `deadline` (a `performance.now()` time) no further rule starts, and the page gets a `timedOut` finding.
 */
export function auditPage(
  page: PageContext,
  site: Pick<SiteFacts, 'routes' | 'now'>,
  rules: readonly Rule[],
  deadline = Infinity,
): PageAudit {
  const findings: Finding[] = [];
  const kept: Kept[] = [];
  for (const [index, rule] of rules.entries()) {
    if (performance.now() > deadline) {
      findings.push(
        timedOut(
          page.route,
          page.file,
          rules.slice(index).map((skipped) => skipped.meta.id),
        ),
      );
      break;
    }
    const { id } = rule.meta;
    const report = (input: ReportInput) => {
      // Page-level findings are suppressed from the main content or any of its ancestors.
      if (suppressed(input.element ?? page.main, id)) return;
      findings.push(toFinding(rule, input, page));
    };
    const context: SiteContext = {
      routes: site.routes,
      now: site.now,
      keep: (value) => kept.push([id, value]),
      options: optionsOf(rule),
    };
    try {
      rule.check(page, report, context);
    } catch (error) {
      findings.push(ruleFailed(rule, error, page.route, page.file));
    }
  }
  return { findings: groupRepeats(findings), kept };
}

/**
 * One finding per pattern: a rule that says the same thing (same message) about several elements of one page is
 * reporting one mistake repeated by a loop or a component (ten product cards, each a link in a link). The first
 * stands for all, and lists where the others are (`alsoAt`), so nothing is lost and the count stays visible.
 */
export function groupRepeats(findings: Finding[]): Finding[] {
  const firstOf = new Map<string, Finding>();
  const kept: Finding[] = [];
  for (const finding of findings) {
    if (finding.ruleId === AUDIT_ERROR) {
      kept.push(finding);
      continue;
    }
    const key = `${finding.ruleId}\0${finding.severity}\0${finding.message}`;
    const first = firstOf.get(key);
    if (!first) {
      firstOf.set(key, finding);
      kept.push(finding);
      continue;
    }
    (first.alsoAt ??= []).push(finding.line === undefined ? {} : { line: finding.line, column: finding.column });
  }
  return kept;
}

/**
 * Runs the `afterAll` step of rules that compare pages, once every page was checked, with what each rule kept
 * (`kept` in page order).
 */
export function auditSite(site: SiteFacts, kept: readonly Kept[], rules: readonly Rule[]): Finding[] {
  const findings: Finding[] = [];
  const keptByRule = new Map<string, unknown[]>();
  for (const [ruleId, value] of kept) {
    const list = keptByRule.get(ruleId);
    if (list) list.push(value);
    else keptByRule.set(ruleId, [value]);
  }
  for (const rule of rules) {
    if (!rule.afterAll) continue;
    const { id, severity } = rule.meta;
    const own = keptByRule.get(id) ?? [];
    try {
      rule.afterAll(
        (input: SiteReportInput) => findings.push({ ruleId: id, severity, helpUrl: helpUrl(id), ...input }),
        { ...site, kept: own },
      );
    } catch (error) {
      findings.push(ruleFailed(rule, error, '/', ''));
    }
  }
  return findings;
}

/**
 * A page that took longer than the time budget: only partly audited, so it counts toward `failOn` like an error
 * (a page must not escape the audit by being slow to check).
 */
export function timedOut(route: string, file: string, notRun: readonly string[]): Finding {
  const rest = notRun.length > 0 ? ` These rules did not run on it: ${notRun.join(', ')}.` : '';
  return {
    ruleId: AUDIT_ERROR,
    severity: 'error',
    message:
      `This page hit the audit's time budget and was only partly audited.${rest} ` +
      'Split the page, or report it to astro-cta with its HTML if it is an ordinary page.',
    route,
    file,
    helpUrl: helpUrl(AUDIT_ERROR),
    timedOut: true,
  };
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

function toFinding(rule: Rule, input: ReportInput, page: PageContext): Finding {
  const { id: ruleId, severity } = rule.meta;
  const finding: Finding = {
    ruleId,
    severity,
    message: messageOf(rule, input),
    route: page.route,
    file: page.file,
    helpUrl: helpUrl(ruleId),
  };
  if (input.messageId) finding.messageId = input.messageId;
  return input.element ? { ...finding, ...page.locate(input.element) } : finding;
}

/** A rule's option values: what the configuration set over the defaults its meta declares. */
export function optionsOf(rule: Rule): Readonly<Record<string, unknown>> {
  const defaults = Object.fromEntries(
    Object.entries(rule.meta.options ?? {}).map(([name, option]) => [name, option.default]),
  );
  return rule.options ? { ...defaults, ...rule.options } : defaults;
}

/** The report's message, or its `messageId` template from the rule's meta with `{name}` filled from `data`. */
function messageOf(rule: Rule, input: ReportInput): string {
  if (input.message !== undefined) return input.message;
  const template = input.messageId ? rule.meta.messages?.[input.messageId] : undefined;
  if (template === undefined)
    throw new Error(`rule ${rule.meta.id} reported an unknown message id "${input.messageId}"`);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(input.data?.[name] ?? whole));
}

/** The facts one audit run shares between pages. */
export function createSite(
  routes: ReadonlySet<string>,
  now: Date,
  idsOf: SiteFacts['idsOf'] = () => undefined,
): SiteFacts {
  return { routes, now, idsOf };
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
export function auditHtml(
  html: string,
  rules: readonly Rule[],
  options: { route?: string; file?: string; site?: Partial<SiteFacts> } = {},
): Finding[] {
  const route = options.route ?? '/';
  const file = options.file ?? 'index.html';
  const site: SiteFacts = { ...createSite(new Set([route]), new Date()), ...options.site };
  let page: PageContext;
  try {
    page = createPage(html, route, file);
  } catch (error) {
    return [
      {
        ruleId: AUDIT_ERROR,
        severity: 'error',
        message: `Could not audit this page (${describeError(error)}). This is a bug in astro-cta, not in your page: please report it with the page's HTML.`,
        route,
        file,
        helpUrl: helpUrl(AUDIT_ERROR),
      },
    ];
  }
  const { findings, kept } = auditPage(page, site, rules);
  return [...findings, ...auditSite(site, kept, rules)];
}
