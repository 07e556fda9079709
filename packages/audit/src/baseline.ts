import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AUDIT_ERROR } from './engine.ts';
import type { Finding } from './types.ts';

/**
 * A baseline records the findings a team has accepted for now; later runs only count findings that are not in it.
 * Fingerprints leave out line and column, so a finding keeps its fingerprint when the page's markup shifts.
 * Version 2 fingerprints by message id; version 1 files (fingerprints over the message text) are still read.
 */
export interface BaselineFile {
  version: 2;
  tool: 'cta-audit';
  findings: BaselineEntry[];
}

export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  route: string;
  /** The rule's message id, when it reported by id. */
  messageId?: string;
  /** For people reading the file; not part of the fingerprint. */
  message: string;
}

/** A baseline written before message ids (cta-audit 0.1): its fingerprints cover the message text. */
export interface BaselineFileV1 {
  version: 1;
  tool: 'cta-audit';
  findings: { fingerprint: string; ruleId: string; route: string; message: string }[];
}

export class BaselineError extends Error {
  override name = 'BaselineError';
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 24);

/**
 * Stable identity of a finding: rule, message id, page and the element's own markup. Neither the message text nor
 * the line, column and CSS path take part: rewording a message, or adding anything above or beside the element,
 * keeps the fingerprint. Identical elements share a fingerprint; the baseline counts them. Findings of rules that
 * do not declare message ids fall back to their message where they name no element (it is all they have).
 */
export function fingerprint(finding: Finding): string {
  const where = finding.excerpt ? finding.excerpt.replace(/\s+/g, ' ') : finding.messageId ? '' : finding.message;
  return hash(`v2\n${finding.ruleId}\n${finding.messageId ?? ''}\n${finding.route}\n${where}`);
}

/** The version 1 fingerprint: rule, page, and the element's markup or else the message text. */
export function fingerprintV1(finding: Finding): string {
  const what = finding.excerpt ? finding.excerpt.replace(/\s+/g, ' ') : finding.message;
  return hash(`${finding.ruleId}\n${finding.route}\n${what}`);
}

export function createBaseline(findings: readonly Finding[]): BaselineFile {
  const recorded = findings
    .filter((finding) => finding.ruleId !== AUDIT_ERROR)
    .map((finding) => {
      const entry: BaselineEntry = {
        fingerprint: fingerprint(finding),
        ruleId: finding.ruleId,
        route: finding.route,
        message: finding.message,
      };
      if (finding.messageId) entry.messageId = finding.messageId;
      return entry;
    })
    .sort(
      (a, b) =>
        a.route.localeCompare(b.route) ||
        a.ruleId.localeCompare(b.ruleId) ||
        a.fingerprint.localeCompare(b.fingerprint),
    );
  return { version: 2, tool: 'cta-audit', findings: recorded };
}

export async function writeBaseline(file: string, findings: readonly Finding[]): Promise<BaselineFile> {
  const baseline = createBaseline(findings);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(baseline, null, 2)}\n`);
  return baseline;
}

/**
 * Reads a baseline; a missing file is an empty baseline (the first run), a malformed one an error naming the file.
 * Version 1 files are read as they are (their fingerprints are checked the version 1 way).
 */
export async function readBaseline(file: string): Promise<BaselineFile | BaselineFileV1 | undefined> {
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
  // Files from before versions were written are version 1.
  const version = (data as { version?: unknown }).version ?? 1;
  if (version !== 1 && version !== 2) {
    throw new BaselineError(
      `The baseline file ${file} has version ${JSON.stringify(version)}, which this cta-audit does not know ` +
        '(it reads versions 1 and 2): it was written by a newer astro-cta. Update astro-cta, or recreate the file ' +
        'with --update-baseline.',
    );
  }
  return { ...(data as BaselineFile | BaselineFileV1), version };
}

/**
 * Splits findings into new ones and those the baseline already knows. Fingerprints are counted, so a third copy of
 * a finding recorded twice is new.
 */
export function applyBaseline(
  findings: readonly Finding[],
  baseline: BaselineFile | BaselineFileV1 | undefined,
): { fresh: Finding[]; known: Finding[] } {
  if (!baseline) return { fresh: [...findings], known: [] };
  const fingerprintOf = baseline.version === 1 ? fingerprintV1 : fingerprint;
  const remaining = new Map<string, number>();
  for (const entry of baseline.findings) remaining.set(entry.fingerprint, (remaining.get(entry.fingerprint) ?? 0) + 1);
  const fresh: Finding[] = [];
  const known: Finding[] = [];
  for (const finding of findings) {
    const key = fingerprintOf(finding);
    const left = remaining.get(key) ?? 0;
    if (finding.ruleId !== AUDIT_ERROR && left > 0) {
      remaining.set(key, left - 1);
      known.push(finding);
    } else fresh.push(finding);
  }
  return { fresh, known };
}
