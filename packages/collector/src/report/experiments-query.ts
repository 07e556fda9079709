import { DAY_MS, type DayRange } from './period.ts';
import { rows, type Steps } from './steps.ts';

/** Exposures of one arm: the units (visits, or page views without a visit id) that saw it and that clicked it. */
export interface ArmCounts {
  experiment: string;
  /** Null for CTAs that name an experiment but no arm. */
  arm: string | null;
  units: number;
  clickedUnits: number;
}

/** A click on an experiment's CTA: what a conversion credited to (page view, CTA) is an outcome of. */
export interface ArmClick {
  pageView: string;
  cta: string;
  experiment: string;
  arm: string | null;
  unit: string;
}

export interface ExperimentData {
  arms: ArmCounts[];
  clicks: ArmClick[];
}

/**
 * Everything the experiment report reads from the events, one definition for both engines (steps.ts):
 * - per experiment and arm, the units first exposed in [from, to) and those that clicked one of the arm's CTAs, from
 *   the experiment_daily rollup (migration 5); a unit is a visit (the randomisation unit of the chooser) or, for
 *   events without a visit id, the page view;
 * - the clicks on experiments' CTAs from `lookBackMs` before the period (the attribution window: a conversion in the
 *   period may be credited to a click just before it) to its end, to find the arm of each credited conversion.
 * Sums are cast to bigint (PostgreSQL sums a bigint column as numeric) and camelCase aliases are quoted.
 */
export function* queryExperiments(range: DayRange, lookBackMs: number): Steps<ExperimentData> {
  const from = range.from * DAY_MS;
  const to = range.to * DAY_MS;
  const arms = yield* rows<{ experiment: string; arm: string; units: number; clickedUnits: number }>(
    `SELECT experiment, arm, CAST(SUM(units) AS bigint) AS units, CAST(SUM(clicked_units) AS bigint) AS "clickedUnits"
     FROM experiment_daily WHERE day >= ? AND day < ? GROUP BY experiment, arm`,
    range.from,
    range.to,
  );
  const clicks = yield* rows<ArmClick>(
    `SELECT DISTINCT page_view AS "pageView", cta, experiment, arm, COALESCE(visit, page_view) AS unit
     FROM events
     WHERE experiment IS NOT NULL AND type = 'click' AND received_at >= ? AND received_at < ?`,
    from - lookBackMs,
    to,
  );
  return {
    arms: arms.map(({ experiment, arm, units, clickedUnits }) => ({
      experiment,
      // The rollup keeps "no arm" as '' (arm names are never empty).
      arm: arm === '' ? null : arm,
      units: Number(units),
      clickedUnits: Number(clickedUnits),
    })),
    clicks,
  };
}
