import { ALPHA, POWER } from './experiment-stats.ts';
import type { ArmRow, ArmTest, ExperimentRow } from './experiments.ts';
import { intervalLabel, percent, visible } from './format-common.ts';

/** The text of the experiment tables in the terminal and the HTML report; the numbers in full are in JSON and CSV. */

export const ARM_HEADERS = [
  'arm',
  'visits',
  'clicks',
  'CTR',
  '95% CI',
  'CTR vs control',
  'conv.',
  'conv./visit',
  '95% CI',
  'conv./visit vs control',
  'conv./click',
  '95% CI',
] as const;
/** Columns of ARM_HEADERS that hold numbers (right-aligned). */
export const ARM_NUMERIC = new Set([1, 2, 3, 6, 7, 10]);

/** An arm's name as shown: "(no arm)" for CTAs that name the experiment only, "(control)" after the control. */
export const armLabel = (arm: ArmRow): string =>
  arm.arm === null ? '(no arm)' : `${visible(arm.arm)}${arm.control ? ' (control)' : ''}`;

/** One arm's cells, in the order of ARM_HEADERS (visitors' values made visible; HTML escaping is the caller's). */
export function armCells(arm: ArmRow): string[] {
  return [
    armLabel(arm),
    String(arm.visits),
    String(arm.clicks),
    percent(arm.ctr),
    intervalLabel(arm.ctrLow, arm.ctrHigh),
    arm.control ? '–' : testLabel(arm.vsControl?.ctr ?? null),
    String(arm.conversions),
    percent(arm.conversionsPerImpression),
    intervalLabel(arm.conversionsPerImpressionLow, arm.conversionsPerImpressionHigh),
    arm.control ? '–' : testLabel(arm.vsControl?.conversionsPerImpression ?? null),
    percent(arm.conversionsPerClick),
    intervalLabel(arm.conversionsPerClickLow, arm.conversionsPerClickHigh),
  ];
}

/** "+2.5 pp (+25%), p=0.003" with a mark when significant; "–" without a test. */
export function testLabel(test: ArmTest | null): string {
  if (!test) return '–';
  const sign = (value: number) => (value >= 0 ? '+' : '−');
  const points = `${sign(test.difference)}${Math.abs(test.difference * 100).toFixed(1)} pp`;
  const lift = test.lift === null ? '' : ` (${sign(test.lift)}${Math.abs(test.lift * 100).toFixed(0)}%)`;
  const p = test.adjustedP < 0.001 ? 'p<0.001' : `p=${test.adjustedP.toFixed(3)}`;
  return `${points}${lift}, ${p}${test.significant ? ' *' : ''}`;
}

/** The heading of an experiment: its name and its plain verdict. */
export const experimentHeading = (experiment: ExperimentRow): string =>
  `Experiment ${visible(experiment.experiment)}: ${visible(experiment.verdict.text)}`;

/**
 * The minimum detectable effect at the current sample size: the smallest lift over the control each rate would
 * show with power 0.8 at the experiment's alpha; undefined when there is nothing to compare yet.
 */
export function detectableLabel(experiment: ExperimentRow): string | undefined {
  const rates = [
    ['CTR', experiment.verdicts.ctr],
    ['conversions per visit', experiment.verdicts.conversionsPerImpression],
  ] as const;
  if (rates.every(([, verdict]) => verdict.outcome === 'no data')) return undefined;
  const parts = rates.map(([name, verdict]) =>
    verdict.detectableLift === null ? `${name}: none yet` : `${name} +${Math.round(verdict.detectableLift * 100)}%`,
  );
  return `Smallest lift over the control detectable at this sample size (power ${POWER * 100}%): ${parts.join(', ')}.`;
}

/** What the experiment tables mean, under the report's other definitions. */
export const EXPERIMENT_DEFINITIONS = [
  "Experiments and offers: each arm (data-cta-arm; an offer's alternative) is compared with the control arm " +
    '("control", else "A", else the first by name) per visit (per page view without a visit id): visits that saw ' +
    "the arm's CTAs, clicked them, and converted (conversions credited to those clicks).",
  `Test: two-proportion z-test per arm against the control, p-values adjusted with Holm's method over the ` +
    `experiment's arms; * marks adjusted p < ${ALPHA}, "95% confident". Sample sizes and the minimum detectable ` +
    `lift follow R's power.prop.test at alpha ${ALPHA} (split over the arms) and power ${POWER}. The test is ` +
    'fixed-horizon: decide the sample size first and read the verdict once it is reached; stopping at the first ' +
    'significant reading makes false winners more likely than 5%.',
];
