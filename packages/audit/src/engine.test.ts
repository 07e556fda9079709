import { describe, expect, it } from 'vitest';
import { AUDIT_ERROR, auditHtml } from './engine.ts';
import { ctaNestedInteractive } from './rules/cta-nested-interactive.ts';
import type { Rule } from './types.ts';

const throwing: Rule = {
  meta: {
    id: 'always-throws',
    severity: 'warning',
    category: 'copy',
    description: '',
    rationale: '',
    examples: { fail: [], pass: [] },
  },
  check() {
    throw new TypeError('boom');
  },
};
const reporting: Rule = {
  meta: { ...throwing.meta, id: 'always-reports' },
  check(page, report) {
    report({ message: 'found', element: page.ctas[0]?.element });
  },
};

describe('auditPage', () => {
  it('turns a rule that throws into a finding of its own and still runs the other rules', () => {
    const findings = auditHtml('<main><a data-cta="x" href="/">Go to the shop</a></main>', [throwing, reporting]);
    expect(findings.map((finding) => finding.ruleId)).toEqual([AUDIT_ERROR, 'always-reports']);
    expect(findings[0]!.message).toContain('always-throws failed on this page (TypeError: boom)');
  });

  it('reports a mistake repeated by a loop once, with where the repeats are, and keeps different messages apart', () => {
    // Any site renders cards from one component: ten identical findings on one page are one mistake to fix.
    const card = '<a href="#c"><div class="card"><a href="/p">See products</a></div></a>';
    const html = `<main>\n${card}\n${card}\n${card}\n<a href="/"><button>Other</button></a></main>`;
    const findings = auditHtml(html, [ctaNestedInteractive]);
    expect(findings).toHaveLength(2);
    expect(findings[0]!.line).toBe(2);
    expect(findings[0]!.alsoAt).toEqual([
      { line: 3, column: 1 },
      { line: 4, column: 1 },
    ]);
    expect(findings[1]!.message).toContain('contains a <button>');
    expect(findings[1]!.alsoAt).toBeUndefined();
  });

  it('honours data-cta-ignore on the element or an ancestor, by id or all', () => {
    const html = (ignore: string) =>
      `<main><section data-cta-ignore="${ignore}"><a data-cta="x" href="/">Shop</a></section></main>`;
    expect(auditHtml(html('always-reports'), [reporting])).toEqual([]);
    expect(auditHtml(html('all'), [reporting])).toEqual([]);
    expect(auditHtml(html('other-rule, another'), [reporting])).toHaveLength(1);
  });
});
