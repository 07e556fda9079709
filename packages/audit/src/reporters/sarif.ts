import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { fingerprint } from '../baseline.ts';
import { AUDIT_ERROR, helpUrl } from '../engine.ts';
import type { Finding, RuleMeta } from '../types.ts';
import type { AuditReport } from './report.ts';

const LEVEL: Record<Finding['severity'], Result.level> = { error: 'error', warning: 'warning', info: 'note' };
const AUDIT_ERROR_META: RuleMeta = {
  id: AUDIT_ERROR,
  severity: 'error',
  category: 'audit',
  description: 'The audit could not check a page, or one of its rules failed on it.',
  rationale: 'Reported so that a page is never silently passed; it never fails a build by itself.',
  examples: { fail: [], pass: [] },
};

function describeRule(meta: RuleMeta): ReportingDescriptor {
  return {
    id: meta.id,
    name: meta.id.replace(/(^|-)(\w)/g, (_, _dash: string, letter: string) => letter.toUpperCase()),
    shortDescription: { text: meta.description || meta.id },
    fullDescription: { text: meta.rationale || meta.description || meta.id },
    helpUri: helpUrl(meta.id),
    help: { text: `${meta.description} See ${helpUrl(meta.id)}` },
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: { category: meta.category, tags: ['cta', meta.category] },
  };
}

/**
 * A relative URI reference for a file path, built segment by segment: each segment is percent-encoded, so no file
 * name can turn the URI into another scheme (`javascript:alert(1).html` becomes `javascript%3Aalert(1).html`).
 */
export function relativeUri(file: string): string {
  return file
    .split(/[\\/]/)
    .filter((segment) => segment !== '' && segment !== '.')
    .map(encodeURIComponent)
    .join('/');
}

/** The folder a base id stands for, as the `file:` URI of a folder (with its trailing slash). */
function folderUri(folder: string): { uri: string } {
  const href = pathToFileURL(path.resolve(folder)).href;
  return { uri: href.endsWith('/') ? href : `${href}/` };
}

type PhysicalLocation = NonNullable<NonNullable<Result['locations']>[number]['physicalLocation']>;

/** The built file and position: where the audit saw the element. */
function builtLocation(finding: Pick<Finding, 'file' | 'line' | 'column' | 'excerpt'>): PhysicalLocation {
  return {
    artifactLocation: { uri: relativeUri(finding.file || 'index.html'), uriBaseId: 'BUILD' },
    ...(finding.line
      ? {
          region: {
            startLine: finding.line,
            startColumn: finding.column ?? 1,
            ...(finding.excerpt ? { snippet: { text: finding.excerpt } } : {}),
          },
        }
      : {}),
  };
}

/** The source file (and line, when known) under SRCROOT; undefined when the source is not known. */
function sourceLocation(finding: Finding, root: string): PhysicalLocation | undefined {
  const source = finding.source ?? (finding.sourceHint ? { file: finding.sourceHint } : undefined);
  if (!source) return undefined;
  const file = path.isAbsolute(source.file) ? path.relative(root, source.file) : source.file;
  return {
    artifactLocation: { uri: relativeUri(file), uriBaseId: 'SRCROOT' },
    ...(source.line
      ? { region: { startLine: source.line, ...(source.column ? { startColumn: source.column } : {}) } }
      : {}),
  };
}

/**
 * SARIF 2.1.0, as GitHub code scanning and other viewers read it. A result's primary location is the source file
 * when it is known (under the `SRCROOT` base, the project root), so code scanning annotates the source; the built
 * file with line and column (under `BUILD`, the audited directory) is then a related location, and the primary
 * one otherwise. A finding that stands for several alike elements of a page (`alsoAt`) is one result whose
 * repeats are further related locations in the built file (their source is the same written element). URIs are
 * relative to these declared bases and encoded segment by segment.
 */
export function sarifReport(report: AuditReport): string {
  const root = report.root ?? process.cwd();
  const metas = [...report.rules];
  if (
    report.findings.some((finding) => finding.ruleId === AUDIT_ERROR) &&
    !metas.some((meta) => meta.id === AUDIT_ERROR)
  )
    metas.push(AUDIT_ERROR_META);
  const index = new Map(metas.map((meta, i) => [meta.id, i]));
  const results: Result[] = report.findings.map((finding) => {
    const built = builtLocation(finding);
    const source = sourceLocation(finding, root);
    const result: Result = {
      ruleId: finding.ruleId,
      level: LEVEL[finding.severity],
      message: { text: `${finding.message} (page ${finding.route})` },
      locations: [
        {
          physicalLocation: source ?? built,
          logicalLocations: [
            {
              name: finding.selector ?? finding.route,
              fullyQualifiedName: `${finding.route} ${finding.selector ?? ''}`.trim(),
              kind: 'element',
            },
          ],
        },
      ],
      partialFingerprints: { 'ctaAudit/v2': fingerprint(finding) },
    };
    const ruleIndex = index.get(finding.ruleId);
    if (ruleIndex !== undefined) result.ruleIndex = ruleIndex;
    const related: NonNullable<Result['relatedLocations']> = [];
    if (source)
      related.push({ physicalLocation: built, message: { text: 'The built page, where the audit found it' } });
    // A grouped finding (ten cards from one component) is one result; its repeats are related locations.
    for (const at of finding.alsoAt ?? []) {
      related.push({
        physicalLocation: builtLocation({
          file: finding.file,
          ...(at.line !== undefined ? { line: at.line } : {}),
          ...(at.column !== undefined ? { column: at.column } : {}),
        }),
        message: { text: 'Another element like it on this page' },
      });
    }
    if (related.length > 0) result.relatedLocations = related.map((location, id) => ({ id: id + 1, ...location }));
    return result;
  });
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cta-audit',
            informationUri: 'https://astro-cta.dev/',
            semanticVersion: '0.1.0',
            rules: metas.map(describeRule),
          },
        },
        originalUriBaseIds: {
          SRCROOT: folderUri(root),
          ...(report.dir ? { BUILD: folderUri(path.resolve(root, report.dir)) } : {}),
        },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
