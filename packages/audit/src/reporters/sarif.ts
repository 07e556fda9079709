import { pathToFileURL } from 'node:url';
import path from 'node:path';
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
 * SARIF 2.1.0, as GitHub code scanning and other viewers read it. Each result points at the built file with line
 * and column (under the `BUILD` base, the audited directory) and, when known, at the source file the page came from.
 */
export function sarifReport(report: AuditReport): string {
  const metas = [...report.rules];
  if (report.findings.some((finding) => finding.ruleId === AUDIT_ERROR) && !metas.some((meta) => meta.id === AUDIT_ERROR)) metas.push(AUDIT_ERROR_META);
  const index = new Map(metas.map((meta, i) => [meta.id, i]));
  const results: Result[] = report.findings.map((finding) => {
    const result: Result = {
      ruleId: finding.ruleId,
      level: LEVEL[finding.severity],
      message: { text: `${finding.message} (page ${finding.route})` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(finding.file || 'index.html'), uriBaseId: 'BUILD' },
            ...(finding.line ? { region: { startLine: finding.line, startColumn: finding.column ?? 1, ...(finding.excerpt ? { snippet: { text: finding.excerpt } } : {}) } } : {}),
          },
          logicalLocations: [{ name: finding.selector ?? finding.route, fullyQualifiedName: `${finding.route} ${finding.selector ?? ''}`.trim(), kind: 'element' }],
        },
      ],
      partialFingerprints: { 'ctaAudit/v1': fingerprint(finding) },
    };
    const ruleIndex = index.get(finding.ruleId);
    if (ruleIndex !== undefined) result.ruleIndex = ruleIndex;
    if (finding.sourceHint) {
      result.relatedLocations = [{ id: 1, physicalLocation: { artifactLocation: { uri: encodeURI(finding.sourceHint) } }, message: { text: 'Source of this page' } }];
    }
    return result;
  });
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'cta-audit', informationUri: 'https://astro-cta.dev/', semanticVersion: '0.1.0', rules: metas.map(describeRule) } },
        ...(report.dir ? { originalUriBaseIds: { BUILD: { uri: `${pathToFileURL(path.resolve(report.dir)).href}/` } } } : {}),
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
