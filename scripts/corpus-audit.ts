// Prints the CTA recognizer's precision and recall on the labelled corpus (tests/fixtures/corpus), with every miss.
// Runs the built package: `npm run build:packages` first (npm run corpus:audit does).
import { auditHtml, findMain, recognizeCtas, rules } from '@astro-cta/audit';
import { parseDocument } from 'htmlparser2';
import { evaluateCorpus, evaluateFindings } from '../tests/fixtures/corpus/evaluate.ts';
import { OFFER_RULES, WITH_ALTERNATIVES } from '../tests/fixtures/corpus/offer-rules.ts';

const score = evaluateCorpus({
  parseHtml: (html) => parseDocument(html, { withStartIndices: true, withEndIndices: true }),
  findMain,
  recognizeCtas,
});
for (const page of score.pages) {
  for (const miss of page.falseNegatives) console.log(`missed      ${page.page}: ${miss}`);
  for (const extra of page.falsePositives) console.log(`not a CTA   ${page.page}: ${extra}`);
}
const labelled = score.truePositives + score.falseNegatives;
console.log(
  `\n${score.pages.length} pages, ${labelled} labelled CTAs: ${score.truePositives} found, ${score.falsePositives} false positives, ${score.falseNegatives} missed.`,
);
console.log(`precision ${score.precision.toFixed(3)}  recall ${score.recall.toFixed(3)}`);

// Offers and experiments: the findings labelled with data-expect-finding, scored as in offers.corpus.test.ts.
const parse = (html: string) => parseDocument(html, { withStartIndices: true, withEndIndices: true });
const findings = evaluateFindings(
  (html) => auditHtml(html, rules, { route: '/', site: { now: new Date('2026-11-30T12:00:00Z') } }),
  (html) => (html.includes('data-cta-choose') ? WITH_ALTERNATIVES : OFFER_RULES),
  parse,
);
for (const page of findings.pages) {
  for (const miss of page.missed) console.log(`missed finding      ${page.page}: ${miss}`);
  for (const extra of page.unexpected) console.log(`unexpected finding  ${page.page}: ${extra}`);
}
console.log(
  `offers and experiments: ${findings.expected} labelled findings, ${findings.found} found, ${findings.missed} missed, ${findings.unexpected} unexpected.`,
);
