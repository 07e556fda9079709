import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AUDIT_ERROR } from './engine.ts';
import type { Finding } from './types.ts';

/**
 * A baseline records the findings a team has accepted for now; later runs only count findings that are not in it.
 * Fingerprints leave out line and column, so a finding keeps its fingerprint when the page's markup shifts.
 */
export interface BaselineFile {
  version: 1;
  tool: 'cta-audit';
  findings: { fingerprint: string; ruleId: string; route: string; message: string }[];
}

export class BaselineError extends Error {
  override name = 'BaselineError';
}

/**
 * Stable identity of a finding: rule, page and the element's own markup (or the message for page-level findings).
 * Line, column and CSS path are left out on purpose: they change when anything is added above or beside the
 * element. Identical elements share a fingerprint; the baseline counts them.
 */
export function fingerprint(finding: Finding): string {
  const what = finding.excerpt ? finding.excerpt.replace(/\s+/g, ' ') : finding.message;
  return createHash('sha256').update(`${finding.ruleId}\n${finding.route}\n${what}`).digest('hex').slice(0, 24);
}

export function createBaseline(findings: readonly Finding[]): BaselineFile {
  const recorded = findings
    .filter((finding) => finding.ruleId !== AUDIT_ERROR)
    .map((finding) => ({
      fingerprint: fingerprint(finding),
      ruleId: finding.ruleId,
      route: finding.route,
      message: finding.message,
    }))
    .sort(
      (a, b) =>
        a.route.localeCompare(b.route) ||
        a.ruleId.localeCompare(b.ruleId) ||
        a.fingerprint.localeCompare(b.fingerprint),
    );
  return { version: 1, tool: 'cta-audit', findings: recorded };
}

export async function writeBaseline(file: string, findings: readonly Finding[]): Promise<BaselineFile> {
  const baseline = createBaseline(findings);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(baseline, null, 2)}\n`);
  return baseline;
}

/** Reads a baseline; a missing file is an empty baseline (the first run), a malformed one an error naming the file. */
export async function readBaseline(file: string): Promise<BaselineFile | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new BaselineError(`Cannot read the baseline file ${file}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(
      `The baseline file ${file} is not valid JSON (${(error as Error).message}). Recreate it with --update-baseline.`,
    );
  }
  const findings = (data as BaselineFile | null)?.findings;
  if (!Array.isArray(findings) || !findings.every((entry) => typeof entry?.fingerprint === 'string')) {
    throw new BaselineError(
      `The baseline file ${file} is not a cta-audit baseline (expected { "findings": [{ "fingerprint": … }] }). Recreate it with --update-baseline.`,
    );
  }
  return data as BaselineFile;
}

/**
 * Splits findings into new ones and those the baseline already knows. Fingerprints are counted, so a third copy of
 * a finding recorded twice is new.
 */
export function applyBaseline(
  findings: readonly Finding[],
  baseline: BaselineFile | undefined,
): { fresh: Finding[]; known: Finding[] } {
  if (!baseline) return { fresh: [...findings], known: [] };
  const remaining = new Map<string, number>();
  for (const entry of baseline.findings) remaining.set(entry.fingerprint, (remaining.get(entry.fingerprint) ?? 0) + 1);
  const fresh: Finding[] = [];
  const known: Finding[] = [];
  for (const finding of findings) {
    const key = fingerprint(finding);
    const left = remaining.get(key) ?? 0;
    if (finding.ruleId !== AUDIT_ERROR && left > 0) {
      remaining.set(key, left - 1);
      known.push(finding);
    } else fresh.push(finding);
  }
  return { fresh, known };
}
