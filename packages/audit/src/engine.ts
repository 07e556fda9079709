import { CTA_IGNORE, parseIgnoreList } from '@astro-cta/contract';
import type { Element } from 'domhandler';
import { attr, closestAncestor } from './dom.ts';
import { createPage } from './page.ts';
import { decodePage } from './read-page.ts';
import { rules as builtInRules } from './rules/index.ts';
import { configureRules } from './rules/settings.ts';
import type {
  Finding,
  Kept,
  PageContext,
  ReportInput,
  Rule,
  Severity,
  SiteContext,
  SiteFacts,
  SiteReportInput,
} from './types.ts';

export const DOCS_BASE = 'https://astro-cta.dev/rules/';
/** Findings about the audit itself (unreadable file, a rule that threw) carry this id: never a silent pass. */
export const AUDIT_ERROR = 'audit-error';

/**
 * How long one page may take, reading and parsing included. Every step is linear in the page's size, so a page
 * under the size cap takes seconds (800,000 nested elements, 8.8 MB: about 33 s measured on 2 cores at a load
 * average of 25, i.e. shared with 12 other busy processes); more means a bug of ours or a page built to stall it.
 */
export const PAGE_TIME_BUDGET_MS = 60_000;

export function helpUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}/`;
}

/** What one audit run is made of. Everything is optional: `createAuditRun()` audits with every built-in rule. */
export interface AuditRunOptions {
  /** The rules to run, at their configured severities. Default: every built-in rule. */
  rules?: readonly Rule[];
  /**
   * Audit-wide option values (`{ requireCta: ['/landing/**'] }` from the configuration or a CLI flag), handed to
   * every rule whose meta declares an option of that name. Undefined values leave the rule's default.
   */
  options?: Readonly<Record<string, unknown>>;
  site?: {
    /** Every page route of the audited build (a Set is used as it is); default: the routes of the pages fed so far. */
    routes?: Iterable<string>;
    /** The moment the audit treats as "now"; default: when the run was created. */
    now?: Date;
    /** Element ids of another page of the build, for the site step (`#fragment` links). */
    idsOf?: SiteFacts['idsOf'];
  };
  /** How long one page may take; default PAGE_TIME_BUDGET_MS. */
  pageBudgetMs?: number;
  /**
   * Hands back each page this run parses on this thread, once its rules ran: the page object with the facts the
   * audit found (its recognised CTAs, its kind, its countdowns…), for hosts that measure the audit itself against
   * hand labels (the real-world corpus scorer, tests/fixtures/real-world/score.ts). The run keeps no page: a host
   * keeps what it needs. Pages checked in a worker thread (`add`) and pages that could not be read or parsed (their
   * `audit-error` finding says so) do not reach it.
   */
  onPage?(page: PageContext): void;
}

/** Which page is fed to the run, and how it is to be treated. */
export interface PageMeta {
  /** Site-relative URL path, e.g. `/pricing/`. */
  route: string;
  /** The built file, relative to the audited directory (for findings). */
  file: string;
  /** Rules the page opted out of (frontmatter): they do not run on it, and nothing they report about it is kept. */
  skip?: readonly string[];
  /** The source file the page was built from (`src/pages/pricing.astro`), put on its findings as `sourceHint`. */
  sourceHint?: string;
}

/** One page's findings, and what its rules kept for their `afterAll` (plain data, in rule order). */
export interface PageAudit {
  findings: Finding[];
  kept: Kept[];
}

export interface AuditRunResult {
  /** Every finding of the run: each page's in the order pages were fed, then the site step's. */
  findings: Finding[];
  /** Pages fed to the run (`page` and `add`). */
  pages: number;
  /** Findings by severity. */
  counts: Record<Severity, number>;
}

/**
 * One audit: the configured rules and the site's facts, fed one page at a time, then finished with the rules that
 * compare pages. Every host uses it (the directory audit, worker threads, `astro build`, the dev toolbar, the docs
 * and the tests); hosts only read pages and decide where they are checked. Nothing a page contains makes it throw.
 */
export interface AuditRun {
  /** The rules as configured for this run (severities and options applied): what worker threads recreate. */
  readonly rules: readonly Rule[];
  readonly now: Date;
  /** Sets the routes of the build once they are known for sure (they were predicted while it rendered). */
  setRoutes(routes: Iterable<string>): void;
  /** Audits one page on this thread and keeps what its rules kept for `finish`; returns the page's findings. */
  page(html: string | Uint8Array, meta: PageMeta): Finding[];
  /** Audits one page without keeping anything: for a worker thread, whose result the main thread's run `add`s. */
  check(html: string | Uint8Array, meta: PageMeta): PageAudit;
  /** Takes in a page audited elsewhere with the same rules (a worker thread); returns the findings it kept. */
  add(audit: PageAudit, meta: PageMeta): Finding[];
  /**
   * Runs the site step (the `afterAll` of rules that compare pages) over what every page kept, and returns the
   * run's findings. It may be called again after more pages or once other pages' ids are known (the toolbar
   * does): each call runs the site step anew.
   */
  finish(): AuditRunResult;
}

export function createAuditRun(options: AuditRunOptions = {}): AuditRun {
  const rules = configureRules(options.rules ?? builtInRules, options.options ?? {});
  const now = options.site?.now ?? new Date();
  const budgetMs = options.pageBudgetMs ?? PAGE_TIME_BUDGET_MS;
  const givenRoutes = options.site?.routes;
  // Until routes are given, the run learns them from the pages it is fed.
  const learnt = givenRoutes === undefined ? new Set<string>() : undefined;
  let routes: ReadonlySet<string> = learnt ?? asSet(givenRoutes!);
  const idsOf = options.site?.idsOf ?? (() => undefined);
  const findings: Finding[] = [];
  const kept: Kept[] = [];
  const sourceByFile = new Map<string, string>();
  let pages = 0;

  const check = (input: string | Uint8Array, meta: PageMeta): PageAudit => {
    const deadline = performance.now() + budgetMs;
    const { route, file } = meta;
    const notes: Finding[] = [];
    let html: string;
    if (typeof input === 'string') html = input;
    else {
      const read = decodePage(input);
      if (!read.ok)
        return {
          findings: [auditError(route, file, `This page was not audited: ${read.reason}.`, 'warning')],
          kept: [],
        };
      if (read.note) notes.push(auditError(route, file, `This page ${read.note}.`, 'info'));
      html = read.html;
    }
    let page: PageContext;
    let result: PageAudit;
    try {
      page = createPage(html, route, file, { routes });
      const skip = meta.skip ?? [];
      const pageRules = skip.length === 0 ? rules : rules.filter((rule) => !skip.includes(rule.meta.id));
      result = auditPage(page, { routes, now }, pageRules, deadline);
    } catch (error) {
      const why = `Could not audit this page (${describeError(error)}). ${OUR_BUG}`;
      return { findings: [...notes, auditError(route, file, why)], kept: [] };
    }
    // Outside the try: what the host does with the page is not the audit's failure on it.
    options.onPage?.(page);
    // Not push(...result.findings): a page with 100,000 findings would overflow the call stack with arguments.
    return { findings: notes.length === 0 ? result.findings : notes.concat(result.findings), kept: result.kept };
  };

  const add = (audit: PageAudit, meta: PageMeta): Finding[] => {
    pages += 1;
    learnt?.add(meta.route);
    if (meta.sourceHint) sourceByFile.set(meta.file, meta.sourceHint);
    const skip = meta.skip ?? [];
    const own: Finding[] = [];
    for (const finding of audit.findings) {
      if (skip.includes(finding.ruleId)) continue;
      const placed = meta.sourceHint ? { ...finding, sourceHint: meta.sourceHint } : finding;
      own.push(placed);
      findings.push(placed);
    }
    for (const entry of audit.kept) if (!skip.includes(entry[0])) kept.push(entry);
    return own;
  };

  return {
    rules,
    now,
    setRoutes(next) {
      routes = asSet(next);
    },
    page(input, meta) {
      // A page named before it is checked: its own links to itself resolve while routes are being learnt.
      learnt?.add(meta.route);
      return add(check(input, meta), meta);
    },
    check,
    add,
    finish() {
      const site: SiteFacts = { routes, now, idsOf };
      const siteFindings = auditSite(site, kept, rules).map((finding) => {
        const hint = finding.file ? sourceByFile.get(finding.file) : undefined;
        return hint ? { ...finding, sourceHint: hint } : finding;
      });
      const all = findings.concat(siteFindings);
      const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
      for (const finding of all) counts[finding.severity] += 1;
      return { findings: all, pages, counts };
    },
  };
}

/** A set as given (the dev server's routes answer for dynamic routes too), or one made from a list. */
function asSet(routes: Iterable<string>): ReadonlySet<string> {
  return routes instanceof Set ? routes : new Set(routes);
}

/** Audits one HTML string with a run of its own: the short form of `createAuditRun` for tests and the docs. */
export function auditHtml(
  html: string,
  rules: readonly Rule[],
  options: { route?: string; file?: string; site?: Partial<SiteFacts> } = {},
): Finding[] {
  const route = options.route ?? '/';
  const { routes, now, idsOf } = options.site ?? {};
  const run = createAuditRun({
    rules,
    site: { routes: routes ?? [route], ...(now ? { now } : {}), ...(idsOf ? { idsOf } : {}) },
  });
  run.page(html, { route, file: options.file ?? 'index.html' });
  return run.finish().findings;
}

const OUR_BUG = "This is a bug in astro-cta, not in your page: please report it with the page's HTML.";

function suppressed(element: Element | undefined, ruleId: string): boolean {
  if (!element) return false;
  return (
    closestAncestor(element, (el) => {
      const ids = parseIgnoreList(attr(el, CTA_IGNORE));
      return ids.includes('all') || ids.includes(ruleId);
    }) !== undefined
  );
}

/**
 * Runs the rules over one parsed page: the page step of `createAuditRun`. A rule that throws turns into a
 * finding; the other rules still run. Past `deadline` (a `performance.now()` time) no further rule starts, and the
 * page gets a `timedOut` finding.
 */
function auditPage(
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
 * (`kept` in page order): the site step of `createAuditRun` (`finish`).
 */
function auditSite(site: SiteFacts, kept: readonly Kept[], rules: readonly Rule[]): Finding[] {
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
        (input: SiteReportInput) => {
          const { messageId, data, message, ...where } = input;
          const finding: Finding = {
            ruleId: id,
            severity,
            helpUrl: helpUrl(id),
            ...where,
            message: messageOf(rule, { message, messageId, data }),
          };
          if (messageId) finding.messageId = messageId;
          findings.push(finding);
        },
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

/** A finding about the audit itself: a page it could not read, or a bug of ours. */
export function auditError(route: string, file: string, message: string, severity: Severity = 'error'): Finding {
  return { ruleId: AUDIT_ERROR, severity, message, route, file, helpUrl: helpUrl(AUDIT_ERROR) };
}

function ruleFailed(rule: Rule, error: unknown, route: string, file: string): Finding {
  return auditError(route, file, `Rule ${rule.meta.id} failed on this page (${describeError(error)}). ${OUR_BUG}`);
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

/**
 * The report's message: its `messageId` template from the rule's meta with `{name}` filled from `data`, or, for
 * rules that do not declare messages yet, the `message` it gave.
 */
function messageOf(rule: Rule, input: Pick<ReportInput, 'message' | 'messageId' | 'data'>): string {
  if (input.messageId === undefined) {
    if (input.message !== undefined) return input.message;
    throw new Error(`rule ${rule.meta.id} reported a finding with neither a messageId nor a message`);
  }
  const template = rule.meta.messages?.[input.messageId];
  if (template === undefined)
    throw new Error(`rule ${rule.meta.id} reported message id "${input.messageId}", which its meta.messages lacks`);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(input.data?.[name] ?? whole));
}

/** Describes anything a rule may throw, even values whose own `toString` throws. */
export function describeError(error: unknown): string {
  try {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } catch {
    return 'an error that cannot be described';
  }
}
