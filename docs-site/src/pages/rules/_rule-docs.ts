// Shared by the rule pages: everything shown comes from the rules themselves, so the docs cannot drift.
import { auditHtml, examplePage, withOptions, type Category, type Rule, type Severity } from '@astro-cta/audit';

export const CATEGORY_LABELS: Record<Category, string> = {
  structure: 'Page structure',
  accessibility: 'Accessibility',
  copy: 'Copy',
  honesty: 'Honesty (dark patterns)',
  'structured-data': 'Structured data',
  audit: 'The audit itself',
};

export const SEVERITY_BADGE: Record<Severity, 'danger' | 'caution' | 'note'> = {
  error: 'danger',
  warning: 'caution',
  info: 'note',
};

export interface CheckedExample {
  snippet: string;
  /** What the rule reports for the snippet, run at build time on the same page the rule tests use. */
  messages: string[];
}

export function checkExamples(rule: Rule, snippets: readonly string[]): CheckedExample[] {
  // Rules that judge more than the HTML (measured numbers) run their examples with the options their meta gives.
  const asInExamples = rule.meta.exampleOptions ? withOptions(rule, rule.meta.exampleOptions) : rule;
  return snippets.map((snippet) => ({
    snippet,
    messages: auditHtml(examplePage(snippet), [asInExamples])
      .filter((finding) => finding.ruleId === rule.meta.id)
      .map((finding) => finding.message),
  }));
}
