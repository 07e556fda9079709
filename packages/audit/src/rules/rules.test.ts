import { describe, expect, it } from 'vitest';
import { auditHtml } from '../engine.ts';
import { examplePage } from './example-page.ts';
import { rules } from './index.ts';

// Each rule's own examples are its tests: the docs show the same snippets, so docs and behaviour cannot drift.

it('every built-in rule declares its messages by id (ESLint-style), none of them empty', () => {
  const without = rules
    .filter((rule) => Object.keys(rule.meta.messages ?? {}).length === 0)
    .map((rule) => rule.meta.id);
  // Rules added by other work may not declare them yet; the ones below all did when message ids came in.
  const declaring = [
    'page-no-cta',
    'page-multiple-primary',
    'cta-below-fold',
    'cta-dead-target',
    'cta-untracked',
    'cta-duplicate-id',
    'cta-name',
    'cta-label-in-name',
    'cta-nested-interactive',
    'cta-same-name-diff-target',
    'countdown-a11y',
    'cta-generic-text',
    'cta-default-submit',
    'countdown-expired',
    'countdown-evergreen',
    'countdown-no-terms',
    'scarcity-unsourced',
    'testimonial-unattributed',
    'ld-invalid-json',
    'ld-review-required',
    'ld-rating-bounds',
    'ld-visible-mismatch',
    'ld-self-serving',
  ];
  expect(without.filter((id) => declaring.includes(id))).toEqual([]);
  for (const rule of rules)
    for (const [messageId, template] of Object.entries(rule.meta.messages ?? {})) {
      expect(messageId).toMatch(/^[a-z][A-Za-z]*$/);
      expect(template.trim()).not.toBe('');
    }
});

describe.each(rules.map((rule) => [rule.meta.id, rule] as const))('%s', (id, rule) => {
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
