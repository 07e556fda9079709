import { timeZoneProblem } from './deadline.ts';
import { localeProblem } from './format.ts';
import type { PropProblem } from './validate.ts';

/**
 * The `timeZone` and `locale` props that every dated component takes (`<Countdown>`, `<Incentive>`), checked one way.
 * `zoneDefault` says what is shown when `timeZone` is left out, e.g. "the deadline's own offset".
 */
export function timeZoneAndLocaleProblem(
  props: { timeZone?: unknown; locale?: unknown },
  zoneDefault: string,
): PropProblem | undefined {
  if (props.timeZone !== undefined) {
    const problem = typeof props.timeZone === 'string' ? timeZoneProblem(props.timeZone) : 'is not a string.';
    if (problem)
      return {
        prop: 'timeZone',
        problem,
        fix: `use an IANA time zone such as "Europe/Paris", or leave it out to show ${zoneDefault}.`,
      };
  }
  return localePropProblem(props.locale);
}

/** The `locale` prop of every component that formats numbers or dates, checked one way (undefined when fine). */
export function localePropProblem(locale: unknown): PropProblem | undefined {
  if (locale === undefined) return undefined;
  const problem = typeof locale === 'string' ? localeProblem(locale) : 'is not a string.';
  if (!problem) return undefined;
  return {
    prop: 'locale',
    problem,
    fix: 'use a BCP 47 tag such as "en-GB" or "de", or leave it out to use the page\'s locale.',
  };
}
