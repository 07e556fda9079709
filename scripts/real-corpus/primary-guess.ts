// Measures the audit's primary-CTA guess (packages/audit/src/rules/support/primary.ts, guessPrimary) on the tuning
// pages of the real-world corpus: how often it guesses, and how often the guess is a CTA the labels mark primary.
// Held-back pages are skipped (they are only ever counted by the scorer). It also counts cta-below-fold findings
// with the rule turned on, against the labels. Run after `npm run build -w @astro-cta/contract -w @astro-cta/audit`:
//   node_modules/.bin/node scripts/real-corpus/primary-guess.ts
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as audit from '@astro-cta/audit';
import { parseDocument } from 'htmlparser2';
import { guessPrimary } from '../../packages/audit/src/rules/support/primary.ts';
import { labelFor, readLabels } from '../../tests/fixtures/real-world/labels.ts';
import { resolveLabel } from '../../tests/fixtures/real-world/match.ts';
import { CORPUS_DIR, scoreCorpus, templates } from '../../tests/fixtures/real-world/score.ts';

const heldBack = new Set(
  scoreCorpus(audit)
    .pages.filter((page) => page.heldBack)
    .map((page) => `${page.template} ${page.route}`),
);
const belowFold = audit.rules.filter((rule) => rule.meta.id === 'cta-below-fold');
// One run with only cta-below-fold turned on; `onPage` hands back each page object for the primary guess.
const parsed: audit.PageContext[] = [];
const run = audit.createAuditRun({
  rules: belowFold,
  site: { routes: [], now: new Date('2026-01-01') },
  onPage: (page) => parsed.push(page),
});
const fold = { reported: 0, labelled: 0, agreed: 0 };
let guessed = 0;
let right = 0;
let pagesWithPrimary = 0;
const wrong: string[] = [];
for (const template of templates()) {
  const labels = readLabels(path.join(CORPUS_DIR, template, 'labels.json'));
  const site = path.join(CORPUS_DIR, template, 'site');
  for (const file of readdirSync(site, { recursive: true, encoding: 'utf8' }).filter((name) =>
    name.endsWith('.html'),
  )) {
    const route = file === 'index.html' ? '/' : `/${file.replace(/index\.html$/, '')}`;
    if (heldBack.has(`${template} ${route}`)) continue;
    const label = labelFor(labels, route);
    if (!label) continue;
    const html = readFileSync(path.join(site, file), 'utf8');
    const document = parseDocument(html, { withStartIndices: true, withEndIndices: true });
    const primaries = new Set(
      label.ctas
        .filter((cta) => cta.primary)
        .flatMap((cta) => resolveLabel(cta, document))
        .map((el) => el.startIndex),
    );
    if (primaries.size > 0) pagesWithPrimary += 1;
    parsed.length = 0;
    const wanted = label.findings.filter((finding) => finding.rule === 'cta-below-fold');
    fold.labelled += wanted.length;
    const reported = run.page(html, { route, file }).filter((finding) => finding.ruleId === 'cta-below-fold');
    const page = parsed[0];
    if (!page) throw new Error(`${template} ${route}: the audit could not parse the page (${reported[0]?.message}).`);
    fold.reported += reported.length;
    const wantedAt = new Set(
      wanted
        .flatMap((finding) => (finding.element ? resolveLabel(finding.element, document) : []))
        .map((el) =>
          html
            .slice(el.startIndex ?? 0, html.indexOf('>', el.startIndex ?? 0) + 1)
            .replace(/\s+/g, ' ')
            .slice(0, 60),
        ),
    );
    for (const finding of reported) {
      if ([...wantedAt].some((tag) => (finding.excerpt ?? '').startsWith(tag))) fold.agreed += 1;
      else wrong.push(`${template} ${route}: cta-below-fold not labelled: ${finding.excerpt?.slice(0, 60)}`);
    }
    const guess = guessPrimary(page);
    if (!guess) continue;
    guessed += 1;
    if (primaries.has(guess.element.startIndex)) right += 1;
    else wrong.push(`${template} ${route}: guessed "${guess.visibleText}"`);
  }
}
for (const line of wrong) console.log(`  wrong: ${line}`);
console.log(
  `cta-below-fold (turned on) on tuning pages: ${fold.reported} findings, ${fold.agreed} labelled (precision ${(fold.agreed / Math.max(fold.reported, 1)).toFixed(2)}); ${fold.labelled} labelled in all`,
);
console.log(
  `primary guess on tuning pages: ${guessed} guesses, ${right} a labelled primary (precision ${(right / Math.max(guessed, 1)).toFixed(2)}); ${pagesWithPrimary} pages label a primary`,
);
