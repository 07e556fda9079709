import { describe, expect, it } from 'vitest';
import { auditHtml } from '../engine.ts';
import { examplePage } from './example-page.ts';
import { rules } from './index.ts';
import { withOptions } from './settings.ts';

// Each rule's own examples are its tests: the docs show the same snippets, so docs and behaviour cannot drift.

// Rules that judge more than the HTML run their examples with the options their meta gives for them.
const asInExamples = rules.map((rule) =>
  rule.meta.exampleOptions ? withOptions(rule, rule.meta.exampleOptions) : rule,
);

it('every built-in rule declares its messages by id (ESLint-style), none of them empty', () => {
  expect(
    rules.filter((rule) => Object.keys(rule.meta.messages ?? {}).length === 0).map((rule) => rule.meta.id),
  ).toEqual([]);
  for (const rule of rules)
    for (const [messageId, template] of Object.entries(rule.meta.messages ?? {})) {
      expect(messageId).toMatch(/^[a-z][A-Za-z]*$/);
      expect(template.trim()).not.toBe('');
    }
});

describe.each(asInExamples.map((rule) => [rule.meta.id, rule] as const))('%s', (id, rule) => {
  it('has failing and passing examples', () => {
    expect(rule.meta.examples.fail.length).toBeGreaterThan(0);
    expect(rule.meta.examples.pass.length).toBeGreaterThan(0);
  });

  // Rules may still report plain messages (rules written before message ids merge unchanged); those that declare
  // messages must report by a declared id, with every placeholder filled.
  const messageIds = Object.keys(rule.meta.messages ?? {});
  it.each(rule.meta.examples.fail)('flags %s', (snippet) => {
    const findings = auditHtml(examplePage(snippet), [rule]);
    expect(findings.map((finding) => finding.ruleId)).toContain(id);
    for (const finding of findings.filter((one) => one.ruleId === id)) {
      if (messageIds.length === 0) expect(finding.messageId).toBeUndefined();
      else expect(messageIds).toContain(finding.messageId);
      expect(finding.message).not.toMatch(/\{[A-Za-z]+\}/);
    }
  });

  it.each(rule.meta.examples.pass)('accepts %s', (snippet) => {
    expect(auditHtml(examplePage(snippet), [rule])).toEqual([]);
  });
});
