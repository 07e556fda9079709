import { createColors } from 'picocolors';
import type { Finding, Severity } from '../types.ts';
import { onceAdvised } from './advice.ts';
import { printable } from './printable.ts';
import { type AuditReport, counts, plural } from './report.ts';

type Colors = ReturnType<typeof createColors>;

/**
 * The terminal report: findings grouped by page, most severe first, then how many findings each rule produced on
 * which page groups, then a summary. Line:column are the built file's, printed under its name; the source file is
 * named beside it ("built from …") and given a line only when one is known. Every text from a page or a file name
 * is made printable (no raw control characters). Colours follow picocolors' detection (NO_COLOR, FORCE_COLOR, TTY)
 * unless `color` says otherwise.
 */
export function formatPretty(
  findings: readonly Finding[],
  pages: number,
  options: { baselined?: number; color?: boolean; durationMs?: number } = {},
): string {
  const pc: Colors = createColors(options.color);
  const label: Record<Severity, (text: string) => string> = { error: pc.red, warning: pc.yellow, info: pc.blue };
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  const bySeverityThenLine = (a: Finding, b: Finding) =>
    rank[a.severity] - rank[b.severity] || (a.line ?? 0) - (b.line ?? 0);
  const byRoute = [...Map.groupBy(findings, (finding) => finding.route)]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([route, list]) => [route, list.sort(bySeverityThenLine)] as const);
  const texts = onceAdvised(byRoute.flatMap(([, list]) => list));
  const lines: string[] = [];
  for (const [route, pageFindings] of byRoute) {
    const first = pageFindings[0]!;
    const from = first.sourceHint ? `  (built from ${printable(first.sourceHint)})` : '';
    lines.push(pc.bold(printable(route)) + pc.dim(`  ${printable(first.file)}${from}`));
    for (const finding of pageFindings) {
      const where = finding.line ? `${pc.dim(`${finding.line}:${finding.column}`)} ` : '';
      const text = printable(texts.get(finding) ?? finding.message);
      lines.push(`  ${where}${label[finding.severity](finding.severity)} ${text} ${pc.dim(printable(finding.ruleId))}`);
      if (finding.source) lines.push(pc.dim(`      written in ${printable(sourcePlace(finding.source))}`));
      if (finding.excerpt) lines.push(pc.dim(`      ${printable(finding.excerpt)}`));
      if (finding.alsoAt?.length) lines.push(pc.dim(`      ${moreLikeIt(finding.alsoAt)}`));
    }
  }
  const groups = ruleGroups(findings);
  if (groups.length > 0) {
    lines.push('', pc.bold('Findings by rule and page group:'));
    for (const line of groups) lines.push(`  ${printable(line)}`);
  }
  lines.push(summary(findings, pages, options));
  return lines.join('\n');
}

/** "and 9 more like it on this page (at 40:3, 52:3, 64:3 …)": the repeats one grouped finding stands for. */
export function moreLikeIt(alsoAt: NonNullable<Finding['alsoAt']>): string {
  const positions = alsoAt.filter((at) => at.line !== undefined).map((at) => `${at.line}:${at.column}`);
  const shown = positions.slice(0, 5).join(', ') + (positions.length > 5 ? ' …' : '');
  return `and ${alsoAt.length} more like it on this page${shown ? ` (at ${shown})` : ''}`;
}

/** `src/components/Hero.astro:5:3`, and how it was found when it was matched rather than annotated by Astro. */
export function sourcePlace(source: NonNullable<Finding['source']>): string {
  if (source.via !== 'match') return sourcePosition(source);
  const evidence = (source.matchedOn ?? []).join(', ') || 'markup';
  const how = ` (found by its ${evidence}; ${Math.round((source.confidence ?? 0) * 100)}% sure)`;
  return `${sourcePosition(source)}${how}`;
}

export function sourcePosition(source: NonNullable<Finding['source']>): string {
  return source.line ? `${source.file}:${source.line}${source.column ? `:${source.column}` : ''}` : source.file;
}

/** `/tag/astro/` → `/tag/*`, `/about/` → `/about/`: pages of one kind share their first path segment. */
export function pageGroup(route: string): string {
  const segments = route.split('/').filter(Boolean);
  return segments.length > 1 ? `/${segments[0]}/*` : route;
}

/** One line per rule: "page-no-cta ×12: /tag/* 9, /category/* 2, / 1", most findings first, at most 5 groups. */
export function ruleGroups(findings: readonly Finding[]): string[] {
  const byRule = [...Map.groupBy(findings, (finding) => finding.ruleId)].sort(
    ([a, x], [b, y]) => y.length - x.length || a.localeCompare(b),
  );
  return byRule.map(([ruleId, ruleFindings]) => {
    const groups = [...Map.groupBy(ruleFindings, (finding) => pageGroup(finding.route))]
      .map(([group, list]) => [group, list.length] as const)
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
    const shown = groups.slice(0, 5).map(([group, count]) => `${group} ${count}`);
    const rest = groups.length > 5 ? `, ${groups.length - 5} more groups` : '';
    return `${ruleId} ×${ruleFindings.length}: ${shown.join(', ')}${rest}`;
  });
}

export function summary(
  findings: readonly Finding[],
  pages: number,
  options: { baselined?: number; durationMs?: number } = {},
): string {
  const { error, warning, info } = counts(findings);
  const known = options.baselined ? ` (${options.baselined} more known from the baseline)` : '';
  const time = options.durationMs === undefined ? '' : ` in ${Math.round(options.durationMs)} ms`;
  return `${plural(pages, 'page')} audited${time}: ${plural(error, 'error')}, ${plural(warning, 'warning')}, ${info} info${known}.`;
}

export function prettyReport(report: AuditReport, color?: boolean): string {
  return formatPretty(report.findings, report.pages, {
    baselined: report.baselined,
    durationMs: report.durationMs,
    ...(color === undefined ? {} : { color }),
  });
}
