import { COUNTDOWN_EXPIRE_MODES } from '@astro-cta/contract';
import { formatRemaining, SECOND } from '../client/countdown-format.ts';
import { parseDeadline } from './deadline.ts';
import { timeZoneAndLocaleProblem } from './display-props.ts';
import { unstyledProblem } from './styling.ts';

export interface CountdownPropsProblem {
  prop: string;
  problem: string;
  fix: string;
}

const EXAMPLE = 'deadline="2026-12-31T23:59:00+01:00"';

/** Checks `<Countdown>`'s props; returns the first mistake with its fix, or undefined. */
export function countdownPropsError(props: Record<string, unknown>): CountdownPropsProblem | undefined {
  const deadline = parseDeadline(props.deadline);
  if (!deadline.ok) {
    return {
      prop: 'deadline',
      problem: `the deadline ${deadline.problem}`,
      fix: `give the absolute end with its UTC offset, e.g. ${EXAMPLE}.`,
    };
  }
  const { onExpire } = props;
  if (onExpire !== undefined && !(COUNTDOWN_EXPIRE_MODES as readonly unknown[]).includes(onExpire)) {
    return {
      prop: 'onExpire',
      problem: `onExpire="${String(onExpire)}" is not a mode.`,
      fix: `use one of ${COUNTDOWN_EXPIRE_MODES.map((mode) => `"${mode}"`).join(', ')}.`,
    };
  }
  if (props.for !== undefined) {
    const ids = Array.isArray(props.for) ? props.for : [props.for];
    if (!ids.every((id) => typeof id === 'string' && id.trim() !== '')) {
      return {
        prop: 'for',
        problem: 'is not a list of CTA ids.',
        fix: 'give the `id`s of the CTAs to disable, e.g. for={["hero-buy", "footer-buy"]} or for="hero-buy".',
      };
    }
    if (onExpire !== 'disable-cta') {
      return {
        prop: 'for',
        problem: `names CTAs to disable, but onExpire is "${String(onExpire ?? 'replace')}", which disables nothing.`,
        fix: 'add onExpire="disable-cta", or remove `for`.',
      };
    }
  }
  return timeZoneAndLocaleProblem(props, "the deadline's own offset") ?? unstyledProblem(props.unstyled);
}

/**
 * The width, in `ch`, of the box that holds the remaining time: the longest text the clock will show from now on
 * (it only shrinks), plus slack for the unit letters and spaces, which are not as wide as a tabular digit.
 */
export function reservedWidthCh(remainingMs: number): number {
  return formatRemaining(Math.max(remainingMs, SECOND), SECOND).length + 2;
}
