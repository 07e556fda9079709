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
  // Third tuning, after five templates the audit had never seen were added (121 pages; first-sight P 0.25 R 0.81 on
  // four of them, R 0.00 on the multilingual one): measured 0.951, the goal (0.927 after the second tuning, 0.134
  // before).
  precision: 0.95,
  recall: 0.95, // measured 0.962: the goal (0.939 after the second tuning, 0.811 before)
  findingRecall: 0.95, // measured 0.962 (0.951 after the second tuning, 0.738 before)
  /** Ceilings: false alarms per 50 pages (max(goal, measured rounded up)). */
  // Fourth tuning (list-closing links named by their section, content pages convert only where they sell): measured
  // 0.36 (3 false warnings in 421 pages), the goal (1.19 after the third tuning, 1.33 after the second, 7.83 before).
  // Fifth tuning, after four more unseen templates (74 pages; first sight P 0.92 R 0.95, findings 0.83, 4.73
  // warnings+/50): all pages measured P 0.97 R 0.98, findings 0.98, 0.51 warnings+/50 (495 pages); with astro-nano
  // (first sight P 0.30 on the tuned audit) and its two classes fixed, 0.49 warnings+/50 (509 pages).
  warningsPer50: 1,
  infosPer50: 2, // measured 0.00: the goal (8.50 before)
};

describe('the audit on the real-world corpus', () => {
  const score = scoreCorpus(audit);

  it('covers at least 19 templates and 509 labelled pages, a quarter held back', () => {
    expect(score.byTemplate.size).toBeGreaterThanOrEqual(19);
    expect(score.all.pages).toBeGreaterThanOrEqual(509);
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
