import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { auditHtml, auditPage, auditSite } from '../../engine.ts';
import type { Finding, Kept, PageContext, Rule, SiteFacts } from '../../types.ts';
import { examplePage } from '../example-page.ts';

/** Runs one rule on a snippet inside an example page, as the rule's own example tests do. */
export function findingsFor(
  rule: Rule,
  snippet: string,
  options: { lang?: string; route?: string; site?: Partial<SiteFacts> } = {},
): Finding[] {
  return auditHtml(examplePage(snippet, options.lang), [rule], { route: options.route, site: options.site }).filter(
    (finding) => finding.ruleId === rule.meta.id,
  );
}

export function messagesFor(rule: Rule, snippet: string, options: Parameters<typeof findingsFor>[2] = {}): string[] {
  return findingsFor(rule, snippet, options).map((finding) => finding.message);
}

/** Audits several pages as one run: each page's own findings, then what the rules find across the pages. */
export function auditRun(
  pages: PageContext[],
  site: SiteFacts,
  rules: Rule[],
): { perPage: Finding[]; acrossPages: Finding[] } {
  const perPage: Finding[] = [];
  const kept: Kept[] = [];
  for (const page of pages) {
    const result = auditPage(page, site, rules);
    perPage.push(...result.findings);
    kept.push(...result.kept);
  }
  return { perPage, acrossPages: auditSite(site, kept, rules) };
}

/** A built site in a fresh temporary folder: file (relative, e.g. `about/index.html`) → HTML. Returns the folder. */
export function writeSite(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cta-site-'));
  for (const [file, html] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), html);
  }
  return dir;
}
