/**
 * An offer alternative's condition (`data-cta-when`, JSON) as the audit reads it: which keys the chooser knows, what
 * each may hold, and which item ids it names (checked against the site's `data-cta-item` marks).
 *
 * The keys and values are the ones the kit's chooser evaluates (packages/astro-cta/src/offers/when.ts): viewed (with
 * times), inCart, within, notPurchased, returning, campaign. Keep the two in step.
 */

type Check = (value: unknown) => string | undefined;

/** Item ids and campaign names: what a URL or a data attribute carries without escaping. */
const ID = /^[\w.:-]{1,100}$/;
/** A duration: a whole number above 0 of minutes, hours, days or weeks. */
const DURATION = /^[1-9]\d*(?:m|h|d|w)$/;

const id: Check = (value) =>
  typeof value === 'string' && ID.test(value)
    ? undefined
    : 'an id of letters, digits and - _ . : (e.g. "fjord-jacket")';

const CONDITION_KEYS: Readonly<Record<string, Check>> = {
  viewed: id,
  times: (value) => (Number.isInteger(value) && (value as number) >= 1 ? undefined : 'a whole number of 1 or more'),
  inCart: id,
  within: (value) =>
    typeof value === 'string' && DURATION.test(value) ? undefined : 'a duration such as "7d" or "12h"',
  notPurchased: (value) => (value === true ? undefined : 'true'),
  returning: (value) => (typeof value === 'boolean' ? undefined : 'true or false'),
  campaign: id,
};

/** The keys a condition may have. */
export const KNOWN_CONDITION_KEYS: readonly string[] = Object.keys(CONDITION_KEYS);
/** Keys whose values are item ids. */
const ITEM_KEYS = ['viewed', 'inCart'];
/** Keys that narrow an item signal rather than stand alone, with the item keys they narrow. */
const NEEDS_ITEM: Readonly<Record<string, readonly string[]>> = { within: ['viewed', 'inCart'], times: ['viewed'] };

export type ConditionProblem =
  | { kind: 'json'; detail: string }
  | { kind: 'not-object' }
  | { kind: 'empty' }
  | { kind: 'unknown-key'; key: string }
  | { kind: 'bad-value'; key: string; expected: string }
  | { kind: 'needs-item'; key: string; items: readonly string[] };

export interface Condition {
  problems: ConditionProblem[];
  /** Item ids the condition names (empty when it is not valid JSON). */
  items: string[];
}

/** Reads a `data-cta-when` value: what is wrong with it, and the item ids it names. */
export function readCondition(text: string): Condition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { problems: [{ kind: 'json', detail: (error as Error).message }], items: [] };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { problems: [{ kind: 'not-object' }], items: [] };
  }
  const record = parsed as Record<string, unknown>;
  const keys = Object.keys(record);
  const problems: ConditionProblem[] = [];
  if (keys.length === 0) problems.push({ kind: 'empty' });
  for (const key of keys) {
    const check = Object.hasOwn(CONDITION_KEYS, key) ? CONDITION_KEYS[key] : undefined;
    if (!check) {
      problems.push({ kind: 'unknown-key', key });
      continue;
    }
    const expected = check(record[key]);
    if (expected) problems.push({ kind: 'bad-value', key, expected });
  }
  for (const [key, items] of Object.entries(NEEDS_ITEM)) {
    if (Object.hasOwn(record, key) && !items.some((item) => Object.hasOwn(record, item))) {
      problems.push({ kind: 'needs-item', key, items });
    }
  }
  const items = ITEM_KEYS.map((key) => record[key]).filter(
    (value): value is string => typeof value === 'string' && ID.test(value),
  );
  return { problems, items };
}

/** What is wrong, said to the author, with the fix. */
export function describeProblem(problem: ConditionProblem): string {
  switch (problem.kind) {
    case 'json':
      return `is not valid JSON (${problem.detail}); write it like {"viewed":"fjord-jacket","within":"7d"}`;
    case 'not-object':
      return 'is not a JSON object; write it like {"viewed":"fjord-jacket","within":"7d"}';
    case 'empty':
      return 'is empty, so it matches every visitor and the default is never shown; name a signal, e.g. {"returning":true}';
    case 'unknown-key':
      return `has the unknown key "${problem.key}", which the chooser does not know, so the alternative is never shown; known keys: ${KNOWN_CONDITION_KEYS.join(', ')}`;
    case 'bad-value':
      return `has "${problem.key}" set to something other than ${problem.expected}`;
    case 'needs-item':
      return `has "${problem.key}" without an item to apply it to; add ${problem.items.map((item) => `"${item}"`).join(' or ')}`;
  }
}
