import type { FailOn } from './config.ts';
import { AUDIT_ERROR } from './engine.ts';
import type { Finding } from './types.ts';

export interface Verdict {
  failed: boolean;
  /** Why the run failed, for the build error or the CLI's last line; undefined when it passed. */
  reason: string | undefined;
  errors: number;
  warnings: number;
}

/**
 * Whether findings fail the run. Findings about the audit itself (`audit-error`) never do: a bug of ours must not
 * break a user's build. Except a page that hit the time budget: it counts as an error, or a page could escape the
 * audit by being slow to check. `failOn: 'never'` never fails, not even over `maxWarnings`.
 */
export function judge(
  findings: readonly Finding[],
  options: { failOn: FailOn; maxWarnings?: number | undefined },
): Verdict {
  const counted = findings.filter((finding) => finding.ruleId !== AUDIT_ERROR || finding.timedOut);
  const errors = counted.filter((finding) => finding.severity === 'error').length;
  const warnings = counted.filter((finding) => finding.severity === 'warning').length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  let reason: string | undefined;
  if (options.failOn === 'never') reason = undefined;
  else if (errors > 0) reason = `${plural(errors, 'error')} found (failOn: "${options.failOn}")`;
  else if (options.failOn === 'warning' && warnings > 0)
    reason = `${plural(warnings, 'warning')} found (failOn: "warning")`;
  else if (options.maxWarnings !== undefined && warnings > options.maxWarnings)
    reason = `${plural(warnings, 'warning')} found, more than maxWarnings (${options.maxWarnings})`;
  return { failed: reason !== undefined, reason, errors, warnings };
}
