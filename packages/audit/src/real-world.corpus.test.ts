import { describe, expect, it } from 'vitest';
import { figures, scoreCorpus } from '../../../tests/fixtures/real-world/score.ts';
import * as audit from './index.ts';

// The audit on public Astro templates built offline (tests/fixtures/real-world, labelled by hand before any tuning;
// `npm run corpus:real -- --misses` prints the figures and every miss). The goal (issue 8) is CTA precision and recall
// >= 0.95, finding recall >= 0.95, at most 1 warning-or-error and 2 info false alarms per 50 pages. Each floor below
// is min(goal, the figure measured after the last tuning, rounded down; ceilings max(goal, measured rounded up)): CI
// passes today and fails on any regression. The floors rise as the audit is tuned: raise them with each improvement
// (to min(goal, the new figure)), never lower them.
const FLOORS = {
  precision: 0.92, // measured 0.927 after the second tuning (0.893 after the first, 0.134 before; goal 0.95)
  recall: 0.93, // measured 0.939 (0.899 after the first tuning, 0.811 before; goal 0.95)
  findingRecall: 0.95, // measured 0.951: the goal (0.738 before)
  /** Ceilings: false alarms per 50 pages (max(goal, measured rounded up)). */
  warningsPer50: 1.4, // measured 1.33: repeats grouped, toast timers, page-operating links, form steps left alone (7.83 before)
  infosPer50: 2, // measured 0.00: the goal (8.50 before)
};

describe('the audit on the real-world corpus', () => {
  const score = scoreCorpus(audit);

  it('covers at least 8 templates and 300 labelled pages, a quarter held back', () => {
    expect(score.byTemplate.size).toBeGreaterThanOrEqual(8);
    expect(score.all.pages).toBeGreaterThanOrEqual(300);
    expect(score.heldBack.pages).toBeGreaterThanOrEqual(Math.floor(score.all.pages / 5));
  });

  it('stays at or above the floors on all pages', () => {
    const all = figures(score.all);
    expect(all.precision).toBeGreaterThanOrEqual(FLOORS.precision);
    expect(all.recall).toBeGreaterThanOrEqual(FLOORS.recall);
    expect(all.findingRecall).toBeGreaterThanOrEqual(FLOORS.findingRecall);
    expect(all.warningsPer50).toBeLessThanOrEqual(FLOORS.warningsPer50);
    expect(all.infosPer50).toBeLessThanOrEqual(FLOORS.infosPer50);
  });
});
