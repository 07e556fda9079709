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

/** One alternative of an offer or experiment in a test: its arm name, its content and extra attributes. */
export interface TestAlternative {
  arm: string;
  html: string;
  /** Extra attributes, e.g. `data-cta-when='{"returning":true}'`. */
  attrs?: string;
}

/**
 * An offer or experiment written the way the markup contract describes it (and the kit's components write it): a
 * wrapper naming it, the first alternative the default, the others `hidden` until the chooser shows one.
 */
export function choiceMarkup(
  kind: 'offer' | 'experiment',
  name: string,
  alternatives: readonly TestAlternative[],
  wrapperAttrs = '',
): string {
  const inner = alternatives
    .map(
      ({ arm, html, attrs = '' }, index) =>
        `<div class="cta-choice__alternative" data-cta-arm="${arm}" ${index === 0 ? 'data-cta-default' : 'hidden'} ${attrs}>${html}</div>`,
    )
    .join('');
  return `<div class="cta-choice" data-cta-choose="${kind}" data-cta-experiment="${name}" ${wrapperAttrs}>${inner}</div>`;
}

/** A CTA inside an alternative, carrying the names the report compares it by. */
export function armCta(options: {
  id: string;
  href: string;
  text: string;
  experiment: string;
  arm: string;
  role?: 'primary' | 'secondary';
}): string {
  const role = options.role ? ` data-cta-role="${options.role}"` : '';
  return `<a class="cta cta--primary" href="${options.href}" data-cta="${options.id}"${role} data-cta-experiment="${options.experiment}" data-cta-arm="${options.arm}">${options.text}</a>`;
}
