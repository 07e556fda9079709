import { readFileSync } from 'node:fs';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { AUDIT_ERROR } from '../engine.ts';
import { rules } from '../rules/index.ts';
import type { Finding } from '../types.ts';
import { formatReport } from './index.ts';
import { formatPretty } from './pretty.ts';
import type { AuditReport } from './report.ts';

const hostile = '<script>alert(1)</script> "quotes" & \'apostrophes\'';
const findings: Finding[] = [
  { ruleId: 'cta-generic-text', severity: 'warning', message: `CTA text "Learn more" is generic ${hostile}`, route: '/pricing/', file: 'pricing/index.html', line: 12, column: 5, selector: 'body > main > a', excerpt: `<a href="/x">Learn more ${hostile}</a>`, helpUrl: 'https://astro-cta.dev/rules/cta-generic-text/', sourceHint: 'src/pages/pricing.astro' },
  { ruleId: 'page-no-cta', severity: 'error', message: 'No CTA, 50% off: a,b', route: '/about/', file: 'about/index.html', helpUrl: 'https://astro-cta.dev/rules/page-no-cta/' },
  { ruleId: AUDIT_ERROR, severity: 'warning', message: 'This page was not audited: it is a binary file.', route: '/img.html', file: 'img.html', helpUrl: 'https://astro-cta.dev/rules/audit-error/' },
];
const report: AuditReport = { findings, baselined: 2, pages: 3, durationMs: 12.3, rules: rules.map((rule) => rule.meta), dir: 'dist' };

describe('SARIF reporter', () => {
  const schema = JSON.parse(readFileSync(new URL('./fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8'));
  // The schema's language pattern is not valid in unicode mode; browsers and ajv's default would reject it.
  // Both are CommonJS modules whose class is also their `default` export.
  const Ajv = ajvDraft04.default;
  const addFormats = ajvFormats.default;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  it('is valid against the official SARIF 2.1.0 schema', () => {
    const log = JSON.parse(formatReport('sarif', report));
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The validator does reject broken logs.
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
    expect(validate({ ...log, runs: [{ ...log.runs[0], results: [{ message: {} }] }] })).toBe(false);
    // An empty run is valid too.
    expect(validate(JSON.parse(formatReport('sarif', { ...report, findings: [] })))).toBe(true);
  });

  it('lists the rules with help URIs and gives each result a line, a column and its source', () => {
    const run = JSON.parse(formatReport('sarif', report)).runs[0];
    const ids = run.tool.driver.rules.map((rule: { id: string }) => rule.id);
    expect(ids).toEqual(expect.arrayContaining(['cta-generic-text', 'page-no-cta', AUDIT_ERROR]));
    expect(run.tool.driver.rules.every((rule: { helpUri: string }) => rule.helpUri.startsWith('https://'))).toBe(true);
    const [first] = run.results;
    expect(first.level).toBe('warning');
    expect(run.tool.driver.rules[first.ruleIndex].id).toBe('cta-generic-text');
    expect(first.locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: 'pricing/index.html', uriBaseId: 'BUILD' }, region: { startLine: 12, startColumn: 5 } });
    expect(first.relatedLocations[0].physicalLocation.artifactLocation.uri).toBe('src/pages/pricing.astro');
    expect(first.partialFingerprints['ctaAudit/v1']).toMatch(/^[0-9a-f]{24}$/);
  });
});

describe('HTML reporter', () => {
  it('is one self-contained page with everything escaped', () => {
    const html = formatReport('html', report);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;quotes&quot; &amp; &#39;apostrophes&#39;');
    expect(html).not.toMatch(/<(?:script|link)\b|src=|@import/);
    expect(html).toContain('src/pages/pricing.astro');
    expect(html).toContain('2 known from the baseline');
  });
});

describe('GitHub annotations', () => {
  it('writes one workflow command per finding with escaped properties and data', () => {
    const lines = formatReport('github', report).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^::warning file=src\/pages\/pricing.astro,title=cta-generic-text \(\/pricing\/\)::CTA text/);
    expect(lines[1]).toBe('::error file=about/index.html,title=page-no-cta (/about/)::No CTA, 50%25 off: a,b https://astro-cta.dev/rules/page-no-cta/');
    expect(formatReport('github', { ...report, findings: [{ ...findings[1]!, line: 3, column: 7, message: 'two\nlines' }] })).toContain('file=about/index.html,line=3,col=7,');
  });
});

describe('JSON and pretty reporters', () => {
  it('JSON carries every finding field and the totals', () => {
    const json = JSON.parse(formatReport('json', report));
    expect(json.totals).toEqual({ error: 1, warning: 2, info: 0, baselined: 2 });
    expect(json.findings[0]).toEqual(findings[0]);
  });

  it('pretty groups by page with the source hint, and has no colour codes without colour', () => {
    const text = formatPretty(findings, 3, { color: false, baselined: 2 });
    expect(text).not.toMatch(/\x1b\[/);
    expect(text).toContain('/pricing/  (src/pages/pricing.astro → pricing/index.html)\n  12:5 warning CTA text');
    expect(text.trimEnd().split('\n').at(-1)).toBe('3 pages audited: 1 error, 2 warnings, 0 info (2 more known from the baseline).');
    expect(formatPretty(findings, 3, { color: true })).toMatch(/\x1b\[/);
  });
});
