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

describe.each(asInExamples.map((rule) => [rule.meta.id, rule] as const))('%s', (id, rule) => {
  it('has failing and passing examples', () => {
    expect(rule.meta.examples.fail.length).toBeGreaterThan(0);
    expect(rule.meta.examples.pass.length).toBeGreaterThan(0);
  });

  it.each(rule.meta.examples.fail)('flags %s', (snippet) => {
    const findings = auditHtml(examplePage(snippet), [rule]);
    expect(findings.map((finding) => finding.ruleId)).toContain(id);
  });

  it.each(rule.meta.examples.pass)('accepts %s', (snippet) => {
    expect(auditHtml(examplePage(snippet), [rule])).toEqual([]);
  });
});
