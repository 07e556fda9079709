// Prints how the audit does on the real-world corpus (tests/fixtures/real-world): CTA recognition precision and
// recall, finding recall and false alarms per 50 pages, per template and overall, and the held-back quarter's figures
// on their own (labelled before any tuning and never looked at while tuning: the over-fitting check).
// Runs the built package: `npm run build:packages` first (npm run corpus:real does). --misses lists every miss of
// the tuning pages (held-back pages are only counted, never listed).
import * as audit from '@astro-cta/audit';
import { addTally, emptyTally, figures, scoreCorpus, type Tally } from '../tests/fixtures/real-world/score.ts';

const showMisses = process.argv.includes('--misses');
// --only a,b: also print the figures of these templates together (tuning, held-back, all), e.g. the templates added
// last, whose first run is the truest estimate of how the audit does on sites it has never seen.
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? new Set((process.argv[onlyAt + 1] ?? '').split(',').filter(Boolean)) : undefined;
const score = scoreCorpus(audit);
const unknown = only ? [...only].filter((name) => !score.byTemplate.has(name)) : [];
if (unknown.length > 0) {
  console.error(
    `--only: no such template: ${unknown.join(', ')} (templates: ${[...score.byTemplate.keys()].join(', ')})`,
  );
  process.exit(2);
}

if (showMisses) {
  for (const page of score.pages) {
    if (page.heldBack || page.misses.length === 0) continue;
    console.log(`\n${page.template} ${page.route} (${page.label.kind}${page.label.needsCta ? ', needs a CTA' : ''})`);
    for (const miss of page.misses) console.log(`  ${miss}`);
  }
  console.log('');
}

const columns = 'pages  CTAs  prec  recall  primary  findings  recall  warn+/50  info/50';
const header = `${'template (tuning pages) or set'.padEnd(34)} ${columns}`;
function row(name: string, tally: Tally): string {
  const f = figures(tally);
  const labelled = tally.ctaTruePositives + tally.ctaFalseNegatives;
  const primary = `${tally.primaryAgreed}/${tally.primaryLabelled}`;
  const found = `${tally.findingsFound}/${tally.findingsExpected}`;
  const cells = [
    name.padEnd(34),
    String(tally.pages).padStart(5),
    `${String(labelled).padStart(5)} `,
    `${f.precision.toFixed(2)} `,
    `${f.recall.toFixed(2).padStart(6)} `,
    `${primary.padStart(7)} `,
    `${found.padStart(8)} `,
    `${f.findingRecall.toFixed(2).padStart(6)} `,
    `${f.warningsPer50.toFixed(2).padStart(8)} `,
    f.infosPer50.toFixed(2).padStart(7),
  ];
  return cells.join(' ');
}
console.log(header);
for (const [template, { tuning }] of score.byTemplate) console.log(row(template, tuning));
console.log('-'.repeat(header.length));
console.log(row('tuning pages (3/4)', score.tuning));
console.log(row('held-back pages (1/4)', score.heldBack));
console.log(row('all pages', score.all));
if (only) {
  const tuning = emptyTally();
  const heldBack = emptyTally();
  for (const name of only) {
    addTally(tuning, score.byTemplate.get(name)!.tuning);
    addTally(heldBack, score.byTemplate.get(name)!.heldBack);
  }
  console.log('-'.repeat(header.length));
  console.log(`${[...only].join(', ')}:`);
  console.log(row('  tuning pages', tuning));
  console.log(row('  held-back pages', heldBack));
  console.log(row('  all pages', addTally(addTally(emptyTally(), tuning), heldBack)));
}
console.log(
  '\nGoal: precision and recall >= 0.95, finding recall >= 0.95,' +
    ' <= 1 warning+ and <= 2 info false alarms per 50 pages.',
);
if (!showMisses) console.log('Run npm run corpus:real -- --misses to list each miss of the tuning pages.');
