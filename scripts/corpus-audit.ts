// Prints the CTA recognizer's precision and recall on the labelled corpus (tests/fixtures/corpus), with every miss.
// Runs the built package: `npm run build:packages` first (npm run corpus:audit does).
import { findMain, recognizeCtas } from '@astro-cta/audit';
import { parseDocument } from 'htmlparser2';
import { evaluateCorpus } from '../tests/fixtures/corpus/evaluate.ts';

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
