import { send } from './track.ts';

export interface ConversionValue {
  /** What the conversion is worth: a finite number >= 0 (e.g. 49.9), in `currency`. */
  value?: number;
  /** ISO 4217 code in capitals (`EUR`, `USD`); required with `value`. */
  currency?: string;
}

/**
 * Reports that the visitor reached a goal (`signup`, `purchase`…), e.g. from a form's success handler. The event
 * carries the visit id; the collector attributes it to the CTA clicked before it in the same visit. Goes through
 * the same privacy and consent gates as clicks. A goal that is not a name is refused with an error in the console;
 * a value without a valid currency (or the reverse) is reported there too, and the conversion goes without it.
 */
export function trackConversion(goal: string, { value, currency }: ConversionValue = {}): void {
  if (typeof goal != 'string' || !/^[^\0-\x1f\x7f-\x9f]{1,128}$/.test(goal))
    return console.error(
      `astro-cta trackConversion: the goal must be a name of 1 to 128 characters, got ${JSON.stringify(goal)}`,
    );
  const valued = value !== undefined || currency !== undefined;
  // Intl.supportedValuesOf is the collector's list too; browsers without it (before 2022) get the code's shape checked.
  const known = /^[A-Z]{3}$/.test(currency!) && (Intl.supportedValuesOf?.('currency').includes(currency!) ?? true);
  const valid = value! >= 0 && value! <= 1e9 && known;
  if (valued && !valid)
    console.error(
      `astro-cta trackConversion("${goal}"): value must be a number from 0 to 1e9 with an ISO 4217 ` +
        'currency such as "EUR"; sent without value',
    );
  send({ t: 'conversion', id: goal, g: goal, ...(valid && { val: value, cur: currency }) });
}
