import { readFileSync } from 'node:fs';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { AUDIT_ERROR, auditHtml } from '../engine.ts';
import { rules } from '../rules/index.ts';
import type { Finding } from '../types.ts';
import { formatReport } from './index.ts';
import { formatPretty } from './pretty.ts';
import type { AuditReport } from './report.ts';

const hostile = '<script>alert(1)</script> "quotes" & \'apostrophes\'';
const findings: Finding[] = [
  {
    ruleId: 'cta-generic-text',
    severity: 'warning',
    message: `CTA text "Learn more" is generic ${hostile}`,
    route: '/pricing/',
    file: 'pricing/index.html',
    line: 12,
    column: 5,
    selector: 'body > main > a',
    excerpt: `<a href="/x">Learn more ${hostile}</a>`,
    helpUrl: 'https://astro-cta.dev/rules/cta-generic-text/',
    sourceHint: 'src/pages/pricing.astro',
  },
  {
    ruleId: 'page-no-cta',
    severity: 'error',
    message: 'No CTA, 50% off: a,b',
    route: '/about/',
    file: 'about/index.html',
    helpUrl: 'https://astro-cta.dev/rules/page-no-cta/',
  },
  {
    ruleId: AUDIT_ERROR,
    severity: 'warning',
    message: 'This page was not audited: it is a binary file.',
    route: '/img.html',
    file: 'img.html',
    helpUrl: 'https://astro-cta.dev/rules/audit-error/',
  },
];
const report: AuditReport = {
  findings,
  baselined: 2,
  pages: 3,
  durationMs: 12.3,
  rules: rules.map((rule) => rule.meta),
  dir: 'dist',
};

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
    // The source file is the primary location (code scanning annotates it); the built file and its line are related.
    expect(first.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'src/pages/pricing.astro', uriBaseId: 'SRCROOT' },
    });
    expect(first.relatedLocations[0].physicalLocation).toMatchObject({
      artifactLocation: { uri: 'pricing/index.html', uriBaseId: 'BUILD' },
      region: { startLine: 12, startColumn: 5 },
    });
    expect(run.results[1].locations[0].physicalLocation.artifactLocation).toEqual({
      uri: 'about/index.html',
      uriBaseId: 'BUILD',
    });
    expect(Object.keys(run.originalUriBaseIds).sort()).toEqual(['BUILD', 'SRCROOT']);
    expect(first.partialFingerprints['ctaAudit/v2']).toMatch(/^[0-9a-f]{24}$/);
  });
});

describe('a finding placed where it is written, standing for repeats', () => {
  const placed: Finding = {
    ...findings[0]!,
    source: {
      file: 'src/components/Card.astro',
      line: 7,
      column: 3,
      via: 'match',
      confidence: 0.95,
      matchedOn: ['text'],
    },
    alsoAt: [{ line: 20, column: 5 }, {}],
  };
  const placedReport = { ...report, findings: [placed] };

  it('SARIF: the written place first, then the built element and each repeat as related locations', () => {
    const result = JSON.parse(formatReport('sarif', placedReport)).runs[0].results[0];
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'src/components/Card.astro', uriBaseId: 'SRCROOT' },
      region: { startLine: 7, startColumn: 3 },
    });
    expect(result.relatedLocations.map((related: { id: number }) => related.id)).toEqual([1, 2, 3]);
    expect(result.relatedLocations[1].physicalLocation).toEqual({
      artifactLocation: { uri: 'pricing/index.html', uriBaseId: 'BUILD' },
      region: { startLine: 20, startColumn: 5 },
    });
    // A repeat without a position is still listed, by its file.
    expect(result.relatedLocations[2].physicalLocation).toEqual({
      artifactLocation: { uri: 'pricing/index.html', uriBaseId: 'BUILD' },
    });
  });

  it('terminal, HTML and GitHub: how the place was found, the repeats, and never a built line on a source file', () => {
    const pretty = formatPretty(placedReport.findings, 1);
    expect(pretty).toContain('  12:5 warning');
    expect(pretty).toContain('written in src/components/Card.astro:7:3 (found by its text; 95% sure)');
    expect(pretty).toContain('and 2 more like it on this page (at 20:5)');
    const html = formatReport('html', placedReport);
    expect(html).toContain('Written in <code>src/components/Card.astro:7:3 (found by its text; 95% sure)</code>');
    expect(html).toContain('and 2 more like it on this page (at 20:5)');
    expect(formatReport('github', placedReport)).toMatch(/^::warning file=src\/components\/Card.astro,line=7,col=3,/);
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
    expect(lines[0]).toMatch(
      /^::warning file=src\/pages\/pricing.astro,title=cta-generic-text \(\/pricing\/\)::CTA text/,
    );
    expect(lines[1]).toBe(
      '::error file=about/index.html,title=page-no-cta (/about/)::No CTA, 50%25 off: a,b https://astro-cta.dev/rules/page-no-cta/',
    );
    expect(
      formatReport('github', { ...report, findings: [{ ...findings[1]!, line: 3, column: 7, message: 'two\nlines' }] }),
    ).toContain('file=about/index.html,line=3,col=7,');
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
    // Line:column belong to the built file, which the page's header names; the source is only its origin.
    expect(text).toContain(
      '/pricing/  pricing/index.html  (built from src/pages/pricing.astro)\n  12:5 warning CTA text',
    );
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      '3 pages audited: 1 error, 2 warnings, 0 info (2 more known from the baseline).',
    );
    expect(formatPretty(findings, 3, { color: true })).toMatch(/\x1b\[/);
  });
});

describe('hostile names and texts in reports', () => {
  const evil: Finding = {
    ruleId: 'cta-generic-text',
    severity: 'warning',
    message: 'CTA text "\u001b[2J\u001b[0;0HAll good\u202e" is generic.',
    route: '/x\n::stop-commands::token/',
    file: 'x\n::stop-commands::token/javascript:alert(1).html',
    line: 1,
    column: 1,
    excerpt: '<a>\u001b[31mfake error\u0007</a>',
    helpUrl: 'https://astro-cta.dev/rules/cta-generic-text/',
  };
  const hostileReport: AuditReport = { ...report, findings: [evil], baselined: 0 };

  it('pretty output shows control and bidi characters escaped, never raw', () => {
    // Without colours: their escape sequences are ours, and picocolors turns them on wherever CI is set.
    const text = formatReport('pretty', hostileReport, { color: false });
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(text).toContain('\\u{1B}[2J');
    expect(text).toContain('/x\\u{A}::stop-commands::token/');
    expect(text.split('\n').filter((line) => line.startsWith('::'))).toEqual([]);
  });

  it('GitHub annotations escape %, CR and LF in every field: a file name cannot start a workflow command', () => {
    const lines = formatReport('github', hostileReport).trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^::warning file=x%0A%3A%3Astop-commands%3A%3Atoken\/javascript%3Aalert\(1\).html,line=1,col=1,title=/,
    );
    expect(lines[0]).not.toMatch(/[\u0000-\u001f]/);
  });

  it('SARIF builds relative URIs segment by segment under declared bases: no javascript: URI', () => {
    const run = JSON.parse(formatReport('sarif', hostileReport)).runs[0];
    const location = run.results[0].locations[0].physicalLocation.artifactLocation;
    expect(location).toEqual({
      uri: 'x%0A%3A%3Astop-commands%3A%3Atoken/javascript%3Aalert(1).html',
      uriBaseId: 'BUILD',
    });
    expect(new URL(location.uri, run.originalUriBaseIds.BUILD.uri).protocol).toBe('file:');
    expect(run.originalUriBaseIds.BUILD.uri).toMatch(/^file:\/\/.*\/dist\/$/);
  });
});

describe('a report a team can read', () => {
  const many = (ruleId: string, route: string, message: string): Finding => ({
    ruleId,
    severity: 'warning',
    message,
    route,
    file: 'x.html',
    helpUrl: `https://astro-cta.dev/rules/${ruleId}/`,
  });
  const advice = 'Give it a stable id, e.g. data-cta="pricing". If it should not be tracked, add data-cta-notrack.';
  const list = [
    many('cta-untracked', '/tag/a/', `"Buy now" has no data-cta id. ${advice}`),
    many('cta-untracked', '/tag/b/', `"Sign up" has no data-cta id. ${advice.replace('pricing', 'sign-up')}`),
    many('cta-untracked', '/category/c/', `"Try it" has no data-cta id. ${advice}`),
    many('page-no-cta', '/tag/b/', 'This page has no CTA.'),
  ];

  it('prints long advice once per rule, not on every finding', () => {
    const text = formatPretty(list, 3, { color: false });
    expect(text.split('If it should not be tracked').length - 1).toBe(1);
    expect(text).toContain('"Sign up" has no data-cta id. (How to fix: as for the first cta-untracked above.)');
    // Every finding is still there.
    expect(text).toContain('"Try it" has no data-cta id.');
  });

  it('says how many findings each rule produced on which page groups', () => {
    const text = formatPretty(list, 3, { color: false });
    expect(text).toContain('cta-untracked ×3: /tag/* 2, /category/* 1');
    expect(text).toContain('page-no-cta ×1: /tag/* 1');
  });

  it('says how many more elements a grouped finding stands for, and where', () => {
    const grouped: Finding = {
      ...many('cta-nested-interactive', '/', 'This link contains a link.'),
      line: 2,
      column: 1,
      alsoAt: [
        { line: 3, column: 1 },
        { line: 4, column: 5 },
      ],
    };
    expect(formatPretty([grouped], 1, { color: false })).toContain('and 2 more like it on this page (at 3:1, 4:5)');
  });

  it('names the component file and line only when the page says where the element was written', () => {
    const written: Finding = { ...findings[0]!, source: { file: 'src/components/Hero.astro', line: 8, column: 3 } };
    expect(formatPretty([written], 1, { color: false })).toContain('written in src/components/Hero.astro:8:3');
    const run = JSON.parse(formatReport('sarif', { ...report, findings: [written] })).runs[0];
    expect(run.results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'src/components/Hero.astro', uriBaseId: 'SRCROOT' },
      region: { startLine: 8, startColumn: 3 },
    });
    expect(formatReport('github', { ...report, findings: [written] })).toMatch(
      /^::warning file=src\/components\/Hero.astro,line=8,col=3,/,
    );
  });

  it("takes the component file and line from Astro's source annotations when the page has them", () => {
    const html =
      '<main><div data-astro-source-file="/p/src/components/Hero.astro" data-astro-source-loc="4:7"><a class="btn" href="/">Learn more</a></div></main>';
    const [generic] = auditHtml(html, rules).filter((finding) => finding.ruleId === 'cta-generic-text');
    expect(generic).toMatchObject({ line: 1, source: { file: '/p/src/components/Hero.astro', line: 4, column: 7 } });
    expect(
      auditHtml(html.replace(/ data-astro-source-\w+="[^"]*"/g, ''), rules).some((finding) => finding.source),
    ).toBe(false);
  });
});
