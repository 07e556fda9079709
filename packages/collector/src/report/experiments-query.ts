import type { DatabaseSync } from 'node:sqlite';
import { DAY_MS, type DayRange } from './period.ts';

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
 * Everything the experiment report reads from the events, in standard SQL (it ports to PostgreSQL as it is):
 * - per experiment and arm, the units first exposed in [from, to) and those that clicked one of the arm's CTAs, from
 *   the experiment_daily rollup (migration 5); a unit is a visit (the randomisation unit of the chooser) or, for
 *   events without a visit id, the page view;
 * - the clicks on experiments' CTAs from `lookBackMs` before the period (the attribution window: a conversion in the
 *   period may be credited to a click just before it) to its end, to find the arm of each credited conversion.
 */
export function queryExperiments(db: DatabaseSync, range: DayRange, lookBackMs: number): ExperimentData {
  const from = range.from * DAY_MS;
  const to = range.to * DAY_MS;
  const arms = db
    .prepare(
      `SELECT experiment, arm, SUM(units) AS units, SUM(clicked_units) AS clicked_units
       FROM experiment_daily WHERE day >= ? AND day < ? GROUP BY experiment, arm`,
    )
    .all(range.from, range.to) as unknown as {
    experiment: string;
    arm: string;
    units: number;
    clicked_units: number;
  }[];
  const clicks = db
    .prepare(
      `SELECT DISTINCT page_view, cta, experiment, arm, COALESCE(visit, page_view) AS unit
       FROM events
       WHERE experiment IS NOT NULL AND type = 'click' AND received_at >= ? AND received_at < ?`,
    )
    .all(from - lookBackMs, to) as unknown as {
    page_view: string;
    cta: string;
    experiment: string;
    arm: string | null;
    unit: string;
  }[];
  return {
    arms: arms.map(({ experiment, arm, units, clicked_units }) => ({
      experiment,
      // The rollup keeps "no arm" as '' (arm names are never empty).
      arm: arm === '' ? null : arm,
      units,
      clickedUnits: clicked_units,
    })),
    clicks: clicks.map(({ page_view, cta, experiment, arm, unit }) => ({
      pageView: page_view,
      cta,
      experiment,
      arm,
      unit,
    })),
  };
}
