export {
  applyBaseline,
  type BaselineEntry,
  BaselineError,
  type BaselineFile,
  type BaselineFileV1,
  createBaseline,
  fingerprint,
  fingerprintV1,
  readBaseline,
  writeBaseline,
} from './baseline.ts';
export {
  AuditConfigError,
  type AuditConfigInput,
  auditConfigSchema,
  FAIL_ON,
  type FailOn,
  PRESETS,
  type Preset,
  REPORT_FORMATS,
  type ReportFormat,
  type ResolvedAuditConfig,
  resolveAuditConfig,
} from './config.ts';
export {
  AUDIT_ERROR,
  type AuditRun,
  type AuditRunOptions,
  type AuditRunResult,
  auditHtml,
  createAuditRun,
  helpUrl,
  PAGE_TIME_BUDGET_MS,
  type PageAudit,
  type PageMeta,
} from './engine.ts';
export { fragmentTargets } from './fragment-targets.ts';
export { type FrontmatterOptOut, frontmatterReader, optOutFromSource } from './frontmatter.ts';
export { contentRegions } from './main-content.ts';
export {
  type CtaMetrics,
  loadMetrics,
  MetricsError,
  metricsOfPage,
  pageKey,
  parseMetrics,
  type SiteMetrics,
} from './metrics.ts';
export { NEVER_CONVERTING, type PageKind, type PageKindResult, pageKindOf } from './page-kind.ts';
export { CONFIDENCE, CONFIDENT, findMain, type RecognizeOptions, recognizeCtas } from './recognize.ts';
export { RenderedPages, type RenderedPagesOptions } from './rendered-pages.ts';
export { type AuditReport, formatReport } from './reporters/index.ts';
export { formatPretty, summary } from './reporters/pretty.ts';
export { examplePage } from './rules/example-page.ts';
export { rules } from './rules/index.ts';
export { configureRules, withOptions } from './rules/settings.ts';
export { type RunAuditOptions, type RunAuditResult, runConfiguredAudit } from './run.ts';
export { auditDirectory, listHtmlFiles, routeForFile, type SiteAuditOptions, type SiteAuditResult } from './site.ts';
export { contentFileFinder, guessSourcesFromPages } from './sources.ts';
export { isGenericText, normalizeCtaText } from './text/generic-phrases.ts';
export type {
  Category,
  Cta,
  Finding,
  Kept,
  Location,
  PageContext,
  ReportInput,
  Rule,
  RuleMeta,
  RuleOptionMeta,
  Severity,
  SiteContext,
  SiteFacts,
  SiteReportInput,
  SiteSummary,
} from './types.ts';
export { judge, type Verdict } from './verdict.ts';
export { MAX_WORKERS, workersFor } from './worker-pool.ts';
