import { auditHtml } from '../../engine.ts';
import type { Finding, Rule, SiteContext } from '../../types.ts';
import { examplePage } from '../example-page.ts';

/** Runs one rule on a snippet inside an example page, as the rule's own example tests do. */
export function findingsFor(rule: Rule, snippet: string, options: { lang?: string; route?: string; site?: Partial<SiteContext> } = {}): Finding[] {
  return auditHtml(examplePage(snippet, options.lang), [rule], { route: options.route, site: options.site }).filter((finding) => finding.ruleId === rule.meta.id);
}

export function messagesFor(rule: Rule, snippet: string, options: Parameters<typeof findingsFor>[2] = {}): string[] {
  return findingsFor(rule, snippet, options).map((finding) => finding.message);
}
