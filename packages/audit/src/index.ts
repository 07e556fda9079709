export type { Category, Cta, Finding, Location, PageContext, Rule, RuleMeta, Severity, SiteContext, SiteFacts, SiteSummary, Kept, ReportInput, SiteReportInput, RuleOptionMeta } from './types.ts';
export { auditHtml, auditPage, auditSite, createSite, helpUrl, AUDIT_ERROR, type PageAudit } from './engine.ts';
export { auditDirectory, listHtmlFiles, routeForFile, type SiteAuditOptions, type SiteAuditResult } from './site.ts';
export { createPage } from './page.ts';
export { rules } from './rules/index.ts';
export { examplePage } from './rules/example-page.ts';
export { formatPretty, summary } from './reporters/pretty.ts';
export { formatReport, type AuditReport } from './reporters/index.ts';
export { isGenericText, normalizeCtaText } from './text/generic-phrases.ts';
export {
  auditConfigSchema, resolveAuditConfig, AuditConfigError, PRESETS, FAIL_ON, REPORT_FORMATS,
  type AuditConfigInput, type ResolvedAuditConfig, type Preset, type FailOn, type ReportFormat,
} from './config.ts';
export { fingerprint, applyBaseline, createBaseline, readBaseline, writeBaseline, BaselineError, type BaselineFile } from './baseline.ts';
export { judge, type Verdict } from './verdict.ts';
export { runConfiguredAudit, type RunAuditOptions, type RunAuditResult } from './run.ts';
export { guessSourcesFromPages } from './sources.ts';
export { optOutFromSource, frontmatterReader, type FrontmatterOptOut } from './frontmatter.ts';
export { recognizeCtas, findMain, CONFIDENT, CONFIDENCE, type RecognizeOptions } from './recognize.ts';
export { contentRegions } from './main-content.ts';
export { pageKindOf, NEVER_CONVERTING, type PageKind, type PageKindResult } from './page-kind.ts';
export { configureRules, withOptions } from './rules/settings.ts';
export { RenderedPages, type RenderedPagesOptions } from './rendered-pages.ts';
export { MAX_WORKERS, workersFor } from './worker-pool.ts';
export { fragmentTargets } from './fragment-targets.ts';
