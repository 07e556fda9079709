/** `<Incentive>`'s rules: what each kind needs, and the headline it reads as ("20% off orders over €50"). */
import { INCENTIVE_KINDS, type IncentiveKind } from '@astro-cta/contract';
import { parseDeadline } from './deadline.ts';
import { timeZoneAndLocaleProblem } from './display-props.ts';
import { currencyProblem, formatMoney, formatPercent } from './format.ts';
import { unstyledProblem } from './styling.ts';
import type { PropProblem } from './validate.ts';

export interface IncentiveInput {
  kind?: unknown;
  percent?: unknown;
  amount?: unknown;
  currency?: unknown;
  threshold?: unknown;
  days?: unknown;
  code?: unknown;
  expires?: unknown;
  terms?: unknown;
  timeZone?: unknown;
  locale?: unknown;
  unstyled?: unknown;
}

const isPositive = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0;
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** Checks an incentive's props; `hasText` says whether the author wrote a headline between the tags. */
export function incentivePropsError(props: IncentiveInput, hasText: boolean): PropProblem | undefined {
  const { kind } = props;
  if (!(INCENTIVE_KINDS as readonly unknown[]).includes(kind)) {
    return {
      prop: 'kind',
      problem: kind === undefined ? 'is missing.' : `"${String(kind)}" is not a kind.`,
      fix: `use one of ${INCENTIVE_KINDS.join(', ')}.`,
    };
  }
  if (!isText(props.terms)) {
    return {
      prop: 'terms',
      problem: `the ${String(kind)} offer states no conditions.`,
      fix: 'give `terms`: a URL of the offer\'s terms (terms="/terms#trial") or the conditions in words (terms="New customers only").',
    };
  }
  if (props.percent !== undefined && props.amount !== undefined) {
    return {
      prop: 'percent',
      problem: 'both `percent` and `amount` are given.',
      fix: 'keep one: percent={20} for "20% off" or amount={10} currency="EUR" for "€10 off".',
    };
  }
  if (props.percent !== undefined && !(isPositive(props.percent) && props.percent <= 100)) {
    return {
      prop: 'percent',
      problem: `${String(props.percent)} is not a percentage above 0 and at most 100.`,
      fix: 'give the discount as a number, e.g. percent={20}.',
    };
  }
  for (const prop of ['amount', 'threshold'] as const) {
    if (props[prop] === undefined) continue;
    if (!isPositive(props[prop]))
      return {
        prop,
        problem: `${String(props[prop])} is not an amount above 0.`,
        fix: `give a number in the currency's units, e.g. ${prop}={50}.`,
      };
    if (props.currency === undefined)
      return {
        prop: 'currency',
        problem: `\`${prop}\` has no currency.`,
        fix: 'give an ISO 4217 code, e.g. currency="EUR": amounts are formatted and compared per currency.',
      };
  }
  if (props.currency !== undefined) {
    const problem = currencyProblem(props.currency);
    if (problem) return { prop: 'currency', problem, fix: 'use an ISO 4217 code such as "EUR", "USD" or "GBP".' };
  }
  if (kind === 'discount' && props.percent === undefined && props.amount === undefined && !hasText) {
    return {
      prop: 'percent',
      problem: 'the discount says nothing about its size.',
      fix: 'give percent={20}, or amount={10} with currency="EUR".',
    };
  }
  if (kind === 'trial' && !(Number.isInteger(props.days) && isPositive(props.days)) && !hasText) {
    return {
      prop: 'days',
      problem:
        props.days === undefined ? 'the trial has no length.' : `${String(props.days)} is not a whole number of days.`,
      fix: 'give the trial length, e.g. days={14}.',
    };
  }
  if (kind === 'trial' && props.days !== undefined && !(Number.isInteger(props.days) && isPositive(props.days))) {
    return {
      prop: 'days',
      problem: `${String(props.days)} is not a whole number of days.`,
      fix: 'give the trial length, e.g. days={14}.',
    };
  }
  if (kind === 'bonus' && !hasText) {
    return {
      prop: 'children',
      problem: 'the bonus does not say what it is.',
      fix: 'write it between the tags: <Incentive kind="bonus" …>Free onboarding call</Incentive>.',
    };
  }
  if (props.code !== undefined && !(isText(props.code) && /^\S+$/.test(props.code.trim()))) {
    return {
      prop: 'code',
      problem: `"${String(props.code)}" is not a usable code.`,
      fix: 'give the exact code to type at checkout, without spaces, e.g. code="SAVE20".',
    };
  }
  if (props.expires !== undefined) {
    const parsed = parseDeadline(props.expires);
    if (!parsed.ok)
      return {
        prop: 'expires',
        problem: `the end of the offer ${parsed.problem}`,
        fix: 'give the absolute end with its UTC offset, e.g. expires="2026-12-31T23:59:00+01:00".',
      };
  }
  return timeZoneAndLocaleProblem(props, 'the offset of `expires`') ?? unstyledProblem(props.unstyled);
}

/** The props the headline is made from; `<Incentive>` takes them as they are. */
export interface IncentiveHeadlineInput {
  kind: IncentiveKind;
  /** Discount in percent: percent={20} → "20% off". */
  percent?: number;
  /** Discount as an amount in `currency`: amount={10} currency="EUR" → "€10 off". */
  amount?: number;
  /** ISO 4217 code for `amount` and `threshold`. */
  currency?: string;
  /** Minimum order, in `currency`: "on orders over €50". */
  threshold?: number;
  /** Trial length in days: days={14} → "14-day free trial". */
  days?: number;
}

/** The generated headline, e.g. "20% off orders over $50", "Free shipping on orders over €50", "14-day free trial". */
export function incentiveHeadline(input: IncentiveHeadlineInput, locale: string): string {
  const money = (value: number) => formatMoney(value, input.currency!, locale);
  const over = input.threshold !== undefined ? ` over ${money(input.threshold)}` : '';
  switch (input.kind) {
    case 'discount': {
      const size = input.percent !== undefined ? formatPercent(input.percent, locale) : money(input.amount!);
      return input.threshold !== undefined ? `${size} off orders${over}` : `${size} off`;
    }
    case 'free-shipping':
      return input.threshold !== undefined ? `Free shipping on orders${over}` : 'Free shipping';
    case 'trial':
      return `${input.days}-day free trial`;
    case 'bonus':
      return 'Bonus';
  }
}

/** A URL-like `terms` value is linked; anything else is shown as the conditions themselves. */
export function termsAreLink(terms: string): boolean {
  return /^(https?:\/\/|\/|#|\.\.?\/)/.test(terms.trim());
}
