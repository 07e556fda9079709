import { resolve } from 'node:path';
import { z } from 'zod';
import { loadMetrics, MetricsError, type SiteMetrics } from './metrics.ts';
import { rules as allRules } from './rules/index.ts';
import { configureRules, withSeverity } from './rules/settings.ts';
import type { Rule, Severity } from './types.ts';

export const PRESETS = ['recommended', 'strict', 'accessibility'] as const;
export type Preset = (typeof PRESETS)[number];
export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];
export const REPORT_FORMATS = ['pretty', 'json', 'sarif', 'html', 'github'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const ruleSetting = z.enum(['error', 'warning', 'info', 'off'], {
  error: 'a rule is set to "error", "warning", "info" or "off".',
});

/**
 * The audit's configuration: the `audit` key of the integration's options and the CLI's `cta-audit.config.json`.
 * Every field is optional; `resolveAuditConfig` fills in the defaults, so the input stays what the user wrote.
 */
export const auditConfigSchema = z
  .object({
    preset: z.enum(PRESETS, { error: `preset is one of ${PRESETS.map((p) => `"${p}"`).join(', ')}.` }).optional(),
    /** Per-rule severity or "off", over the preset: `{ "cta-generic-text": "error", "cta-below-fold": "off" }`. */
    rules: z.record(z.string(), ruleSetting).optional(),
    /** Route globs of the pages that must have a CTA; legal, error and blog index pages are always excluded. */
    requireCta: z
      .array(z.string().startsWith('/', 'requireCta globs match site paths and start with "/", e.g. "/landing/**".'))
      .optional(),
    /** Which findings fail the run: errors (default in the CLI), warnings and errors, or never (default in builds). */
    failOn: z.enum(FAIL_ON, { error: 'failOn is "error", "warning" or "never".' }).optional(),
    /** Fail when more than this many warnings are found (after the baseline). */
    maxWarnings: z
      .number({ error: 'maxWarnings is a whole number of warnings, e.g. 10.' })
      .int('maxWarnings is a whole number of warnings, e.g. 10.')
      .min(0, 'maxWarnings cannot be negative; use 0 to allow no warnings.')
      .optional(),
    /** Path of a baseline file: findings recorded in it are known and do not count. */
    baseline: z.string().min(1, 'baseline is the path of a JSON file, e.g. "cta-audit-baseline.json".').optional(),
    /** Pretend "now" for deadline rules, for reproducible builds and tests. */
    now: z.coerce.date({ error: 'now is a date, e.g. "2026-01-31T12:00:00Z".' }).optional(),
    /**
     * Measured numbers per CTA: the path of a report exported with `cta-collect report --format json`. The
     * `cta-underperforming` rule reads it (and the dev toolbar shows it next to each CTA).
     */
    metrics: z
      .string({
        error: 'metrics is the path of a JSON report, e.g. "metrics.json" (cta-collect report --format json).',
      })
      .min(1, 'metrics is the path of a JSON report, e.g. "metrics.json" (cta-collect report --format json).')
      .optional(),
    /** Report files to write besides the terminal report. */
    reports: z
      .array(
        z
          .object({
            format: z.enum(REPORT_FORMATS, { error: `a report format is one of ${REPORT_FORMATS.join(', ')}.` }),
            file: z.string().min(1, 'a report needs a file path, e.g. "cta-audit.sarif".'),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();

export type AuditConfigInput = z.input<typeof auditConfigSchema>;

export interface ResolvedAuditConfig {
  preset: Preset;
  /** The rules to run, with the severity this configuration gives them. */
  rules: Rule[];
  requireCta: string[] | undefined;
  failOn: FailOn;
  maxWarnings: number | undefined;
  baseline: string | undefined;
  now: Date | undefined;
  reports: { format: ReportFormat; file: string }[];
  /** The measured numbers loaded from `metrics`, if set. */
  metrics: SiteMetrics | undefined;
}

/** Bad configuration: the message names every bad field and says how to fix it. */
export class AuditConfigError extends Error {
  override name = 'AuditConfigError';
}

/** What each preset makes of a rule's own severity; undefined turns the rule off. */
const PRESET_SEVERITY: Record<Preset, (rule: Rule) => Severity | undefined> = {
  // Rules whose measured precision is not yet high enough (`recommended: false`) run only when asked for.
  recommended: (rule) => (rule.meta.recommended === false ? undefined : rule.meta.severity),
  // Strict turns every warning into an error and info into a warning: for teams that want a clean build.
  strict: (rule) => (({ error: 'error', warning: 'error', info: 'warning' }) as const)[rule.meta.severity],
  accessibility: (rule) =>
    rule.meta.category === 'accessibility' && rule.meta.recommended !== false ? rule.meta.severity : undefined,
};

/**
 * Validates a configuration (from astro.config or a config file) and resolves it into the rules to run.
 * `where` prefixes field names in messages (`audit.` in the integration), `defaultFailOn` differs between a build
 * (never: a CTA warning should not break a deploy unless asked) and the CLI (error).
 */
export function resolveAuditConfig(
  input: unknown,
  options: {
    where?: string;
    defaultFailOn?: FailOn;
    knownRules?: readonly Rule[];
    /** What a relative `metrics` path is relative to (default: the working directory). */
    baseDir?: string;
  } = {},
): ResolvedAuditConfig {
  const where = options.where ?? '';
  const known = options.knownRules ?? allRules;
  const result = auditConfigSchema.safeParse(input ?? {});
  if (!result.success) {
    throw new AuditConfigError(
      formatIssues(
        result.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })),
        where,
      ),
    );
  }
  const config = result.data;
  const knownIds = new Set(known.map((rule) => rule.meta.id));
  const unknown = Object.keys(config.rules ?? {}).filter((id) => !knownIds.has(id));
  if (unknown.length > 0) {
    throw new AuditConfigError(
      formatIssues(
        unknown.map((id) => ({
          path: ['rules', id],
          message: `there is no rule "${id}"${suggest(id, [...knownIds])}. Rules: ${[...knownIds].join(', ')}.`,
        })),
        where,
      ),
    );
  }
  let metrics: SiteMetrics | undefined;
  if (config.metrics) {
    try {
      const loaded = loadMetrics(resolve(options.baseDir ?? process.cwd(), config.metrics), `${where}metrics`);
      // Findings name the file as the configuration does; messages about reading it give the full path.
      metrics = { ...loaded, source: config.metrics };
    } catch (error) {
      if (error instanceof MetricsError)
        throw new AuditConfigError(`Invalid CTA audit configuration:\n  - ${error.message}`);
      throw error;
    }
  }
  const preset = config.preset ?? 'recommended';
  const rules: Rule[] = [];
  for (const rule of known) {
    const setting = config.rules?.[rule.meta.id] ?? PRESET_SEVERITY[preset](rule) ?? 'off';
    if (setting === 'off') continue;
    rules.push(setting === rule.meta.severity ? rule : withSeverity(rule, setting));
  }
  return {
    preset,
    // Audit-wide options go to the rules that declare them (requireCta → page-no-cta).
    rules: configureRules(rules, { requireCta: config.requireCta, metrics }),
    requireCta: config.requireCta,
    failOn: config.failOn ?? options.defaultFailOn ?? 'error',
    maxWarnings: config.maxWarnings,
    baseline: config.baseline,
    now: config.now,
    reports: config.reports ?? [],
    metrics,
  };
}

function formatIssues(issues: { path: string[]; message: string }[], where: string): string {
  const lines = issues.map((issue) => `  - ${where}${issue.path.join('.') || '(config)'}: ${issue.message}`);
  return `Invalid CTA audit configuration:\n${lines.join('\n')}`;
}

/** A close rule id for a typo, by edit distance. */
function suggest(id: string, ids: string[]): string {
  let best: string | undefined;
  let bestDistance = Math.max(3, Math.floor(id.length / 3)) + 1;
  for (const candidate of ids) {
    const distance = editDistance(id, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best ? ` (did you mean "${best}"?)` : '';
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
