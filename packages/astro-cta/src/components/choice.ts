/**
 * Offers and experiments at build time: the props of an alternative (`<Choice>`, `<Arm>`, and `<Incentive>`/`<CTA>`
 * given `when` or `arm`) and of the wrappers (`<Offer>`, `<Experiment>`), checked here so a mistake fails the build
 * naming the prop; and the attributes of the markup contract they write.
 */
import {
  ARM_WEIGHT,
  CHOICE_DEFAULT,
  CHOICE_WHEN,
  CTA_ARM,
  EXPERIMENT_DESTINATIONS,
  EXPERIMENT_ENDS,
  EXPERIMENT_HOLDOUT,
  EXPERIMENT_WINNER,
  OFFER_PERSONALISED,
} from '@astro-cta/contract';
import { serializeWhen, type When, whenProblem } from '../offers/when.ts';
import { parseDeadline } from './deadline.ts';
import type { PropProblem } from './validate.ts';

/**
 * The notice a personalised price or discount carries (EU Directive 2019/2161, "Omnibus", amending Art. 6(1)(ea) of
 * the Consumer Rights Directive: the consumer is told that the price was personalised on the basis of automated
 * decision-making). Authors may reword it (`disclosure`), not remove it.
 */
export const DEFAULT_DISCLOSURE =
  'Personalised for you: this offer was chosen by automated decision-making, based on what you viewed on this site.';

/** Names of offers, experiments and arms: reported with events, so they stay short and plain. */
const NAME = /^[A-Za-z0-9][\w.:-]{0,63}$/;

export interface AlternativeProps {
  /** The alternative's name, reported as the arm of its CTAs' events. */
  arm?: unknown;
  /** An offer alternative's condition on behaviour signals; without it, the offer's default. */
  when?: unknown;
  /** Its price or discount is personalised: a visible disclosure is rendered with it. */
  personalised?: unknown;
  /** The disclosure's wording (default: DEFAULT_DISCLOSURE); it cannot be empty. */
  disclosure?: unknown;
  /** An experiment arm's relative weight (default 1). */
  weight?: unknown;
  /** The experiment's default arm (shown without JavaScript, in the holdout and after an end without winner). */
  default?: unknown;
}

export const ALTERNATIVE_PROPS = ['arm', 'when', 'personalised', 'disclosure', 'weight', 'default'] as const;

/** True when `<Incentive>`/`<CTA>` is used as an offer's alternative. */
export function isAlternative(props: Record<string, unknown>): boolean {
  // `personalised` alone makes one too: a personalised price belongs in an offer, which the stray check enforces.
  return ['when', 'arm', 'personalised', 'disclosure'].some((prop) => props[prop] !== undefined);
}

/** The props without the alternative ones (what `<Incentive>`/`<CTA>` spread onto HTML). */
export function withoutAlternativeProps<T extends Record<string, unknown>>(props: T): T {
  const rest = { ...props };
  for (const prop of ALTERNATIVE_PROPS) delete rest[prop];
  return rest;
}

export function nameProblem(prop: string, value: unknown, example: string): PropProblem | undefined {
  if (typeof value === 'string' && NAME.test(value)) return undefined;
  return {
    prop,
    problem: value === undefined ? 'is missing.' : `${JSON.stringify(value)} is not a usable name.`,
    fix: `give a short name of letters, digits and - _ . : (it is reported with the CTAs' events), e.g. ${prop}="${example}".`,
  };
}

/** Checks an alternative's props; `kind` says which wrapper it belongs in. */
export function alternativeProblem(props: AlternativeProps, kind: 'offer' | 'experiment'): PropProblem | undefined {
  if (kind === 'experiment') {
    const named = nameProblem('name', props.arm, 'B');
    if (named) return named;
    if (
      props.weight !== undefined &&
      !(typeof props.weight === 'number' && Number.isFinite(props.weight) && props.weight > 0)
    )
      return {
        prop: 'weight',
        problem: `${JSON.stringify(props.weight)} is not a positive number.`,
        fix: 'give a relative weight above 0, e.g. weight={2} for twice the share of an arm of weight 1.',
      };
    if (props.default !== undefined && typeof props.default !== 'boolean')
      return { prop: 'default', problem: 'is not true or false.', fix: 'write `default` on one arm.' };
    return undefined;
  }
  if (props.arm !== undefined || props.when !== undefined) {
    const named = nameProblem('arm', props.arm ?? (props.when === undefined ? 'default' : undefined), 'viewed-jacket');
    if (named)
      return props.arm === undefined
        ? { ...named, problem: 'is missing: an alternative with `when` needs a name for the report.' }
        : named;
  }
  if (props.when !== undefined) {
    const problem = whenProblem(props.when);
    if (problem) return { prop: problem.key === 'when' ? 'when' : `when.${problem.key}`, ...problem };
  }
  if (props.personalised !== undefined && typeof props.personalised !== 'boolean')
    return { prop: 'personalised', problem: 'is not true or false.', fix: 'write `personalised` or leave it out.' };
  if (props.disclosure !== undefined) {
    if (!props.personalised)
      return {
        prop: 'disclosure',
        problem: 'rewords the notice of a personalised price, and this alternative is not `personalised`.',
        fix: 'add `personalised` if its price or discount depends on the visitor, or drop `disclosure`.',
      };
    if (typeof props.disclosure !== 'string' || props.disclosure.trim().length < 20)
      return {
        prop: 'disclosure',
        problem: 'is empty or too short to tell the visitor that the price was personalised.',
        fix: `reword it, do not remove it (EU Omnibus Directive), e.g. disclosure="${DEFAULT_DISCLOSURE}".`,
      };
  }
  return undefined;
}

/** The alternative element's attributes (without the claim token, which the component adds). */
export function alternativeAttributes(props: AlternativeProps, kind: 'offer' | 'experiment'): Record<string, string> {
  const attributes: Record<string, string> = {};
  if (kind === 'experiment') {
    attributes[CTA_ARM] = props.arm as string;
    if (props.weight !== undefined) attributes[ARM_WEIGHT] = String(props.weight);
    if (props.default) attributes[CHOICE_DEFAULT] = '';
    return attributes;
  }
  attributes[CTA_ARM] = (props.arm as string | undefined) ?? 'default';
  if (props.when !== undefined) attributes[CHOICE_WHEN] = serializeWhen(props.when as When);
  else attributes[CHOICE_DEFAULT] = '';
  if (props.personalised) attributes[OFFER_PERSONALISED] = '';
  return attributes;
}

export interface ExperimentProps {
  name?: unknown;
  ends?: unknown;
  winner?: unknown;
  holdout?: unknown;
  destinations?: unknown;
}

/** Checks an experiment's own props (its arms are checked once rendered: `winner` must name one). */
export function experimentProblem(props: ExperimentProps): PropProblem | undefined {
  const named = nameProblem('name', props.name, 'hero-copy');
  if (named) return named;
  if (props.ends !== undefined) {
    const parsed = parseDeadline(props.ends);
    if (!parsed.ok)
      return {
        prop: 'ends',
        problem: `the end of the experiment ${parsed.problem}`,
        fix: 'give when it stops splitting with its UTC offset, e.g. ends="2027-01-31T23:59:00+01:00".',
      };
  }
  if (props.winner !== undefined) {
    const problem = nameProblem('winner', props.winner, 'B');
    if (problem) return problem;
  }
  if (props.holdout !== undefined && !(typeof props.holdout === 'number' && props.holdout >= 0 && props.holdout < 1))
    return {
      prop: 'holdout',
      problem: `${JSON.stringify(props.holdout)} is not a share from 0 up to (not including) 1.`,
      fix: 'give the share of visitors who see the default and are not counted, e.g. holdout={0.1} for 10%.',
    };
  if (props.destinations !== undefined && props.destinations !== 'differ')
    return {
      prop: 'destinations',
      problem: `${JSON.stringify(props.destinations)} is not "differ".`,
      fix: 'write destinations="differ" when the arms lead to different pages on purpose, or leave it out.',
    };
  return undefined;
}

/** The experiment wrapper's attributes besides data-cta-choose and the name. */
export function experimentAttributes(props: ExperimentProps): Record<string, string> {
  const attributes: Record<string, string> = {};
  if (props.ends !== undefined) {
    const parsed = parseDeadline(props.ends);
    if (parsed.ok) attributes[EXPERIMENT_ENDS] = parsed.deadline.iso;
  }
  if (props.winner !== undefined) attributes[EXPERIMENT_WINNER] = props.winner as string;
  if (props.holdout) attributes[EXPERIMENT_HOLDOUT] = String(props.holdout);
  if (props.destinations) attributes[EXPERIMENT_DESTINATIONS] = props.destinations as string;
  return attributes;
}
