export type { Category, Cta, Finding, PageContext, Rule, RuleMeta, Severity, SiteContext, ReportInput } from './types.ts';
export { auditHtml, auditPage, helpUrl, AUDIT_ERROR } from './engine.ts';
export { auditDirectory, routeForFile, ctaExpectedOn, type SiteAuditOptions, type SiteAuditResult } from './site.ts';
export { createPage } from './page.ts';
export { rules } from './rules/index.ts';
export { formatPretty, summary } from './reporters/pretty.ts';
export { isGenericText, normalizeCtaText } from './text/generic-phrases.ts';
