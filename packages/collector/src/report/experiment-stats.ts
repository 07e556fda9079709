/**
 * The statistical policy of an experiment's report. Each arm is compared with the control arm by a two-proportion
 * z-test, the p-values of the k − 1 comparisons adjusted with Holm's step-down method (so that "95% confident" holds
 * for the experiment as a whole, however many arms it has); sample sizes and minimum detectable effects follow R's
 * `power.prop.test` (two-sided, strict = FALSE) at alpha 0.05, split Bonferroni-wise over the comparisons, and power
 * 0.8. The functions themselves are @astro-cta/stats', shared with the audit.
 *
 * This is a fixed-horizon test: it is valid when the result is read once, at a sample size decided beforehand. Read
 * daily and stopped at the first "95% confident", it is wrong more often than 5% of the time; the report says so.
 */

/** Family-wise error rate of an experiment's comparisons: "95% confident". */
export const ALPHA = 0.05;
/** The chance that a real effect of the minimum detectable size shows as significant. */
export const POWER = 0.8;
