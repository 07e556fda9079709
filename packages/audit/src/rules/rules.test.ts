import { describe, expect, it } from 'vitest';
import { auditHtml } from '../engine.ts';
import { examplePage } from './example-page.ts';
import { rules } from './index.ts';

// Each rule's own examples are its tests: the docs show the same snippets, so docs and behaviour cannot drift.

describe.each(rules.map((rule) => [rule.meta.id, rule] as const))('%s', (id, rule) => {
  it('has failing and passing examples', () => {
    expect(rule.meta.examples.fail.length).toBeGreaterThan(0);
    expect(rule.meta.examples.pass.length).toBeGreaterThan(0);
  });

  it('declares its messages by id (ESLint-style), none of them empty', () => {
    const messages = Object.entries(rule.meta.messages ?? {});
    expect(messages.length).toBeGreaterThan(0);
    for (const [messageId, template] of messages) {
      expect(messageId).toMatch(/^[a-z][A-Za-z]*$/);
      expect(template.trim()).not.toBe('');
    }
  });

  it.each(rule.meta.examples.fail)('flags %s', (snippet) => {
    const findings = auditHtml(examplePage(snippet), [rule]);
    expect(findings.map((finding) => finding.ruleId)).toContain(id);
    // Findings name their message by id (tests and baselines rely on it), and the template was filled in.
    for (const finding of findings.filter((one) => one.ruleId === id)) {
      expect(Object.keys(rule.meta.messages ?? {})).toContain(finding.messageId);
      expect(finding.message).not.toMatch(/\{[A-Za-z]+\}/);
    }
  });

  it.each(rule.meta.examples.pass)('accepts %s', (snippet) => {
    expect(auditHtml(examplePage(snippet), [rule])).toEqual([]);
  });
});
