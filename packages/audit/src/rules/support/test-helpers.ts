import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { auditHtml, createAuditRun } from '../../engine.ts';
import type { Finding, Rule, SiteFacts } from '../../types.ts';
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

/** Audits several pages as one run (the site's routes are theirs): each page's own findings, then the site step's. */
export function auditRun(
  pages: { html: string; route: string; file: string }[],
  rules: Rule[],
): { perPage: Finding[]; acrossPages: Finding[] } {
  const run = createAuditRun({ rules, site: { routes: pages.map((page) => page.route) } });
  const perPage = pages.flatMap(({ html, route, file }) => run.page(html, { route, file }));
  return { perPage, acrossPages: run.finish().findings.slice(perPage.length) };
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
