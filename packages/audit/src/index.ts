export type { Category, Cta, Finding, Location, PageContext, Rule, RuleMeta, Severity, SiteContext, ReportInput, SiteReportInput } from './types.ts';
export { auditHtml, auditPage, auditSite, createSite, helpUrl, AUDIT_ERROR } from './engine.ts';
export { auditDirectory, routeForFile, ctaExpectedOn, type SiteAuditOptions, type SiteAuditResult } from './site.ts';
export { createPage } from './page.ts';
export { rules } from './rules/index.ts';
export { formatPretty, summary } from './reporters/pretty.ts';
export { isGenericText, normalizeCtaText } from './text/generic-phrases.ts';
