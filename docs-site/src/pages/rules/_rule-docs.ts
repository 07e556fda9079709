// Shared by the rule pages: everything shown comes from the rules themselves, so the docs cannot drift.
import { createAuditRun, examplePage, withOptions, type Category, type Rule, type Severity } from '@astro-cta/audit';

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
  messages: { messageId: string | undefined; message: string }[];
}

export function checkExamples(rule: Rule, snippets: readonly string[]): CheckedExample[] {
  // Rules that judge more than the HTML (measured numbers) run their examples with the options their meta gives.
  const asInExamples = rule.meta.exampleOptions ? withOptions(rule, rule.meta.exampleOptions) : rule;
  return snippets.map((snippet) => {
    // One run per example, as the rule's own tests audit it.
    const run = createAuditRun({ rules: [asInExamples], site: { routes: ['/'] } });
    run.page(examplePage(snippet), { route: '/', file: 'index.html' });
    return {
      snippet,
      messages: run
        .finish()
        .findings.filter((finding) => finding.ruleId === rule.meta.id)
        .map(({ messageId, message }) => ({ messageId, message })),
    };
  });
}
