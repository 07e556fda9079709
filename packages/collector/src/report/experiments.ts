import { detectableRate, holm, sampleSizePerGroup, twoProportionZTest, wilsonInterval } from '@astro-cta/stats';
import type { Attributed } from './attribution.ts';
import { ALPHA, POWER } from './experiment-stats.ts';
import { type ArmClick, type ArmCounts, queryExperiments } from './experiments-query.ts';
import type { DayRange } from './period.ts';
import type { Steps } from './steps.ts';

/** The rates an experiment's arms are compared on. */
export const EXPERIMENT_METRICS = ['ctr', 'conversionsPerImpression', 'conversionsPerClick'] as const;
export type ExperimentMetric = (typeof EXPERIMENT_METRICS)[number];

/**
 * The smallest lift the "keep running" advice plans for: below it, a difference rarely pays for the wait. When the
 * arms differ by more than this (but not beyond noise yet), the advice plans for the difference seen.
 */
export const TARGET_LIFT = 0.1;

/** One arm against the control arm on one rate. */
export interface ArmTest {
  /** This arm's rate − the control's, in proportion points. */
  difference: number;
  /** difference / the control's rate; null when the control's rate is 0. */
  lift: number | null;
  z: number;
  /** Two-sided p-value of the two-proportion z-test, and after Holm's adjustment over the experiment's arms. */
  p: number;
  adjustedP: number;
  /** adjustedP < 0.05. */
  significant: boolean;
}

export interface ArmRow {
  /** Null for CTAs naming the experiment but no arm: shown, never compared. */
  arm: string | null;
  control: boolean;
  /** Visits (or page views without a visit id) that saw one of the arm's CTAs. */
  visits: number;
  /** Of those, visits that clicked one of the arm's CTAs. */
  clicks: number;
  /** Conversions credited to clicks on the arm's CTAs, and the clicked visits that earned at least one. */
  conversions: number;
  convertedVisits: number;
  ctr: number | null;
  ctrLow: number | null;
  ctrHigh: number | null;
  /** convertedVisits / clicks. */
  conversionsPerClick: number | null;
  conversionsPerClickLow: number | null;
  conversionsPerClickHigh: number | null;
  /** convertedVisits / visits. */
  conversionsPerImpression: number | null;
  conversionsPerImpressionLow: number | null;
  conversionsPerImpressionHigh: number | null;
  /** Against the control arm, per rate; null on the control arm, an arm-less row, or without trials on one side. */
  vsControl: Record<ExperimentMetric, ArmTest | null> | null;
}

/** What the numbers say about one rate. */
export interface MetricVerdict {
  metric: ExperimentMetric;
  /** better: an arm beats the control; worse: the control beats every arm that differs; noise; or no data. */
  outcome: 'better' | 'worse' | 'noise' | 'no data';
  /** The winning arm (better) or the losing one (worse). */
  arm: string | null;
  /** The smallest lift over the control that the current sample size detects (power 0.8); null when none is. */
  detectableLift: number | null;
  /** With `noise`: visits per arm still to come to detect `targetLift`; null when it cannot be estimated. */
  moreVisitsPerArm: number | null;
  targetLift: number | null;
  text: string;
}

export interface ExperimentRow {
  experiment: string;
  /** The arm the others are compared with: "control", else "A", else the first by name. */
  control: string | null;
  /** The control first, then the other arms by name, then the arm-less row if any. */
  arms: ArmRow[];
  verdicts: Record<ExperimentMetric, MetricVerdict>;
  /** The decision: the conversion verdict once the experiment has conversions, the CTR verdict until then. */
  verdict: MetricVerdict;
}

const VERB: Record<ExperimentMetric, string> = {
  ctr: 'gets more clicks',
  conversionsPerImpression: 'converts better',
  conversionsPerClick: 'converts more of its clicks',
};

/**
 * Every experiment (and offer: its CTAs carry the offer's name and the alternative as experiment and arm) whose
 * CTAs were seen in the period, its arms compared with the control on CTR and on both conversion rates
 * (experiment-stats.ts says how). `credited` are the period's conversions with the click each is credited to.
 */
export function* experimentRows(
  range: DayRange,
  windowMinutes: number,
  credited: readonly Attributed[],
): Steps<ExperimentRow[]> {
  const data = yield* queryExperiments(range, windowMinutes * 60_000);
  const clickOf = new Map<string, ArmClick>();
  for (const click of data.clicks) clickOf.set(`${click.pageView}\u0000${click.cta}`, click);
  // Conversions and converted visits per (experiment, arm).
  const outcomes = new Map<string, { conversions: number; visits: Set<string> }>();
  for (const conversion of credited) {
    if (conversion.cta === null || conversion.pageView === null) continue;
    const click = clickOf.get(`${conversion.pageView}\u0000${conversion.cta}`);
    if (!click) continue;
    const key = armKey(click.experiment, click.arm);
    const entry = outcomes.get(key) ?? { conversions: 0, visits: new Set<string>() };
    entry.conversions++;
    entry.visits.add(click.unit);
    outcomes.set(key, entry);
  }
  const byExperiment = new Map<string, ArmCounts[]>();
  for (const counts of data.arms) {
    const list = byExperiment.get(counts.experiment) ?? [];
    list.push(counts);
    byExperiment.set(counts.experiment, list);
  }
  const rows = [...byExperiment].map(([experiment, arms]) =>
    experimentRow(
      experiment,
      arms.map((counts) => armRow(counts, outcomes.get(armKey(experiment, counts.arm)))),
    ),
  );
  const visits = (row: ExperimentRow) => row.arms.reduce((sum, arm) => sum + arm.visits, 0);
  return rows.sort((a, b) => visits(b) - visits(a) || (a.experiment < b.experiment ? -1 : 1));
}

const armKey = (experiment: string, arm: string | null) => `${experiment}\u0000${arm ?? '\u0001'}`;

function armRow(counts: ArmCounts, outcome: { conversions: number; visits: Set<string> } | undefined): ArmRow {
  const converted = Math.min(outcome?.visits.size ?? 0, counts.clickedUnits);
  const ctr = rate(counts.clickedUnits, counts.units);
  const perClick = rate(converted, counts.clickedUnits);
  const perImpression = rate(converted, counts.units);
  return {
    arm: counts.arm,
    control: false,
    visits: counts.units,
    clicks: counts.clickedUnits,
    conversions: outcome?.conversions ?? 0,
    convertedVisits: converted,
    ctr: ctr.value,
    ctrLow: ctr.low,
    ctrHigh: ctr.high,
    conversionsPerClick: perClick.value,
    conversionsPerClickLow: perClick.low,
    conversionsPerClickHigh: perClick.high,
    conversionsPerImpression: perImpression.value,
    conversionsPerImpressionLow: perImpression.low,
    conversionsPerImpressionHigh: perImpression.high,
    vsControl: null,
  };
}

function rate(successes: number, trials: number) {
  const interval = wilsonInterval(successes, trials);
  return { value: trials ? successes / trials : null, low: interval?.low ?? null, high: interval?.high ?? null };
}

/** The successes and trials of a rate. */
const COUNTS: Record<ExperimentMetric, (arm: ArmRow) => [number, number]> = {
  ctr: (arm) => [arm.clicks, arm.visits],
  conversionsPerImpression: (arm) => [arm.convertedVisits, arm.visits],
  conversionsPerClick: (arm) => [arm.convertedVisits, arm.clicks],
};

/** The control arm: one named "control", else "A", else the first by name (case-insensitively). */
export function controlArm(arms: readonly (string | null)[]): string | null {
  const named = arms.filter((arm): arm is string => arm !== null).sort(byName);
  return (
    named.find((arm) => arm.toLowerCase() === 'control') ??
    named.find((arm) => arm.toLowerCase() === 'a') ??
    named[0] ??
    null
  );
}

const byName = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' }) || (a < b ? -1 : 1);

function experimentRow(experiment: string, unordered: ArmRow[]): ExperimentRow {
  const control = controlArm(unordered.map((arm) => arm.arm));
  const controlRow = unordered.find((arm) => arm.arm === control);
  const others = unordered
    .filter((arm) => arm.arm !== null && arm.arm !== control)
    .sort((a, b) => byName(a.arm!, b.arm!));
  const armless = unordered.filter((arm) => arm.arm === null);
  if (controlRow) controlRow.control = true;
  const arms = [...(controlRow ? [controlRow] : []), ...others, ...armless];

  for (const arm of others) arm.vsControl = { ctr: null, conversionsPerImpression: null, conversionsPerClick: null };
  for (const metric of EXPERIMENT_METRICS) {
    if (!controlRow) break;
    const [controlSuccesses, controlTrials] = COUNTS[metric](controlRow);
    const tests = others.map((arm) => {
      const [successes, trials] = COUNTS[metric](arm);
      const test = twoProportionZTest(controlSuccesses, controlTrials, successes, trials);
      return test && { arm, test, rate: successes / trials, controlRate: controlSuccesses / controlTrials };
    });
    const tested = tests.filter((entry) => entry !== undefined);
    const adjusted = holm(tested.map(({ test }) => test.p));
    tested.forEach(({ arm, test, rate: armRate, controlRate }, index) => {
      arm.vsControl![metric] = {
        difference: armRate - controlRate,
        lift: controlRate > 0 ? (armRate - controlRate) / controlRate : null,
        z: test.z,
        p: test.p,
        adjustedP: adjusted[index]!,
        significant: adjusted[index]! < ALPHA,
      };
    });
  }
  const verdicts = Object.fromEntries(
    EXPERIMENT_METRICS.map((metric) => [metric, verdictOn(metric, controlRow, others)]),
  ) as Record<ExperimentMetric, MetricVerdict>;
  const anyConversions = arms.some((arm) => arm.conversions > 0);
  return {
    experiment,
    control,
    arms,
    verdicts,
    verdict: anyConversions ? verdicts.conversionsPerImpression : verdicts.ctr,
  };
}

function verdictOn(metric: ExperimentMetric, control: ArmRow | undefined, others: ArmRow[]): MetricVerdict {
  const base = { metric, arm: null, detectableLift: null, moreVisitsPerArm: null, targetLift: null };
  const noData = (text: string): MetricVerdict => ({ ...base, outcome: 'no data', text });
  if (!control) return noData('no arm to compare: every CTA of this experiment lacks an arm name (data-cta-arm)');
  if (others.length === 0) return noData(`only arm ${control.arm} was seen: nothing to compare it with yet`);
  const [controlSuccesses, controlTrials] = COUNTS[metric](control);
  const tested = others.filter((arm) => arm.vsControl?.[metric]);
  if (controlTrials === 0 || tested.length === 0) {
    return noData(metric === 'conversionsPerClick' ? 'no clicks in some arms yet' : 'no visits in some arms yet');
  }
  const p1 = controlSuccesses / controlTrials;
  const verb = VERB[metric];
  const percentOf = (arm: ArmRow) => percent(COUNTS[metric](arm)[0] / COUNTS[metric](arm)[1]);
  const unit = metric === 'conversionsPerClick' ? 'clicks' : 'visits';
  const better = tested
    .filter((arm) => arm.vsControl![metric]!.significant && arm.vsControl![metric]!.difference > 0)
    .sort((a, b) => b.vsControl![metric]!.difference - a.vsControl![metric]!.difference);
  const worse = tested.filter((arm) => arm.vsControl![metric]!.significant && arm.vsControl![metric]!.difference < 0);
  // Comparisons share the 5%: planning numbers use alpha / (number of comparisons) (Bonferroni, which Holm never
  // needs more than).
  const alpha = ALPHA / others.length;
  const smallest = Math.min(controlTrials, ...tested.map((arm) => COUNTS[metric](arm)[1]));
  const detectable = p1 > 0 ? detectableRate(smallest, p1, alpha, POWER) : null;
  const detectableLift = detectable === null ? null : (detectable - p1) / p1;
  const pLabel = (p: number) => (p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`);
  const adjustedNote = others.length > 1 ? 'Holm-adjusted ' : '';

  if (better.length > 0) {
    const winner = better[0]!;
    const test = winner.vsControl![metric]!;
    const lift = test.lift === null ? '' : ` (${signed(test.lift * 100, 0)}%)`;
    return {
      ...base,
      outcome: 'better',
      arm: winner.arm,
      detectableLift,
      text:
        `arm ${winner.arm} ${verb} than ${control.arm}: ${percentOf(winner)} vs ${percentOf(control)} of ${unit}` +
        `${lift}, 95% confident (${adjustedNote}${pLabel(test.adjustedP)})`,
    };
  }
  if (worse.length > 0) {
    const loser = worse.sort((a, b) => a.vsControl![metric]!.adjustedP - b.vsControl![metric]!.adjustedP)[0]!;
    const test = loser.vsControl![metric]!;
    const names = worse.map((arm) => arm.arm).join(', ');
    return {
      ...base,
      outcome: 'worse',
      arm: loser.arm,
      detectableLift,
      text:
        `arm ${control.arm} (control) ${verb} than ${names}: ${percentOf(control)} vs ${percentOf(loser)} of ${unit}, ` +
        `95% confident (${adjustedNote}${pLabel(test.adjustedP)})`,
    };
  }
  // Nothing beyond noise: how many more visits per arm would show a lift worth having.
  const seen = Math.max(...tested.map((arm) => Math.abs(arm.vsControl![metric]!.lift ?? 0)));
  const targetLift = Math.max(TARGET_LIFT, seen);
  const minP = Math.min(...tested.map((arm) => arm.vsControl![metric]!.adjustedP));
  const noise = `no difference beyond noise (${adjustedNote}${pLabel(minP)})`;
  if (p1 === 0) {
    const what = metric === 'ctr' ? 'clicks' : 'conversions';
    return { ...base, outcome: 'noise', text: `${noise}; no ${what} in ${control.arm} (control) yet: keep running` };
  }
  const target = p1 * (1 + targetLift) <= 1 ? p1 * (1 + targetLift) : p1 * (1 - targetLift);
  const needed = Math.ceil(sampleSizePerGroup(p1, target, alpha, POWER));
  const more = needed - smallest;
  const liftLabel = `${Math.round(targetLift * 100)}%`;
  if (more > 0) {
    return {
      ...base,
      outcome: 'noise',
      detectableLift,
      targetLift,
      moreVisitsPerArm: more,
      text: `${noise}; keep running: about ${count(more)} more ${unit} per arm needed to detect a ${liftLabel} lift`,
    };
  }
  const detectableLabel = detectableLift === null ? liftLabel : `${Math.round(detectableLift * 100)}%`;
  return {
    ...base,
    outcome: 'noise',
    detectableLift,
    targetLift,
    moreVisitsPerArm: 0,
    text:
      `${noise}; with ${count(smallest)} ${unit} per arm a lift of ${detectableLabel} would have shown ` +
      `(power ${POWER * 100}%): the arms are closer than that`,
  };
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const signed = (value: number, digits: number) => `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(digits)}`;
const count = (value: number) => value.toLocaleString('en-US');
