import { describe, expect, it } from 'vitest';
import { resolveAuditConfig } from './config.ts';
import { rules } from './rules/index.ts';
import type { Finding } from './types.ts';
import { judge } from './verdict.ts';

const severityOf = (config: ReturnType<typeof resolveAuditConfig>, id: string) =>
  config.rules.find((rule) => rule.meta.id === id)?.meta.severity ?? 'off';
const anInfoRule = rules.find((rule) => rule.meta.severity === 'info');
const aWarningRule = rules.find((rule) => rule.meta.severity === 'warning')!;

describe('resolveAuditConfig', () => {
  it('runs every recommended rule at its own severity by default, with failOn from the caller', () => {
    const config = resolveAuditConfig(undefined, { defaultFailOn: 'never' });
    expect(config.rules.map((rule) => rule.meta.id)).toEqual(
      rules.filter((rule) => rule.meta.recommended !== false).map((rule) => rule.meta.id),
    );
    expect(resolveAuditConfig({ preset: 'strict' }).rules).toHaveLength(rules.length);
    expect(config.failOn).toBe('never');
    expect(resolveAuditConfig({}).failOn).toBe('error');
  });

  it('strict raises warnings to errors; accessibility keeps only accessibility rules', () => {
    expect(severityOf(resolveAuditConfig({ preset: 'strict' }), aWarningRule.meta.id)).toBe('error');
    if (anInfoRule) expect(severityOf(resolveAuditConfig({ preset: 'strict' }), anInfoRule.meta.id)).toBe('warning');
    const accessibility = resolveAuditConfig({ preset: 'accessibility' });
    expect(accessibility.rules.length).toBeGreaterThan(0);
    expect(accessibility.rules.every((rule) => rule.meta.category === 'accessibility')).toBe(true);
  });

  it('sets a rule’s severity or turns it off over the preset, keeping the rule’s check', () => {
    const config = resolveAuditConfig({ rules: { 'cta-generic-text': 'error', 'page-no-cta': 'off' } });
    expect(severityOf(config, 'cta-generic-text')).toBe('error');
    expect(severityOf(config, 'page-no-cta')).toBe('off');
    expect(config.rules.find((rule) => rule.meta.id === 'cta-generic-text')!.meta.description).toBe(
      rules.find((rule) => rule.meta.id === 'cta-generic-text')!.meta.description,
    );
  });

  it('names the bad field and says how to fix it', () => {
    expect(() => resolveAuditConfig({ rules: { 'cta-generic-txt': 'warning' } }, { where: 'audit.' })).toThrow(
      /audit\.rules\.cta-generic-txt: there is no rule "cta-generic-txt" \(did you mean "cta-generic-text"\?\)/,
    );
    expect(() => resolveAuditConfig({ rules: { 'cta-name': 'loud' } })).toThrow(
      /rules\.cta-name: a rule is set to "error", "warning", "info" or "off"/,
    );
    expect(() => resolveAuditConfig({ failOn: 'warnings' })).toThrow(/failOn: failOn is "error", "warning" or "never"/);
    expect(() => resolveAuditConfig({ maxWarnings: -1 })).toThrow(/maxWarnings: maxWarnings cannot be negative/);
    expect(() => resolveAuditConfig({ preset: 'lenient' })).toThrow(
      /preset: preset is one of "recommended", "strict", "accessibility"/,
    );
    expect(() => resolveAuditConfig({ reports: [{ format: 'pdf', file: 'x.pdf' }] })).toThrow(
      /reports\.0\.format: a report format is one of/,
    );
    expect(() => resolveAuditConfig({ failon: 'error' })).toThrow(/Unrecognized key: "failon"/);
  });
});

describe('judge', () => {
  const finding = (severity: Finding['severity'], ruleId = 'cta-name'): Finding => ({
    ruleId,
    severity,
    message: '',
    route: '/',
    file: 'index.html',
    helpUrl: '',
  });

  it('fails on errors, on warnings when asked, and over maxWarnings', () => {
    expect(judge([finding('warning')], { failOn: 'error' }).failed).toBe(false);
    expect(judge([finding('error')], { failOn: 'error' }).reason).toBe('1 error found (failOn: "error")');
    expect(judge([finding('warning')], { failOn: 'warning' }).failed).toBe(true);
    expect(judge([finding('warning'), finding('warning')], { failOn: 'error', maxWarnings: 1 }).reason).toBe(
      '2 warnings found, more than maxWarnings (1)',
    );
    expect(judge([finding('error')], { failOn: 'never', maxWarnings: 0 }).failed).toBe(false);
  });

  it('never fails because of the audit’s own errors', () => {
    expect(judge([finding('error', 'audit-error')], { failOn: 'warning', maxWarnings: 0 }).failed).toBe(false);
  });
});
