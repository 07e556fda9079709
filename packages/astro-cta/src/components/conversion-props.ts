/**
 * Build-time checks of `<Conversion>`'s props, with the same rules the collector applies to a conversion event
 * (so a page never sends one it would refuse): a goal name, a value >= 0 with an ISO 4217 currency in capitals.
 */
export interface ConversionPropsProblem {
  prop: string;
  problem: string;
  fix: string;
}

/** The collector's bounds (packages/collector/src/limits.ts): name length and the largest value. */
const MAX_GOAL_LENGTH = 128;
const MAX_VALUE = 1_000_000_000;
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

const problemWith = (prop: string, problem: string, fix: string): ConversionPropsProblem => ({ prop, problem, fix });

export function conversionPropsError(props: Record<string, unknown>): ConversionPropsProblem | undefined {
  const { goal, value, currency } = props;
  if (typeof goal !== 'string' || goal.trim() === '')
    return problemWith(
      'goal',
      'is missing or empty.',
      'name the goal this page stands for, e.g. goal="signup" (the data-cta-goal of the CTAs that lead here).',
    );
  if (goal.length > MAX_GOAL_LENGTH || /[\u0000-\u001f\u007f-\u009f]/.test(goal))
    return problemWith(
      'goal',
      `"${goal.slice(0, 40)}…" is longer than ${MAX_GOAL_LENGTH} characters or holds control characters.`,
      'use a short name such as "signup" or "purchase".',
    );
  if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_VALUE))
    return problemWith(
      'value',
      `${JSON.stringify(value) ?? String(value)} is not a number from 0 to ${MAX_VALUE}.`,
      "give the amount in the currency's units as a number, e.g. value={49.9}.",
    );
  if (value !== undefined && currency === undefined)
    return problemWith('currency', '`value` has no currency.', 'add an ISO 4217 code, e.g. currency="EUR".');
  if (currency !== undefined && value === undefined)
    return problemWith('value', '`currency` is given without a value.', 'add value={…}, or remove currency.');
  if (currency !== undefined && (typeof currency !== 'string' || !CURRENCIES.has(currency)))
    return problemWith(
      'currency',
      `"${String(currency)}" is not an ISO 4217 currency code in capitals.`,
      'use a code such as "EUR", "USD" or "GBP".',
    );
  return undefined;
}
